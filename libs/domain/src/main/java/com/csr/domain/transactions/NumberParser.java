package com.csr.domain.transactions;

/**
 * Reads quantities, prices and amounts as exports write them: {@code 3.75}, {@code -12}, {@code £1,234.50},
 * {@code 3,75} (decimal comma). Returns NaN for anything else.
 */
public final class NumberParser {

    private NumberParser() {
    }

    public static double parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return parseFormatted(s);
        }
    }

    private static double parseFormatted(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean hasDot = s.indexOf('.') >= 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || c == '-' || c == '.' || c == 'E' || c == 'e') {
                sb.append(c);
            } else if (c == ',') {
                if (!hasDot) {
                    sb.append('.');
                }
            } else if (c != '£' && c != '$' && c != '€' && c != ' ' && c != '\u00a0' && c != '+') {
                return Double.NaN;
            }
        }
        try {
            double v = Double.parseDouble(sb.toString());
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
