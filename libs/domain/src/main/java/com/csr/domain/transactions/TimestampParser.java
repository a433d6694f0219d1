package com.csr.domain.transactions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the date formats retail exports use, to epoch seconds (UTC): ISO ({@code 2010-12-01 08:26:00},
 * {@code 2010-12-01T08:26:00Z}, {@code 2010-12-01}), US month-first ({@code 12/1/2010 8:26}, with optional AM/PM;
 * day-first when the first number exceeds 12, and always with dots: {@code 1.12.2010}), compact
 * {@code 20100112}, and spreadsheet serial days ({@code 40148.35}).
 *
 * <p>Files repeat the same timestamp on every line of an invoice, so the last answer is cached; one instance per
 * reading thread.
 */
public final class TimestampParser {

    /** Returned for a value that is not a date. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long EXCEL_EPOCH_DAY = LocalDate.of(1899, 12, 30).toEpochDay();

    private String lastText;
    private long lastValue;

    /** Epoch seconds, or {@link #INVALID}. */
    public long parse(String text) {
        if (text.equals(lastText)) {
            return lastValue;
        }
        long value = parseUncached(text.trim());
        lastText = text;
        lastValue = value;
        return value;
    }

    private static long parseUncached(String s) {
        if (s.isEmpty()) {
            return INVALID;
        }
        if (isSpreadsheetSerial(s)) {
            return excelSerial(s);
        }
        try {
            if (s.indexOf('T') == 10 && (s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10)) {
                return OffsetDateTime.parse(s).toEpochSecond();
            }
            int[] parts = new int[7];
            int[] digits = new int[7];
            int n = 0;
            int current = -1;
            int currentDigits = 0;
            char separator = 0;
            boolean pm = false;
            boolean am = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    current = (current < 0 ? 0 : current * 10) + (c - '0');
                    if (++currentDigits > 9) {
                        return INVALID;
                    }
                    continue;
                }
                if (current >= 0) {
                    if (n == parts.length) {
                        return INVALID;
                    }
                    parts[n] = current;
                    digits[n++] = currentDigits;
                    current = -1;
                    currentDigits = 0;
                }
                if (n == 1 && separator == 0) {
                    separator = c;
                }
                if (c == 'P' || c == 'p') {
                    pm = true;
                } else if (c == 'A' || c == 'a') {
                    am = true;
                } else if (c != '-' && c != '/' && c != '.' && c != ':' && c != ' ' && c != 'T' && c != 'M'
                        && c != 'm' && c != ',') {
                    return INVALID;
                }
            }
            if (current >= 0) {
                if (n == parts.length) {
                    return INVALID;
                }
                parts[n] = current;
                digits[n++] = currentDigits;
            }
            if (n == 1 && digits[0] == 8) {
                return seconds(parts[0] / 10000, parts[0] / 100 % 100, parts[0] % 100, 0, 0, 0);
            }
            if ((n == 1 || n == 2) && digits[0] == 5 && separator != '/') {
                return excelSerial(s);
            }
            if (n < 3) {
                return INVALID;
            }
            int year;
            int month;
            int day;
            if (digits[0] == 4) {
                year = parts[0];
                month = parts[1];
                day = parts[2];
            } else if (digits[2] == 4 || digits[2] == 2) {
                year = digits[2] == 2 ? 2000 + parts[2] : parts[2];
                boolean dayFirst = separator == '.' || parts[0] > 12;
                month = dayFirst ? parts[1] : parts[0];
                day = dayFirst ? parts[0] : parts[1];
            } else {
                return INVALID;
            }
            int hour = n > 3 ? parts[3] : 0;
            if (pm && hour < 12) {
                hour += 12;
            } else if (am && hour == 12) {
                hour = 0;
            }
            return seconds(year, month, day, hour, n > 4 ? parts[4] : 0, n > 5 ? parts[5] : 0);
        } catch (DateTimeException | ArithmeticException e) {
            return INVALID;
        }
    }

    private static long seconds(int year, int month, int day, int hour, int minute, int second) {
        if (hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        return LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    /** Five digits and an optional fraction of any length: XLSX date-time cells carry up to 17 digits. */
    private static boolean isSpreadsheetSerial(String s) {
        int dot = s.indexOf('.');
        if ((dot < 0 ? s.length() : dot) != 5) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i != dot && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static long excelSerial(String s) {
        try {
            double days = Double.parseDouble(s);
            long whole = (long) Math.floor(days);
            return (EXCEL_EPOCH_DAY + whole) * 86_400L + Math.round((days - whole) * 86_400.0);
        } catch (NumberFormatException | DateTimeParseException e) {
            return INVALID;
        }
    }
}
