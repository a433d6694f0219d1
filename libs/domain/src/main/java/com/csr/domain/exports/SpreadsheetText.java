package com.csr.domain.exports;

/**
 * A tenant's text (a customer id) as a CSV cell a spreadsheet shows as text, never runs as a formula: a cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, as
 * OWASP's advice on CSV injection has it. Only text cells go through here; numbers are written as numbers.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** The text, safe to open in a spreadsheet; null stays null (an empty cell). */
    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
