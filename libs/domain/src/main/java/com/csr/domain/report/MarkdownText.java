package com.csr.domain.report;

/**
 * A tenant's text (a customer id, a product code) as Markdown that shows exactly that text: every character Markdown
 * or a GitHub table would read as a link, an image, emphasis, code, a cell border or an HTML tag or entity is
 * backslash-escaped, and a line break becomes a space. {@code [x](javascript:…)} then stays those characters, not a
 * link, and {@code ![x](http://…)} not an image a renderer fetches.
 */
public final class MarkdownText {

    /** The ASCII punctuation CommonMark and GFM tables give a meaning to inside a line of text. */
    private static final String SPECIAL = "\\`*_[]()!<>|~&{}#";

    private MarkdownText() {
    }

    /** The text, escaped; null reads as an empty cell. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                escaped.append(' ');
            } else {
                if (SPECIAL.indexOf(c) >= 0) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
