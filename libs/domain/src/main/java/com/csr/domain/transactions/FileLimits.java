package com.csr.domain.transactions;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much one transaction file may hold, so that no file can exhaust memory: readers stop at a limit with a
 * {@link FileLimitException} naming it, its setting and the data row, and never hold more than the limit.
 *
 * <p>Defaults ({@link #defaults()}), each a setting {@code csr.ingest.limits.*} in the ingest service and the
 * environment variable {@code CSR_INGEST_LIMITS_*} for {@code ./csr train} and {@code ./csr publish}:
 * <ul>
 *   <li>{@code max-line-chars} 1 MiB: a line, in characters. In CSV a line is a record as the file has it, with its
 *       quotes, delimiters and quoted line breaks (its own line break excluded); in a workbook, or on Kafka, a row's
 *       cells together.</li>
 *   <li>{@code max-cell-chars} 1 MiB: a cell, in characters, as read (quotes removed).</li>
 *   <li>{@code max-decompressed-bytes} 16 GiB: the file's bytes once decompressed (a plain file's own bytes; for a
 *       workbook, the parts that are read).</li>
 *   <li>{@code max-rows} 100,000,000: data rows of a file.</li>
 *   <li>{@code max-sheet-bytes} 2 GiB: a workbook part other than the shared strings (the sheet above all),
 *       decompressed.</li>
 *   <li>{@code max-shared-strings-bytes} 128 MiB: a workbook's shared-strings table, decompressed; it is the one
 *       part the XLSX reader keeps on the heap, at about twice its size.</li>
 * </ul>
 *
 * @param maxLineChars          longest line, in characters
 * @param maxCellChars          longest cell, in characters
 * @param maxDecompressedBytes  most bytes a file may decompress to
 * @param maxRows               most data rows in a file
 * @param maxSheetBytes         most bytes a workbook's sheet (any part but the shared strings) may decompress to
 * @param maxSharedStringsBytes most bytes a workbook's shared strings may decompress to
 */
public record FileLimits(int maxLineChars, int maxCellChars, long maxDecompressedBytes, long maxRows,
                         long maxSheetBytes, long maxSharedStringsBytes) {

    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;
    private static final long GIB = MIB * KIB;
    /** A Java string holds at most about this many characters; a longer limit could never be reached. */
    private static final long MAX_CHARS = Integer.MAX_VALUE - 16;
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(?:I?B)?", Pattern.CASE_INSENSITIVE);

    private static final FileLimits DEFAULTS = new FileLimits((int) MIB, (int) MIB, 16 * GIB, 100_000_000L,
            2 * GIB, 128 * MIB);

    /** Each limit, by the name users see: its setting, its environment variable, and what it bounds. */
    public enum Limit {
        LINE("max-line-chars", "a line", Unit.CHARACTERS, false),
        CELL("max-cell-chars", "a cell", Unit.CHARACTERS, false),
        DECOMPRESSED_BYTES("max-decompressed-bytes", "decompressed bytes per file", Unit.BYTES, true),
        ROWS("max-rows", "rows per file", Unit.ROWS, true),
        SHEET_BYTES("max-sheet-bytes", "a workbook sheet, decompressed", Unit.BYTES, true),
        SHARED_STRINGS_BYTES("max-shared-strings-bytes", "a workbook's shared strings, decompressed", Unit.BYTES,
                true);

        private final String key;
        private final String bounds;
        private final Unit unit;
        private final boolean wholeFile;

        Limit(String key, String bounds, Unit unit, boolean wholeFile) {
            this.key = key;
            this.bounds = bounds;
            this.unit = unit;
            this.wholeFile = wholeFile;
        }

        /** The setting's name after {@code csr.ingest.limits.}, e.g. {@code max-line-chars}. */
        public String key() {
            return key;
        }

        /** The ingest service's setting, e.g. {@code csr.ingest.limits.max-line-chars}. */
        public String setting() {
            return "csr.ingest.limits." + key;
        }

        /** The same setting as an environment variable, e.g. {@code CSR_INGEST_LIMITS_MAX_LINE_CHARS}. */
        public String environmentVariable() {
            return "CSR_INGEST_LIMITS_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
        }

        /**
         * True when the limit is on the file as a whole (its size or row count: answered 413 over HTTP); false when
         * it is on one line or cell (a malformed file: 400).
         */
        public boolean wholeFile() {
            return wholeFile;
        }

        /** A value of this limit as a person reads it: {@code 1,048,576 characters (1 MiB)}, {@code 16 GiB}. */
        public String describe(long value) {
            return switch (unit) {
                case ROWS -> String.format(Locale.ROOT, "%,d rows", value);
                case BYTES -> round(value).orElse(String.format(Locale.ROOT, "%,d bytes", value));
                case CHARACTERS -> String.format(Locale.ROOT, "%,d characters", value)
                        + round(value).map(r -> " (" + r + ")").orElse("");
            };
        }

        /** {@code the limit on a line (csr.ingest.limits.max-line-chars)}: how every message ends. */
        String phrase() {
            return "the limit on " + bounds + " (" + setting() + ")";
        }

        private static java.util.Optional<String> round(long value) {
            for (long unit : new long[] {GIB, MIB, KIB}) {
                if (value >= unit && value % unit == 0) {
                    return java.util.Optional.of(value / unit + (unit == GIB ? " GiB" : unit == MIB ? " MiB" : " KiB"));
                }
            }
            return java.util.Optional.empty();
        }
    }

    private enum Unit { CHARACTERS, BYTES, ROWS }

    public FileLimits {
        for (long value : new long[] {maxLineChars, maxCellChars, maxDecompressedBytes, maxRows, maxSheetBytes,
                maxSharedStringsBytes}) {
            if (value < 1) {
                throw new IllegalArgumentException("every file limit must be at least 1, got " + value);
            }
        }
    }

    /** The defaults, chosen to let a 50-million-row export through (docs/decisions.md says why). */
    public static FileLimits defaults() {
        return DEFAULTS;
    }

    /** These limits with one of them changed. */
    public FileLimits with(Limit limit, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(limit.key + " must be at least 1, got " + value);
        }
        boolean characters = limit.unit == Unit.CHARACTERS;
        if (characters && value > MAX_CHARS) {
            throw new IllegalArgumentException(limit.key + " can be at most " + MAX_CHARS + ", got " + value);
        }
        int chars = characters ? (int) value : 0;
        return new FileLimits(limit == Limit.LINE ? chars : maxLineChars, limit == Limit.CELL ? chars : maxCellChars,
                limit == Limit.DECOMPRESSED_BYTES ? value : maxDecompressedBytes, limit == Limit.ROWS ? value : maxRows,
                limit == Limit.SHEET_BYTES ? value : maxSheetBytes,
                limit == Limit.SHARED_STRINGS_BYTES ? value : maxSharedStringsBytes);
    }

    /** The value of one limit. */
    public long value(Limit limit) {
        return switch (limit) {
            case LINE -> maxLineChars;
            case CELL -> maxCellChars;
            case DECOMPRESSED_BYTES -> maxDecompressedBytes;
            case ROWS -> maxRows;
            case SHEET_BYTES -> maxSheetBytes;
            case SHARED_STRINGS_BYTES -> maxSharedStringsBytes;
        };
    }

    /**
     * The defaults, with each limit whose environment variable ({@link Limit#environmentVariable()}) is set taken
     * from it: sizes as {@code 1048576}, {@code 64K}, {@code 16G} (binary units), rows as a whole number.
     *
     * @throws IllegalArgumentException naming the variable whose value cannot be read
     */
    public static FileLimits fromEnvironment(Map<String, String> environment) {
        FileLimits limits = defaults();
        for (Limit limit : Limit.values()) {
            String text = environment.get(limit.environmentVariable());
            if (text != null && !text.isBlank()) {
                limits = limits.with(limit, parse(limit, text, limit.environmentVariable()));
            }
        }
        return limits;
    }

    /**
     * Reads a value of a limit: a size ({@code 1048576}, {@code 64K}, {@code 16G}, binary units) or, for rows, a
     * whole number ({@code 100_000_000} allowed).
     *
     * @param name what to call the value in the error
     * @throws IllegalArgumentException when the text is not such a value
     */
    public static long parse(Limit limit, String text, String name) {
        String trimmed = text.trim().replace("_", "");
        if (limit.unit == Unit.ROWS) {
            try {
                return Long.parseLong(trimmed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number of rows, got '" + text + "'");
            }
        }
        Matcher m = SIZE.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must be a size such as 1048576, 512K, 1M or 16G, got '" + text
                    + "'");
        }
        long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> KIB;
            case "M" -> MIB;
            case "G" -> GIB;
            case "T" -> GIB * KIB;
            default -> 1;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(name + " is too large: '" + text + "'");
        }
    }

    /**
     * Checks one cell of a row, as the Kafka side receives rows one record at a time.
     *
     * @param row    the data row's number (1-based; 0 for the header)
     * @param column the column's name (or 1-based position)
     * @throws FileLimitException when the cell is longer than {@link #maxCellChars()}
     */
    public void requireCell(long row, String column, String value) {
        if (value != null && value.length() > maxCellChars) {
            throw new FileLimitException(Limit.CELL, maxCellChars, value.length(), row,
                    rowName(row) + ", column '" + shortened(column) + "', holds " + Limit.CELL.describe(value.length())
                            + ", more than " + Limit.CELL.describe(maxCellChars));
        }
    }

    /**
     * Checks a whole row received as column to cell: each cell against {@link #maxCellChars()}, and the cells
     * together against {@link #maxLineChars()}.
     *
     * @throws FileLimitException naming the limit and the row
     */
    public void requireCells(long row, Map<String, String> cells) {
        long total = 0;
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            requireCell(row, cell.getKey(), cell.getValue());
            total += cell.getValue() == null ? 0 : cell.getValue().length();
        }
        requireLine(row, total);
    }

    /**
     * Checks a line's length.
     *
     * @throws FileLimitException when {@code chars} is more than {@link #maxLineChars()}
     */
    public void requireLine(long row, long chars) {
        if (chars > maxLineChars) {
            throw lineTooLong(row);
        }
    }

    /**
     * Checks a row count, or a row's number (a file whose row {@code n} exists has at least {@code n} rows).
     *
     * @throws FileLimitException when {@code rows} is more than {@link #maxRows()}
     */
    public void requireRows(long rows) {
        if (rows > maxRows) {
            throw new FileLimitException(Limit.ROWS, maxRows, rows, maxRows + 1, "data row "
                    + String.format(Locale.ROOT, "%,d", maxRows + 1) + " is one more than "
                    + Limit.ROWS.describe(maxRows));
        }
    }

    FileLimitException lineTooLong(long row) {
        return new FileLimitException(Limit.LINE, maxLineChars, maxLineChars + 1L, row,
                rowName(row) + " is longer than " + Limit.LINE.describe(maxLineChars));
    }

    /** A byte limit passed while reading: {@code afterRow} is the last data row read before it. */
    static FileLimitException tooManyBytes(Limit limit, long value, String what, long afterRow) {
        String after = afterRow > 0 ? String.format(Locale.ROOT, " (after data row %,d)", afterRow) : "";
        return new FileLimitException(limit, value, value + 1, afterRow > 0 ? afterRow : -1,
                what + " decompresses to more than " + limit.describe(value) + after);
    }

    /** A column name fit for a one-line message. */
    private static String shortened(String column) {
        String oneLine = column.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
    }

    /** {@code data row 12,345}, or {@code the header} for row 0. */
    static String rowName(long row) {
        return row == 0 ? "the header" : String.format(Locale.ROOT, "data row %,d", row);
    }
}
