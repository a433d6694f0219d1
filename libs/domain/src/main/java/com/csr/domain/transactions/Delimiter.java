package com.csr.domain.transactions;

/** The separator of a text file, guessed from its first line. */
enum Delimiter {
    COMMA(','), SEMICOLON(';'), TAB('\t'), WHITESPACE(' ');

    final char character;

    Delimiter(char character) {
        this.character = character;
    }

    /** The delimiter that occurs most often outside quotes; whitespace runs when none of , ; tab occurs. */
    static Delimiter guess(String firstLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < firstLine.length(); i++) {
            char c = firstLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (commas == 0 && semicolons == 0 && tabs == 0) {
            if (firstLine.trim().split("\\s+").length > 1) {
                return WHITESPACE;
            }
            throw new InvalidTransactionFileException("cannot tell the columns apart: the first line has no "
                    + "comma, semicolon, tab or space separating them");
        }
        if (tabs >= commas && tabs >= semicolons) {
            return TAB;
        }
        return semicolons > commas ? SEMICOLON : COMMA;
    }
}
