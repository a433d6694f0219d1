package com.csr.domain.transactions;

import static com.csr.domain.transactions.TestWorkbooks.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.csr.domain.transactions.FileLimits.Limit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each limit of {@link FileLimits} at its value, just below it and just above it, in every format it applies to:
 * a file at or under the limit reads whole, one over it fails with a {@link FileLimitException} naming the limit, its
 * setting and the row. Small limits, so the files stay small.
 */
class FileLimitsTest {

    @TempDir
    Path dir;

    /** The formats a file can come in; a line is measured as the file has it. */
    enum Format {
        CSV, GZIP_CSV, WHITESPACE, XLSX_SHARED_STRINGS, XLSX_INLINE_STRINGS;

        byte[] bytes(List<String[]> rows) {
            return switch (this) {
                case CSV -> utf8(text(rows, ","));
                case GZIP_CSV -> gzip(utf8(text(rows, ",")));
                case WHITESPACE -> utf8(text(rows, " "));
                case XLSX_SHARED_STRINGS -> TestWorkbooks.written(rows, false);
                case XLSX_INLINE_STRINGS -> TestWorkbooks.written(rows, true);
            };
        }

        /** A row's length as a line: its characters in a text file, its cells together in a workbook. */
        int lineLength(String[] row) {
            int cells = 0;
            for (String cell : row) {
                cells += cell.length();
            }
            return isWorkbook() ? cells : cells + row.length - 1;
        }

        boolean isWorkbook() {
            return this == XLSX_SHARED_STRINGS || this == XLSX_INLINE_STRINGS;
        }

        private static String text(List<String[]> rows, String separator) {
            StringBuilder text = new StringBuilder();
            for (String[] row : rows) {
                text.append(String.join(separator, row)).append('\n');
            }
            return text.toString();
        }
    }

    private static final String[] HEADER = {"customer", "date", "amount", "note"};

    /** A header and three data rows; the second carries a note of {@code noteLength} characters. */
    private static List<String[]> rows(int noteLength) {
        return List.of(HEADER,
                new String[] {"17850", "2010-12-01", "15.30", "first"},
                new String[] {"13047", "2010-12-02", "22.00", "n".repeat(noteLength)},
                new String[] {"12583", "2010-12-03", "9.99", "third"});
    }

    private static FileLimits limits(Limit limit, long value) {
        return FileLimits.defaults().with(limit, value);
    }

    private Path write(Format format, List<String[]> rows) throws IOException {
        return Files.write(dir.resolve("file-" + format + "-" + System.nanoTime()), format.bytes(rows));
    }

    /** Reads every row of the file; returns how many there were. */
    private static long readAll(Path file, FileLimits limits) {
        try (RowSource source = TransactionFiles.open(file, ColumnMapping.none(), limits)) {
            while (source.next() != null) {
                // reading is what is checked
            }
            return source.rowNumber();
        }
    }

    private static FileLimitException overLimit(Path file, FileLimits limits) {
        FileLimitException e = catchThrowableOfType(FileLimitException.class, () -> readAll(file, limits));
        assertThat(e).as("a FileLimitException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n", "\r").hasSizeLessThan(400);
        return e;
    }

    // ---------------------------------------------------------------------------------------------------------
    // A line

    @ParameterizedTest
    @EnumSource(Format.class)
    void aLineAtTheLimitOrJustUnderItIsReadAndOneCharacterMoreIsRefused(Format format) throws IOException {
        List<String[]> rows = rows(200);
        int length = format.lineLength(rows.get(2));
        Path file = write(format, rows);

        assertThat(readAll(file, limits(Limit.LINE, length))).isEqualTo(3);
        assertThat(readAll(file, limits(Limit.LINE, length + 1))).isEqualTo(3);
        FileLimitException e = overLimit(file, limits(Limit.LINE, length - 1));

        assertThat(e.limit()).isEqualTo(Limit.LINE);
        assertThat(e.value()).isEqualTo(length - 1);
        assertThat(e.row()).isEqualTo(2);
        assertThat(e).hasMessage("data row 2 is longer than " + Limit.LINE.describe(length - 1)
                + ", the limit on a line (csr.ingest.limits.max-line-chars)");
    }

    @Test
    void aCsvLineIsTheWholeRecordWithItsQuotesAndQuotedLineBreaks() throws IOException {
        String record = "13047,2010-12-02,22.00,\"two\nlines, \"\"quoted\"\"\"";
        Path file = Files.writeString(dir.resolve("quoted.csv"), String.join(",", HEADER) + "\r\n"
                + "17850,2010-12-01,15.30,first\r\n" + record + "\r\n\r\n" + "12583,2010-12-03,9.99,third\r\n");

        assertThat(readAll(file, limits(Limit.LINE, record.length()))).isEqualTo(3);
        assertThat(overLimit(file, limits(Limit.LINE, record.length() - 1)).row()).isEqualTo(2);
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsTextAsTheParserReadsIt() throws IOException {
        // 12" is an inch, not an open quote: the rest of the file is not one long line
        Path file = Files.writeString(dir.resolve("inches.csv"), String.join(",", HEADER) + "\n"
                + "17850,2010-12-01,15.30,12\" frame\n" + "13047,2010-12-02,22.00,plain\n".repeat(50));

        assertThat(readAll(file, limits(Limit.LINE, 40))).isEqualTo(51);
    }

    @Test
    void aHeaderOverTheLineLimitIsNamedAsTheHeader() throws IOException {
        Path file = write(Format.CSV, rows(5));

        FileLimitException e = overLimit(file, limits(Limit.LINE, 10));

        assertThat(e.row()).isZero();
        assertThat(e).hasMessageStartingWith("the header is longer than 10 characters");
    }

    @Test
    void withoutAHeaderLinesAreDataRowsFromTheFirst() throws IOException {
        Path file = Files.writeString(dir.resolve("positional.txt"), " 00001 19970101  1   11.77\n 00002 19970112  2"
                + "   12.00 and a long tail\n");
        FileLimits limits = limits(Limit.LINE, 30);

        FileLimitException e = catchThrowableOfType(FileLimitException.class, () -> {
            try (RowSource rows = TransactionFiles.open(file, ColumnMapping.parse("customer=1,date=2,amount=4"),
                    limits)) {
                while (rows.next() != null) {
                    // reading
                }
            }
        });

        assertThat(e.row()).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------------------------------
    // A cell

    @ParameterizedTest
    @EnumSource(Format.class)
    void aCellAtTheLimitOrJustUnderItIsReadAndOneCharacterMoreIsRefused(Format format) throws IOException {
        Path file = write(format, rows(120));

        assertThat(readAll(file, limits(Limit.CELL, 120))).isEqualTo(3);
        assertThat(readAll(file, limits(Limit.CELL, 121))).isEqualTo(3);
        FileLimitException e = overLimit(file, limits(Limit.CELL, 119));

        assertThat(e.limit()).isEqualTo(Limit.CELL);
        assertThat(e.value()).isEqualTo(119);
        assertThat(e.row()).isEqualTo(2);
        assertThat(e).hasMessageStartingWith("data row 2, column ")
                .hasMessageContaining("more than 119 characters")
                .hasMessageEndingWith(", the limit on a cell (csr.ingest.limits.max-cell-chars)");
        if (!format.isWorkbook()) {
            assertThat(e).hasMessage("data row 2, column 'note', holds 120 characters, more than 119 characters, the "
                    + "limit on a cell (csr.ingest.limits.max-cell-chars)");
        }
    }

    @Test
    void aWorkbookCellIsCountedInCharactersAsReadWhateverItsXmlEscapesAndUtf8Bytes() throws IOException {
        String note = "é&<x>".repeat(20); // 100 characters, 195 bytes of XML
        String xml = note.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        List<String[]> cells = List.of(new String[] {"customer", "date", "amount", "note"},
                new String[] {"17850", "2010-12-01", "15.30", xml});
        Path file = Files.write(dir.resolve("escaped.xlsx"),
                TestWorkbooks.zip(TestWorkbooks.parts(TestWorkbooks.inlineSheet(cells), null)));

        try (RowSource rows = TransactionFiles.open(file, ColumnMapping.none(), limits(Limit.CELL, 100))) {
            assertThat(rows.next()).containsExactly("17850", "2010-12-01", "15.30", note);
        }
        assertThat(overLimit(file, limits(Limit.CELL, 99))).hasMessageStartingWith("data row 1, column D, holds more");
    }

    @Test
    void aSharedStringOverTheCellLimitIsNamedByTheRowThatUsesIt() throws IOException {
        List<String[]> rows = new ArrayList<>(rows(5));
        rows.add(new String[] {"12680", "2010-12-04", "1.00", "x".repeat(300)});
        Path file = Files.write(dir.resolve("shared.xlsx"), TestWorkbooks.written(rows, false));

        FileLimitException e = overLimit(file, limits(Limit.CELL, 299));

        assertThat(e.row()).isEqualTo(4);
        assertThat(e).hasMessageStartingWith("data row 4, column D, holds more than 299 characters");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Rows

    @ParameterizedTest
    @EnumSource(Format.class)
    void rowsUpToTheLimitAreReadAndOneMoreIsRefused(Format format) throws IOException {
        Path file = write(format, rows(5));

        assertThat(readAll(file, limits(Limit.ROWS, 3))).isEqualTo(3);
        assertThat(readAll(file, limits(Limit.ROWS, 4))).isEqualTo(3);
        FileLimitException e = overLimit(file, limits(Limit.ROWS, 2));

        assertThat(e.limit()).isEqualTo(Limit.ROWS);
        assertThat(e.row()).isEqualTo(3);
        assertThat(e).hasMessage("data row 3 is one more than 2 rows, the limit on rows per file "
                + "(csr.ingest.limits.max-rows)");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Decompressed bytes

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"CSV", "GZIP_CSV", "WHITESPACE"})
    void aTextFileUpToTheByteLimitIsReadAndOneByteMoreIsRefused(Format format) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 0; i < 10_000; i++) {
            rows.add(new String[] {String.valueOf(10_000 + i), "2010-12-01", "15.30", "row"});
        }
        Path file = write(format, rows);
        long bytes = Format.CSV.bytes(rows).length;

        assertThat(readAll(file, limits(Limit.DECOMPRESSED_BYTES, bytes))).isEqualTo(10_000);
        assertThat(readAll(file, limits(Limit.DECOMPRESSED_BYTES, bytes + 1))).isEqualTo(10_000);
        FileLimitException e = overLimit(file, limits(Limit.DECOMPRESSED_BYTES, bytes - 1));
        for (int i = 0; i < 90_000; i++) {
            rows.add(new String[] {String.valueOf(20_000 + i), "2010-12-01", "15.30", "row"});
        }
        FileLimitException early = overLimit(write(format, rows), limits(Limit.DECOMPRESSED_BYTES, 2_000_000));

        assertThat(e.limit()).isEqualTo(Limit.DECOMPRESSED_BYTES);
        assertThat(e).hasMessageStartingWith("the file decompresses to more than "
                        + Limit.DECOMPRESSED_BYTES.describe(bytes - 1))
                .hasMessageEndingWith(", the limit on decompressed bytes per file "
                        + "(csr.ingest.limits.max-decompressed-bytes)");
        // named after the last row read before the limit, which lies within its first 2,000,000 bytes
        int rowBytes = Format.CSV.bytes(List.<String[]>of(rows.get(1))).length;
        assertThat(early.row()).isPositive().isLessThan(2_000_000 / rowBytes);
        assertThat(early).hasMessageContaining(String.format(java.util.Locale.ROOT, "(after data row %,d)",
                early.row()));
    }

    @Test
    void aWorkbookIsHeldToTheBytesItsReadPartsDecompressTo() throws IOException {
        byte[] workbook = TestWorkbooks.written(rows(5), false);
        Path file = Files.write(dir.resolve("book.xlsx"), workbook);
        long parts = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String part : TestWorkbooks.READ_PARTS) {
                parts += zip.getEntry(part).getSize();
            }
        }

        assertThat(readAll(file, limits(Limit.DECOMPRESSED_BYTES, parts))).isEqualTo(3);
        assertThat(readAll(file, limits(Limit.DECOMPRESSED_BYTES, parts + 1))).isEqualTo(3);
        FileLimitException e = overLimit(file, limits(Limit.DECOMPRESSED_BYTES, parts - 1));

        assertThat(e.limit()).isEqualTo(Limit.DECOMPRESSED_BYTES);
        assertThat(e).hasMessageStartingWith("the workbook decompresses to more than "
                + Limit.DECOMPRESSED_BYTES.describe(parts - 1));
    }

    // ---------------------------------------------------------------------------------------------------------
    // A workbook's sheet and shared strings

    @Test
    void aSheetUpToItsLimitIsReadAndOneByteMoreIsRefused() throws IOException {
        byte[] workbook = TestWorkbooks.written(rows(5), false);
        Path file = Files.write(dir.resolve("sheet.xlsx"), workbook);
        long sheet = TestWorkbooks.declaredSize(workbook, TestWorkbooks.SHEET);

        assertThat(readAll(file, limits(Limit.SHEET_BYTES, sheet))).isEqualTo(3);
        assertThat(readAll(file, limits(Limit.SHEET_BYTES, sheet + 1))).isEqualTo(3);
        FileLimitException e = overLimit(file, limits(Limit.SHEET_BYTES, sheet - 1));

        assertThat(e.limit()).isEqualTo(Limit.SHEET_BYTES);
        assertThat(e.seen()).isEqualTo(sheet);
        assertThat(e).hasMessage("the workbook's sheet xl/worksheets/sheet1.xml declares "
                + Limit.SHEET_BYTES.describe(sheet) + " decompressed, more than " + Limit.SHEET_BYTES.describe(sheet - 1)
                + ", the limit on a workbook sheet, decompressed (csr.ingest.limits.max-sheet-bytes)");
    }

    @Test
    void sharedStringsUpToTheirLimitAreReadAndOneByteMoreIsRefused() throws IOException {
        byte[] workbook = TestWorkbooks.written(rows(5), false);
        Path file = Files.write(dir.resolve("strings.xlsx"), workbook);
        long strings = TestWorkbooks.declaredSize(workbook, TestWorkbooks.SHARED_STRINGS);

        assertThat(readAll(file, limits(Limit.SHARED_STRINGS_BYTES, strings))).isEqualTo(3);
        assertThat(readAll(file, limits(Limit.SHARED_STRINGS_BYTES, strings + 1))).isEqualTo(3);
        FileLimitException e = overLimit(file, limits(Limit.SHARED_STRINGS_BYTES, strings - 1));

        assertThat(e.limit()).isEqualTo(Limit.SHARED_STRINGS_BYTES);
        assertThat(e).hasMessageStartingWith("the workbook's shared strings (xl/sharedStrings.xml) declares")
                .hasMessageEndingWith("(csr.ingest.limits.max-shared-strings-bytes)");
    }

    @Test
    void aSheetWhoseZipDirectoryUnderstatesItsSizeIsStoppedAtTheLimitAsItInflates() throws IOException {
        byte[] workbook = TestWorkbooks.written(rows(5), false);
        long sheet = TestWorkbooks.declaredSize(workbook, TestWorkbooks.SHEET);
        Path file = Files.write(dir.resolve("lying.xlsx"), TestWorkbooks.declaring(workbook, TestWorkbooks.SHEET, 10));

        assertThat(readAll(file, limits(Limit.SHEET_BYTES, sheet))).isEqualTo(3);
        FileLimitException e = overLimit(file, limits(Limit.SHEET_BYTES, sheet - 1));

        assertThat(e.limit()).isEqualTo(Limit.SHEET_BYTES);
        assertThat(e).hasMessageStartingWith("the workbook's sheet xl/worksheets/sheet1.xml decompresses to more than "
                + Limit.SHEET_BYTES.describe(sheet - 1));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Streams, and the temporary copy of a workbook

    @ParameterizedTest
    @EnumSource(Format.class)
    void aStreamIsHeldToTheSameLimitsAsAFile(Format format) {
        List<String[]> rows = rows(200);
        int length = format.lineLength(rows.get(2));
        byte[] bytes = format.bytes(rows);

        assertThatThrownBy(() -> {
            try (RowSource source = TransactionFiles.open(new ByteArrayInputStream(bytes), ColumnMapping.none(),
                    limits(Limit.LINE, length - 1))) {
                while (source.next() != null) {
                    // reading
                }
            }
        }).isInstanceOf(FileLimitException.class).hasMessageStartingWith("data row 2 is longer than");
    }

    @Test
    void aWorkbookStreamIsReadFromATemporaryCopyThatIsGoneOnceClosed() throws IOException {
        byte[] workbook = TestWorkbooks.written(rows(5), false);
        Path copy;
        try (RowSource source = TransactionFiles.open(new ByteArrayInputStream(workbook), ColumnMapping.none())) {
            copy = ((XlsxRowSource) source).file();
            assertThat(copy).exists();
            assertThat(source.next()).containsExactly("17850", "2010-12-01", "15.30", "first");
        }
        assertThat(copy).doesNotExist();
    }

    @Test
    void aWorkbookStreamLargerThanTheByteLimitIsNotCopied() {
        byte[] workbook = TestWorkbooks.written(rows(5), false);

        assertThatThrownBy(() -> TransactionFiles.open(new ByteArrayInputStream(workbook), ColumnMapping.none(),
                limits(Limit.DECOMPRESSED_BYTES, workbook.length - 1)))
                .isInstanceOf(FileLimitException.class).hasMessageStartingWith("the workbook decompresses to more than");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The methods the Kafka side calls, settings and messages

    @Test
    void oneRowsCellsAreCheckedAsTheyArriveOnATopic() {
        FileLimits limits = new FileLimits(10, 4, 1000, 3, 1000, 1000);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("customer_id", "1234");
        row.put("order_id", "567");

        limits.requireCell(7, "customer_id", "1234");
        limits.requireCells(7, row);
        limits.requireRows(3);
        assertThatThrownBy(() -> limits.requireCell(7, "customer_id", "12345")).isInstanceOf(FileLimitException.class)
                .hasMessage("data row 7, column 'customer_id', holds 5 characters, more than 4 characters, the limit "
                        + "on a cell (csr.ingest.limits.max-cell-chars)");
        row.put("product_id", "8901");
        assertThatThrownBy(() -> limits.requireCells(7, row)).isInstanceOf(FileLimitException.class)
                .hasMessage("data row 7 is longer than 10 characters, the limit on a line "
                        + "(csr.ingest.limits.max-line-chars)");
        assertThatThrownBy(() -> limits.requireRows(4)).isInstanceOf(FileLimitException.class)
                .satisfies(e -> assertThat(((FileLimitException) e).row()).isEqualTo(4))
                .hasMessageContaining("(csr.ingest.limits.max-rows)");
    }

    @Test
    void theDefaultsLetAFiftyMillionRowExportThrough() {
        FileLimits defaults = FileLimits.defaults();

        assertThat(defaults.maxRows()).isGreaterThanOrEqualTo(50_000_000);
        // 50 million rows of 300 bytes, wider than any export we have seen (Online Retail II: 86)
        assertThat(defaults.maxDecompressedBytes()).isGreaterThanOrEqualTo(50_000_000L * 300);
        assertThat(defaults).isEqualTo(new FileLimits(1 << 20, 1 << 20, 16L << 30, 100_000_000, 2L << 30, 128L << 20));
    }

    @Test
    void limitsAreReadFromTheEnvironmentByTheirSettingsNames() {
        FileLimits limits = FileLimits.fromEnvironment(Map.of("CSR_INGEST_LIMITS_MAX_LINE_CHARS", "64K",
                "CSR_INGEST_LIMITS_MAX_ROWS", "1_000_000", "CSR_INGEST_LIMITS_MAX_DECOMPRESSED_BYTES", "1G",
                "CSR_INGEST_LIMITS_MAX_SHEET_BYTES", "1048576", "PATH", "/bin"));

        assertThat(limits).isEqualTo(new FileLimits(65_536, 1 << 20, 1L << 30, 1_000_000, 1 << 20, 128L << 20));
        assertThat(Limit.SHARED_STRINGS_BYTES.environmentVariable()).isEqualTo(
                "CSR_INGEST_LIMITS_MAX_SHARED_STRINGS_BYTES");
        assertThat(Limit.SHARED_STRINGS_BYTES.setting()).isEqualTo("csr.ingest.limits.max-shared-strings-bytes");
        assertThatThrownBy(() -> FileLimits.fromEnvironment(Map.of("CSR_INGEST_LIMITS_MAX_ROWS", "lots")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CSR_INGEST_LIMITS_MAX_ROWS");
        assertThatThrownBy(() -> FileLimits.fromEnvironment(Map.of("CSR_INGEST_LIMITS_MAX_CELL_CHARS", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-cell-chars");
        assertThatThrownBy(() -> FileLimits.fromEnvironment(Map.of("CSR_INGEST_LIMITS_MAX_CELL_CHARS", "4G")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
    }

    @Test
    void valuesAreWrittenAsPeopleReadThem() {
        assertThat(Limit.LINE.describe(1 << 20)).isEqualTo("1,048,576 characters (1 MiB)");
        assertThat(Limit.LINE.describe(100)).isEqualTo("100 characters");
        assertThat(Limit.DECOMPRESSED_BYTES.describe(16L << 30)).isEqualTo("16 GiB");
        assertThat(Limit.DECOMPRESSED_BYTES.describe(1000)).isEqualTo("1,000 bytes");
        assertThat(Limit.ROWS.describe(100_000_000)).isEqualTo("100,000,000 rows");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
