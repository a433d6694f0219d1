package com.csr.domain.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.csr.domain.cleaning.CleanTransactions;
import com.csr.domain.cleaning.QualityReport;
import com.csr.domain.cleaning.RejectReason;
import com.csr.domain.cleaning.RejectedRowListener;
import com.csr.domain.cleaning.TransactionCleaner;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading transaction files of every supported kind, and the one-line errors for files that cannot be read. */
class TransactionFilesTest {

    @TempDir
    Path dir;

    // ---------------------------------------------------------------------------------------------------------
    // One small data set in every format

    private static final String[] HEADER =
            {"InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"};

    /** Cells without spaces or empty values, so the whitespace-separated file can hold them too. */
    private static final String[][] ROWS = {
        {"536365", "85123A", "6", "2010-12-01T08:26:00", "2.55", "17850", "EIRE"},
        {"536365", "71053", "6", "2010-12-01T08:26:00", "3.39", "17850", "EIRE"},
        {"536366", "22633", "6", "2010-12-01T08:28:00", "1.85", "17850", "EIRE"},
        {"536367", "84879", "32", "2010-12-01T08:34:00", "1.69", "13047", "Norway"},
        {"536368", "POST", "1", "2010-12-01T08:34:00", "18.00", "13047", "Norway"},
        {"536370", "22728", "24", "2010-12-01T08:45:00", "3.75", "12583", "France"},
        {"536370", "22728", "24", "2010-12-01T08:45:00", "3.75", "12583", "France"},
        {"C536379", "22728", "-2", "2010-12-02T09:41:00", "3.75", "12583", "France"},
        {"536380", "21730", "12", "2010-12-09T17:59:59", "4.25", "12680", "Germany"},
        {"536381", "22086", "3", "2011-01-15T12:00:00", "2.95", "12680", "Germany"},
    };

    private static String delimited(String separator, boolean decimalComma) {
        StringBuilder sb = new StringBuilder(String.join(separator, HEADER)).append("\r\n");
        for (String[] row : ROWS) {
            String[] cells = row.clone();
            if (decimalComma) {
                cells[4] = cells[4].replace('.', ',');
            }
            sb.append(String.join(separator, cells)).append("\r\n");
        }
        return sb.toString();
    }

    private static String whitespaceAligned() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("  %-9s %-9s %8s  %-19s %9s %10s  %s%n", (Object[]) HEADER));
        for (String[] row : ROWS) {
            sb.append(String.format("  %-9s %-9s %8s  %-19s %9s %10s  %s%n", (Object[]) row));
        }
        return sb.toString();
    }

    /** The same rows as a workbook: numbers as number cells, dates as real date cells with a date style. */
    private static byte[] xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "csr", "1.0");
        Worksheet ws = workbook.newWorksheet("Transactions");
        for (int c = 0; c < HEADER.length; c++) {
            ws.value(0, c, HEADER[c]);
        }
        for (int r = 0; r < ROWS.length; r++) {
            String[] row = ROWS[r];
            ws.value(r + 1, 0, row[0]);
            ws.value(r + 1, 1, row[1]);
            ws.value(r + 1, 2, Integer.parseInt(row[2]));
            ws.value(r + 1, 3, LocalDateTime.parse(row[3]));
            ws.style(r + 1, 3).format("yyyy-mm-dd hh:mm:ss").set();
            ws.value(r + 1, 4, Double.parseDouble(row[4]));
            ws.value(r + 1, 5, Integer.parseInt(row[5]));
            ws.value(r + 1, 6, row[6]);
        }
        workbook.finish();
        return out.toByteArray();
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

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static CleanTransactions clean(Path file, ColumnMapping mapping, LocalDate asOf) {
        try (RowSource rows = TransactionFiles.open(file, mapping)) {
            return new TransactionCleaner(asOf, RejectedRowListener.NONE).clean(rows);
        }
    }

    private static long epoch(String isoLocalDateTime) {
        return LocalDateTime.parse(isoLocalDateTime).toEpochSecond(ZoneOffset.UTC);
    }

    @Test
    void everyFormatOfTheSameDataGivesTheSameCleanTransactions() throws IOException {
        CleanTransactions reference = clean(write("comma.csv", utf8(delimited(",", false))), ColumnMapping.none(), null);

        assertThat(reference.transactions()).hasSize(8);
        assertThat(reference.report().rejected()).containsOnly(
                entry(RejectReason.NON_MERCHANDISE, 1L), entry(RejectReason.DUPLICATE, 1L));
        assertThat(reference.transactions().get(0)).isEqualTo(new Transaction(1, "536365", "85123A", "", 6, 2.55,
                6 * 2.55, epoch("2010-12-01T08:26:00"), "17850", "EIRE", false));
        assertThat(reference.transactions()).filteredOn(Transaction::cancellation).singleElement()
                .satisfies(t -> assertThat(t.amount()).isEqualTo(-7.5));

        List<Path> others = List.of(
                write("semicolon.csv", utf8(delimited(";", true))),
                write("tab.tsv", utf8(delimited("\t", false))),
                write("aligned.txt", utf8(whitespaceAligned())),
                write("comma.csv.gz", gzip(utf8(delimited(",", false)))),
                write("semicolon.csv.gz", gzip(utf8(delimited(";", true)))),
                write("book.xlsx", xlsx()));
        for (Path file : others) {
            CleanTransactions result = clean(file, ColumnMapping.none(), null);
            assertThat(result.transactions()).as(file.getFileName().toString())
                    .containsExactlyElementsOf(reference.transactions());
            assertThat(result.report().rowsRead()).as(file.getFileName().toString()).isEqualTo(10);
            assertThat(result.report().rejected()).as(file.getFileName().toString())
                    .isEqualTo(reference.report().rejected());
            assertThat(result.asOf()).isEqualTo(LocalDate.of(2011, 1, 15));
        }
    }

    @Test
    void fileFormatIsRecognisedFromTheBytesNotTheName() throws IOException {
        Path gzipNamedCsv = write("really-gzip.csv", gzip(utf8(delimited(",", false))));
        Path xlsxNamedTxt = write("really-xlsx.txt", xlsx());

        assertThat(clean(gzipNamedCsv, ColumnMapping.none(), null).transactions()).hasSize(8);
        assertThat(clean(xlsxNamedTxt, ColumnMapping.none(), null).transactions()).hasSize(8);
    }

    @Test
    void streamsAreReadLikeFiles() throws IOException {
        for (byte[] bytes : List.of(utf8(delimited(";", true)), gzip(utf8(delimited(",", false))), xlsx())) {
            try (RowSource rows = TransactionFiles.open(new ByteArrayInputStream(bytes), ColumnMapping.none())) {
                CleanTransactions result = new TransactionCleaner(null, RejectedRowListener.NONE).clean(rows);
                assertThat(result.transactions()).hasSize(8);
            }
        }
    }

    @Test
    void xlsxDateCellsComeBackAsTheTimesWritten() throws IOException {
        try (RowSource rows = TransactionFiles.open(write("dates.xlsx", xlsx()), ColumnMapping.none())) {
            TimestampParser parser = new TimestampParser();
            int dateColumn = rows.layout().indexOf(Field.DATE);
            for (String[] row : ROWS) {
                String[] cells = rows.next();
                assertThat(parser.parse(cells[dateColumn])).as("%s read as %s", row[3], cells[dateColumn])
                        .isEqualTo(epoch(row[3]));
            }
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    void xlsxTextCellsAndSpreadsheetCustomerIdsAreRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "csr", "1.0");
        Worksheet ws = workbook.newWorksheet("Sheet1");
        String[] header = {"Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        ws.value(1, 0, "489434");
        ws.value(1, 1, "85048");
        ws.value(1, 2, "15CM CHRISTMAS GLASS BALL 20 LIGHTS");
        ws.value(1, 3, 12);
        ws.value(1, 4, "12/1/2009 7:45");
        ws.value(1, 5, 6.95);
        ws.value(1, 6, 13085.0);
        workbook.finish();

        CleanTransactions result = clean(write("text-dates.xlsx", out.toByteArray()), ColumnMapping.none(), null);

        assertThat(result.transactions()).singleElement().satisfies(t -> {
            assertThat(t.customerId()).isEqualTo("13085");
            assertThat(t.epochSecond()).isEqualTo(epoch("2009-12-01T07:45:00"));
            assertThat(t.description()).isEqualTo("15CM CHRISTMAS GLASS BALL 20 LIGHTS");
            assertThat(t.amount()).isCloseTo(12 * 6.95, within(1e-9));
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Headers

    @Test
    void onlineRetailHeadersResolve() throws IOException {
        Path file = write("online_retail.csv", utf8("""
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom
                """));

        try (RowSource rows = TransactionFiles.open(file, ColumnMapping.none())) {
            assertStandardRetailLayout(rows.layout());
        }
        assertThat(clean(file, ColumnMapping.none(), null).transactions()).singleElement().isEqualTo(
                new Transaction(1, "536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, 2.55, 6 * 2.55,
                        epoch("2010-12-01T08:26:00"), "17850", "United Kingdom", false));
    }

    @Test
    void onlineRetailIiHeadersResolve() throws IOException {
        Path file = write("online_retail_ii.csv", utf8("""
                Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country
                489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom
                """));

        try (RowSource rows = TransactionFiles.open(file, ColumnMapping.none())) {
            assertStandardRetailLayout(rows.layout());
        }
        assertThat(clean(file, ColumnMapping.none(), null).transactions()).singleElement().isEqualTo(
                new Transaction(1, "489434", "85048", "15CM CHRISTMAS GLASS BALL 20 LIGHTS", 12, 6.95, 12 * 6.95,
                        epoch("2009-12-01T07:45:00"), "13085", "United Kingdom", false));
    }

    private static void assertStandardRetailLayout(ColumnLayout layout) {
        assertThat(layout.hasHeader()).isTrue();
        assertThat(layout.indexOf(Field.INVOICE)).isEqualTo(0);
        assertThat(layout.indexOf(Field.PRODUCT)).isEqualTo(1);
        assertThat(layout.indexOf(Field.DESCRIPTION)).isEqualTo(2);
        assertThat(layout.indexOf(Field.QUANTITY)).isEqualTo(3);
        assertThat(layout.indexOf(Field.DATE)).isEqualTo(4);
        assertThat(layout.indexOf(Field.PRICE)).isEqualTo(5);
        assertThat(layout.indexOf(Field.CUSTOMER)).isEqualTo(6);
        assertThat(layout.indexOf(Field.COUNTRY)).isEqualTo(7);
        assertThat(layout.has(Field.AMOUNT)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Customer ID,InvoiceDate,Total", "\"Customer ID\",\"InvoiceDate\",\"Total\""})
    void aByteOrderMarkDoesNotBreakTheFirstHeader(String header) throws IOException {
        byte[] body = utf8(header + "\n17850,2010-12-01 08:26,15.30\n");
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        for (Path file : List.of(write("bom.csv", withBom), write("bom.csv.gz", gzip(withBom)))) {
            try (RowSource rows = TransactionFiles.open(file, ColumnMapping.parse("customer=Customer ID"))) {
                assertThat(rows.layout().indexOf(Field.CUSTOMER)).isZero();
                assertThat(rows.next()).containsExactly("17850", "2010-12-01 08:26", "15.30");
            }
            assertThat(clean(file, ColumnMapping.none(), null).transactions()).singleElement()
                    .satisfies(t -> assertThat(t.customerId()).isEqualTo("17850"));
        }
    }

    @Test
    void quotedFieldsKeepEmbeddedCommasQuotesAndLineBreaks() throws IOException {
        Path file = write("quoted.csv", utf8("""
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,"WHITE HANGING HEART, T-LIGHT HOLDER",6,2010-12-01 08:26,2.55,17850,United Kingdom
                536366,22633,"HAND WARMER ""UNION JACK""\",6,2010-12-01 08:28,1.85,17850,"Korea, Republic of"
                536367,84879,"ASSORTED COLOUR
                BIRD ORNAMENT",32,2010-12-01 08:34,1.69,13047,United Kingdom
                536368,22960,"JAM MAKING SET, ""WITH JARS""\r\nAND LIDS",6,2010-12-01 08:34,4.25,13047,United Kingdom
                536369,21756,BATH BUILDING BLOCK WORD,3,2010-12-01 08:35,5.95,13047,United Kingdom
                """));

        List<Transaction> transactions = clean(file, ColumnMapping.none(), null).transactions();

        assertThat(transactions).extracting(Transaction::description).containsExactly(
                "WHITE HANGING HEART, T-LIGHT HOLDER",
                "HAND WARMER \"UNION JACK\"",
                "ASSORTED COLOUR\nBIRD ORNAMENT",
                "JAM MAKING SET, \"WITH JARS\"\r\nAND LIDS",
                "BATH BUILDING BLOCK WORD");
        // row numbers count records, not lines
        assertThat(transactions).extracting(Transaction::rowNumber).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(transactions.get(1).country()).isEqualTo("Korea, Republic of");
        assertThat(transactions.get(4).amount()).isEqualTo(3 * 5.95);
    }

    @Test
    void aHeaderOnlyFileYieldsNoRows() throws IOException {
        Path file = write("header-only.csv", utf8("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n"));

        try (RowSource rows = TransactionFiles.open(file, ColumnMapping.none())) {
            assertThat(rows.layout().hasHeader()).isTrue();
            assertThat(rows.next()).isNull();
        }
        CleanTransactions result = clean(file, ColumnMapping.none(), null);
        assertThat(result.transactions()).isEmpty();
        assertThat(result.report().rowsRead()).isZero();
        assertThat(result.report().rejectedTotal()).isZero();
        assertThat(result.asOf()).isNull();
    }

    @Test
    void aHeaderOnlyWorkbookYieldsNoRows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "csr", "1.0");
        Worksheet ws = workbook.newWorksheet("Sheet1");
        for (int c = 0; c < HEADER.length; c++) {
            ws.value(0, c, HEADER[c]);
        }
        workbook.finish();

        CleanTransactions result = clean(write("header-only.xlsx", out.toByteArray()), ColumnMapping.none(), null);

        assertThat(result.transactions()).isEmpty();
        assertThat(result.report().rowsRead()).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Dates

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2010-12-01 08:26:00|2010-12-01T08:26:00",
        "2010-12-01T08:26:00|2010-12-01T08:26:00",
        "2010-12-01|2010-12-01T00:00:00",
        "12/1/2010 8:26|2010-12-01T08:26:00",
        "1/12/2010 17:05|2010-01-12T17:05:00",
        "20100112|2010-01-12T00:00:00",
        "40513.35138888889|2010-12-01T08:26:00",
    })
    void datesInFilesAreRead(String text, String expected) throws IOException {
        Path file = write("dates.csv", utf8("Customer ID;InvoiceDate;Quantity;Price\n"
                + "1;" + text + ";2;1,50\n"
                + "2;" + text + ";1;3,00\n"));

        List<Transaction> transactions = clean(file, ColumnMapping.none(), null).transactions();

        assertThat(transactions).hasSize(2)
                .allSatisfy(t -> assertThat(t.epochSecond()).isEqualTo(epoch(expected)));
        assertThat(transactions.get(0).amount()).isEqualTo(3.0);
    }

    @Test
    void compactDatesInAHeaderlessWhitespaceFileAreRead() throws IOException {
        Path file = write("cdnow-like.txt", utf8(" 00001 19970101  1   11.77\r\n 00002 19970112  2   12.00\r\n"));

        List<Transaction> transactions =
                clean(file, ColumnMapping.parse("customer=1,date=2,quantity=3,amount=4"), null).transactions();

        assertThat(transactions).extracting(Transaction::epochSecond)
                .containsExactly(epoch("1997-01-01T00:00:00"), epoch("1997-01-12T00:00:00"));
        assertThat(transactions).extracting(Transaction::customerId).containsExactly("00001", "00002");
        assertThat(transactions).extracting(Transaction::unitPrice).containsExactly(11.77, 6.0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Files that cannot be read

    /**
     * Opens the bytes as a file and as a stream, reads every row through the cleaner, and checks both fail with an
     * {@link InvalidTransactionFileException} whose message is one line holding every fragment.
     */
    private void assertInvalid(byte[] bytes, ColumnMapping mapping, String... fragments) throws IOException {
        Path file = write("bad-" + Arrays.hashCode(bytes), bytes);
        for (boolean asStream : new boolean[] {false, true}) {
            assertThatThrownBy(() -> {
                try (RowSource rows = asStream
                        ? TransactionFiles.open(new ByteArrayInputStream(bytes), mapping)
                        : TransactionFiles.open(file, mapping)) {
                    new TransactionCleaner(null, RejectedRowListener.NONE).clean(rows);
                }
            }).as(asStream ? "stream" : "file")
                    .isInstanceOf(InvalidTransactionFileException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r").hasSizeLessThan(400))
                    .hasMessageContainingAll(fragments);
        }
    }

    @Test
    void anEmptyFileIsRejected() throws IOException {
        assertInvalid(new byte[0], ColumnMapping.none(), "the file is empty");
    }

    @Test
    void aFileOfBlankLinesIsRejectedAsEmpty() throws IOException {
        assertInvalid(utf8("\n\r\n   \n\t\n"), ColumnMapping.none(), "the file is empty");
    }

    @Test
    void anEmptyGzipIsRejectedAsEmpty() throws IOException {
        assertInvalid(gzip(new byte[0]), ColumnMapping.none(), "the file is empty");
    }

    @Test
    void aPipeSeparatedHeaderCannotBeToldApart() throws IOException {
        assertInvalid(utf8("a|b|c\n1|2|3\n"), ColumnMapping.none(), "cannot tell the columns apart");
    }

    @Test
    void aPipeSeparatedRetailHeaderHasNoKnownColumns() throws IOException {
        assertInvalid(utf8("""
                Invoice|StockCode|Quantity|InvoiceDate|Price|Customer ID|Country
                489434|85048|12|2009-12-01 07:45:00|6.95|13085|United Kingdom
                """), ColumnMapping.none(), "no customer", "no date", "column in the header",
                "Invoice|StockCode|Quantity|InvoiceDate|Price|Customer");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 42, 1234, 99_999})
    void randomBinaryIsRejectedAsNotATransactionFile(long seed) throws IOException {
        byte[] garbage = new byte[8192];
        new Random(seed).nextBytes(garbage);
        garbage[0] = 0x05; // neither gzip nor zip magic

        assertInvalid(garbage, ColumnMapping.none(), "binary");
    }

    @Test
    void aTruncatedGzipIsRejectedNamingWhereItBreaksOff() throws IOException {
        StringBuilder csv = new StringBuilder("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n");
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            csv.append(500_000 + i).append(",P").append(random.nextInt(1000)).append(',').append(1 + random.nextInt(9))
                    .append(",2010-12-01 08:").append(10 + random.nextInt(50)).append(',')
                    .append(random.nextInt(900) / 100.0 + 0.5).append(',').append(12_000 + random.nextInt(5000))
                    .append('\n');
        }
        byte[] whole = gzip(utf8(csv.toString()));

        // the cut lies megabytes into the text, so the header and many rows are read before it
        assertInvalid(Arrays.copyOf(whole, whole.length / 2), ColumnMapping.none(), "breaks off after data row",
                "end of ZLIB input stream");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 12, 40})
    void aGzipCutInItsHeaderOrFirstBlockIsRejectedAsTruncated(int length) throws IOException {
        byte[] whole = gzip(utf8(delimited(",", false)));

        assertInvalid(Arrays.copyOf(whole, length), ColumnMapping.none(), "the gzip file is truncated");
    }

    @Test
    void aZipHeaderFollowedByJunkIsRejectedAsACorruptWorkbook() throws IOException {
        byte[] junk = new byte[4096];
        new Random(11).nextBytes(junk);
        junk[0] = 'P';
        junk[1] = 'K';
        junk[2] = 3;
        junk[3] = 4;

        assertInvalid(junk, ColumnMapping.none(), "XLSX");
    }

    @Test
    void aZipThatIsNotAWorkbookIsRejected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(utf8("this is not xml <<<"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write(utf8("hello"));
            zip.closeEntry();
        }

        assertInvalid(out.toByteArray(), ColumnMapping.none(), "XLSX");
    }

    @Test
    void aTruncatedWorkbookIsRejected() throws IOException {
        byte[] whole = xlsx();

        assertInvalid(Arrays.copyOf(whole, whole.length / 2), ColumnMapping.none(), "XLSX");
    }

    @Test
    void anUnknownMappedColumnIsNamedWithTheFilesColumns() throws IOException {
        assertInvalid(utf8(delimited(",", false)), ColumnMapping.parse("customer=Client Number"),
                "unknown column 'Client Number'", "'customer'",
                "[InvoiceNo, StockCode, Quantity, InvoiceDate, UnitPrice, CustomerID, Country]");
    }

    @Test
    void aMappedPositionBeyondTheRowIsNamed() throws IOException {
        assertInvalid(utf8(" 00001 19970101  1   11.77\n"), ColumnMapping.parse("customer=1,date=2,amount=9"),
                "column 9", "'amount'", "4 columns");
    }

    @Test
    void aHeaderWithoutACustomerColumnIsRejected() throws IOException {
        assertInvalid(utf8("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,Country\n"
                        + "536365,85123A,6,2010-12-01 08:26,2.55,United Kingdom\n"), ColumnMapping.none(),
                "no customer column", "[InvoiceNo, StockCode, Quantity, InvoiceDate, UnitPrice, Country]");
    }

    @Test
    void anUnterminatedQuoteInTheMiddleOfTheFileIsRejected() throws IOException {
        assertInvalid(utf8("""
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID
                536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26,2.55,17850
                536366,22633,"HAND WARMER,6,2010-12-01 08:28,1.85,17850
                536367,84879,BIRD ORNAMENT,32,2010-12-01 08:34,1.69,13047
                536368,22960,JAM MAKING SET,6,2010-12-01 08:34,4.25,13047
                """), ColumnMapping.none(), "unterminated quote on line 3", "after data row 1");
    }

    // ---------------------------------------------------------------------------------------------------------
    // A million rows

    @Test
    void aMillionRowGzipFileIsReadAndCleanedWithAFullAccounting() throws IOException {
        int rows = 1_000_000;
        int customers = 4_000;
        Path file = dir.resolve("million.csv.gz");
        long start = System.nanoTime();
        Random random = new Random(2024);
        long missingCustomer = 0;
        long badDate = 0;
        long zeroPrice = 0;
        long duplicates = 0;
        double goodRevenue = 0;
        Set<String> goodCustomers = new HashSet<>();
        String previous = null;
        try (OutputStream gz = new FastGzip(Files.newOutputStream(file));
             Writer out = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n");
            for (int i = 0; i < rows; i++) {
                if (i % 1000 == 999) {
                    out.write(previous); // an exact copy of the line before
                    duplicates++;
                    continue;
                }
                int invoice = i / 4;
                int customer = 12_000 + (invoice * 7919) % customers;
                int quantity = 1 + random.nextInt(24);
                int pence = 25 + random.nextInt(2000);
                LocalDateTime time = LocalDateTime.of(2010, 1, 1, 8, 0).plusMinutes(invoice / 2);
                String date = time.toString().replace('T', ' ');
                String customerCell = String.valueOf(customer);
                String priceCell = pence / 100 + "." + (pence % 100 < 10 ? "0" : "") + pence % 100;
                switch (i % 100) {
                    case 17 -> {
                        customerCell = "";
                        missingCustomer++;
                    }
                    case 42 -> {
                        date = "2010-02-30 25:61";
                        badDate++;
                    }
                    case 77 -> {
                        priceCell = "0.00";
                        zeroPrice++;
                    }
                    default -> {
                        goodRevenue += quantity * (pence / 100.0);
                        goodCustomers.add(customerCell);
                    }
                }
                String line = "5" + invoice + ",P" + (i % 4) + (invoice % 500) + ",ITEM " + (invoice % 500) + ","
                        + quantity + "," + date + "," + priceCell + "," + customerCell + ",United Kingdom\n";
                out.write(line);
                previous = line;
            }
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        CleanTransactions result;
        try (RowSource source = TransactionFiles.open(file, ColumnMapping.none())) {
            result = new TransactionCleaner(null, RejectedRowListener.NONE).clean(source);
        }
        double readSeconds = (System.nanoTime() - start) / 1e9;
        QualityReport report = result.report();
        System.out.printf("million-row gzip CSV (%.1f MB): written in %.1f s, read and cleaned in %.1f s; %s%n",
                Files.size(file) / 1e6, writeSeconds, readSeconds, report.rejected());

        assertThat(report.rowsRead()).isEqualTo(rows);
        assertThat(report.rowsKept() + report.rejectedTotal()).isEqualTo(rows);
        assertThat(report.rejected()).containsOnly(
                entry(RejectReason.MISSING_CUSTOMER, missingCustomer),
                entry(RejectReason.UNPARSABLE_DATE, badDate),
                entry(RejectReason.NON_POSITIVE_PRICE, zeroPrice),
                entry(RejectReason.DUPLICATE, duplicates));
        assertThat(missingCustomer).isEqualTo(10_000);
        assertThat(badDate).isEqualTo(10_000);
        assertThat(zeroPrice).isEqualTo(10_000);
        assertThat(duplicates).isEqualTo(1_000);
        assertThat(report.rowsKept()).isEqualTo(rows - 31_000);
        assertThat(result.transactions()).hasSize((int) report.rowsKept());
        assertThat(report.keptRevenue()).isCloseTo(goodRevenue, within(goodRevenue * 1e-9));
        assertThat(result.transactions().stream().map(Transaction::customerId).distinct().count())
                .isEqualTo(goodCustomers.size()).isEqualTo(customers);
        // how fast is for the benchmarks (docs/benchmarks.md), not for a timed test
    }

    /** gzip at the fastest level: the test is about reading, not about compressing well. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
