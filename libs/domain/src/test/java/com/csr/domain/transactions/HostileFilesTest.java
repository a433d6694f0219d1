package com.csr.domain.transactions;

import static com.csr.domain.transactions.TestWorkbooks.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.domain.transactions.FileLimits.Limit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security review's probes (finding H3) as tests: files built to exhaust memory fail at a limit with a
 * {@link FileLimitException}, or as not a transaction file, having read no more than the limit. Each is checked as
 * a file and as a stream.
 */
class HostileFilesTest {

    @TempDir
    Path dir;

    private static final byte[] HEADER = utf8("customer_id,order_datetime,order_total\n");

    /** Opens and reads every row, as a file and as a stream, expecting both to fail the same way. */
    private AbstractThrowableAssert<?, ? extends Throwable> reading(Path file, FileLimits limits) {
        for (boolean asStream : new boolean[] {true, false}) {
            assertThatThrownBy(() -> {
                try (InputStream in = Files.newInputStream(file);
                     RowSource rows = asStream ? TransactionFiles.open(in, ColumnMapping.none(), limits)
                             : TransactionFiles.open(file, ColumnMapping.none(), limits)) {
                    while (rows.next() != null) {
                        // reading
                    }
                }
            }).as(asStream ? "stream" : "file").isInstanceOf(InvalidTransactionFileException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(400));
        }
        return assertThatThrownBy(() -> {
            try (RowSource rows = TransactionFiles.open(file, ColumnMapping.none(), limits)) {
                while (rows.next() != null) {
                    // reading
                }
            }
        });
    }

    @Test
    void aGzipOfTwoGigabytesOfZerosIsOneEndlessLineOfNuls() throws IOException {
        Path withHeader = dir.resolve("zeros-after-header.csv.gz");
        Path bare = dir.resolve("zeros.csv.gz");
        writeGzipMembers(withHeader, HEADER, new byte[16 << 20], 128);
        writeGzipMembers(bare, new byte[0], new byte[16 << 20], 128);
        assertThat(Files.size(withHeader)).isLessThan(8 << 20);

        reading(withHeader, FileLimits.defaults()).isInstanceOf(FileLimitException.class)
                .hasMessageStartingWith("data row 1 is longer than 1,048,576 characters (1 MiB), the limit on a line");
        reading(bare, FileLimits.defaults()).hasMessageContaining("no line break in the first megabyte");
    }

    @Test
    void anUnterminatedQuotedCellStopsAtTheLineLimit() throws IOException {
        // the probe: a header, then a quote that never closes, 400 MB of 'a' gzipped to a few hundred KB
        Path file = dir.resolve("longline.csv.gz");
        byte[] opening = Arrays.copyOf(HEADER, HEADER.length + 1);
        opening[HEADER.length] = '"';
        byte[] a = new byte[16 << 20];
        Arrays.fill(a, (byte) 'a');
        writeGzipMembers(file, opening, a, 25);

        reading(file, FileLimits.defaults()).isInstanceOf(FileLimitException.class)
                .hasMessage("data row 1 is longer than 1,048,576 characters (1 MiB), the limit on a line "
                        + "(csr.ingest.limits.max-line-chars)");
        reading(file, FileLimits.defaults().with(Limit.LINE, 1000)).hasMessageStartingWith("data row 1 is longer than"
                + " 1,000 characters");
    }

    @Test
    void aFiftyMegabyteLineStopsAtTheLineLimit() throws IOException {
        Path file = dir.resolve("long.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(HEADER);
            out.write(utf8("17850,2010-12-01 08:26:00,15.30\n"));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) '7');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }

        reading(file, FileLimits.defaults()).isInstanceOf(FileLimitException.class)
                .hasMessageStartingWith("data row 2 is longer than");
    }

    @Test
    void aZipHeaderFollowedByGarbageIsNotAWorkbook() throws IOException {
        // the probe writes 200 MB of zeros after PK\3\4; 64 MB shows the same: refused, nothing held
        Path file = dir.resolve("fake.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {'P', 'K', 3, 4});
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }

        reading(file, FileLimits.defaults()).isNotInstanceOf(FileLimitException.class)
                .hasMessageStartingWith("not a readable XLSX workbook: it starts like one (PK\\3\\4) but has no zip "
                        + "directory");
    }

    @Test
    void aZipOfSomethingElseIsNotAWorkbook() throws IOException {
        Path file = Files.write(dir.resolve("archive.zip"), TestWorkbooks.zip(Map.of("notes.txt", utf8("hello"))));

        reading(file, FileLimits.defaults()).hasMessage("not a readable XLSX workbook: no [Content_Types].xml, so a zip "
                + "archive but not a workbook");
    }

    @Test
    void aZipBombSheetIsStoppedByItsDeclaredSizeOrAsItInflates() throws IOException {
        byte[] bomb = TestWorkbooks.bomb(10_000_000); // 60 MB of <row/>, a few hundred KB zipped
        assertThat(bomb.length).isLessThan(1 << 20);
        Path honest = Files.write(dir.resolve("bomb.xlsx"), bomb);
        Path understated = Files.write(dir.resolve("bomb-lies.xlsx"),
                TestWorkbooks.declaring(bomb, TestWorkbooks.SHEET, 2_000));
        Path overstated = Files.write(dir.resolve("bomb-declares-3g.xlsx"),
                TestWorkbooks.declaring(bomb, TestWorkbooks.SHEET, 3L << 30));
        FileLimits small = FileLimits.defaults().with(Limit.SHEET_BYTES, 1 << 20);

        reading(honest, small).isInstanceOf(FileLimitException.class)
                .hasMessageStartingWith("the workbook's sheet xl/worksheets/sheet1.xml declares 60,000,1");
        reading(understated, small).isInstanceOf(FileLimitException.class)
                .hasMessage("the workbook's sheet xl/worksheets/sheet1.xml decompresses to more than 1 MiB, the limit "
                        + "on a workbook sheet, decompressed (csr.ingest.limits.max-sheet-bytes)");
        reading(overstated, FileLimits.defaults()).isInstanceOf(FileLimitException.class)
                .hasMessageStartingWith("the workbook's sheet xl/worksheets/sheet1.xml declares 3 GiB decompressed, "
                        + "more than 2 GiB");
    }

    @Test
    void aWorkbookWhoseZipDirectoryListsMorePartsThanAWorkbookHasIsRefusedBeforeItIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(0);
            for (Map.Entry<String, byte[]> part : TestWorkbooks.parts(TestWorkbooks.inlineSheet(List.of()), null)
                    .entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
            for (int i = 0; i < WorkbookCheck.MAX_PARTS; i++) {
                zip.putNextEntry(new ZipEntry("x/" + i));
                zip.closeEntry();
            }
        }
        Path file = Files.write(dir.resolve("many-parts.xlsx"), bytes.toByteArray());

        reading(file, FileLimits.defaults()).hasMessageStartingWith("not a readable XLSX workbook: its zip directory "
                + "lists 10,005 parts");
    }

    @Test
    void aCellBeyondTheLastColumnOfAWorksheetIsRefused() throws IOException {
        // fastexcel sizes each row by its cells' columns: column ZZZZ would be half a million empty cells
        String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"ZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>";
        Path file = Files.write(dir.resolve("wide.xlsx"), TestWorkbooks.zip(TestWorkbooks.parts(sheet, null)));

        reading(file, FileLimits.defaults()).hasMessageContaining("lies beyond column XFD");
    }

    @Test
    void aCellSplitAcrossManyRunsIsCountedWhole() throws IOException {
        // comments and CDATA do not reset the count: the parser joins the pieces into one value; a CDATA's own
        // brackets count, its closing ]]> does not
        String pieces = "bbbb<!-- c --><![CDATA[a]]a]]>".repeat(100);
        String sheet = TestWorkbooks.inlineSheet(List.of(new String[] {"customer", "date", "amount"},
                new String[] {"1", "2010-12-01", pieces}));
        Path file = Files.write(dir.resolve("pieces.xlsx"), TestWorkbooks.zip(TestWorkbooks.parts(sheet, null)));

        try (RowSource rows = TransactionFiles.open(file, ColumnMapping.none(),
                FileLimits.defaults().with(Limit.CELL, 800))) {
            assertThat(rows.next()[2]).isEqualTo("bbbba]]a".repeat(100));
        }
        reading(file, FileLimits.defaults().with(Limit.CELL, 799)).isInstanceOf(FileLimitException.class)
                .hasMessageStartingWith("data row 1, column C, holds more than 799 characters");
    }

    @Test
    void markupLongerThanAnyWorkbookHasIsRefused() throws IOException {
        String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" junk=\""
                + "j".repeat(WorkbookCheck.MAX_MARKUP_BYTES) + "\"><sheetData/></worksheet>";
        Path file = Files.write(dir.resolve("long-tag.xlsx"), TestWorkbooks.zip(TestWorkbooks.parts(sheet, null)));

        reading(file, FileLimits.defaults()).hasMessageContaining("holds a tag, comment or text outside a cell longer "
                + "than 64 KiB");
    }

    /** A gzip file of one member holding {@code first}, then {@code times} members each holding {@code body}. */
    private static void writeGzipMembers(Path file, byte[] first, byte[] body, int times) throws IOException {
        byte[] member = gzip(body);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (first.length > 0) {
                out.write(gzip(first));
            }
            for (int i = 0; i < times; i++) {
                out.write(member);
            }
        }
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

    @Test
    void aRefusedWorkbookStreamLeavesNoTemporaryCopyBehind() throws IOException {
        byte[] fake = new byte[1 << 20];
        fake[0] = 'P';
        fake[1] = 'K';
        fake[2] = 3;
        fake[3] = 4;
        List<Path> before = temporaryCopies();

        assertThatThrownBy(() -> TransactionFiles.open(new ByteArrayInputStream(fake), ColumnMapping.none()))
                .hasMessageStartingWith("not a readable XLSX workbook");
        assertThat(temporaryCopies()).isSubsetOf(before);
    }

    private static List<Path> temporaryCopies() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("csr-workbook-")).toList();
        }
    }
}
