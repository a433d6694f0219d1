package com.csr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code csr train} and {@code csr publish} on a file over a limit set through the environment, and a run out of
 * memory: exit status 1 and one line naming the problem on standard error, never a stack trace.
 */
class FileLimitCommandsTest {

    @TempDir
    static Path dir;

    record Run(int status, String stdout, String stderr) {

        /** The lines the command wrote itself; the others are its progress. */
        List<String> errorLines() {
            return stderr.lines().filter(l -> l.startsWith("csr ")).toList();
        }
    }

    static Run csr(Map<String, String> environment, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = Csr.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), environment);
        return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    private static final String HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country";

    private static Path csv(String name, int rows, int descriptionLength) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            text.append(489_434 + i).append(",85048,").append(i == 1 ? "D".repeat(descriptionLength) : "BALL")
                    .append(",12,2009-12-01 07:45:00,6.95,").append(13_085 + i).append(",United Kingdom\n");
        }
        return Files.writeString(dir.resolve(name), text);
    }

    private static Path workbook() throws IOException {
        Path file = dir.resolve("book.xlsx");
        try (var out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "csr", "1.0");
            Worksheet ws = workbook.newWorksheet("Sheet1");
            String[] header = HEADER.split(",");
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            for (int r = 1; r <= 50; r++) {
                ws.value(r, 0, String.valueOf(489_434 + r));
                ws.value(r, 6, 13_085 + r);
            }
            workbook.finish();
        }
        return file;
    }

    static Stream<Arguments> filesOverALimit() throws IOException {
        Path longLine = csv("long-line.csv", 5, 300);
        Path manyRows = csv("many-rows.csv", 5, 4);
        Path book = workbook();
        return Stream.of(
                Arguments.of(new String[] {"train", "--data-path", longLine.toString()},
                        Map.of("CSR_INGEST_LIMITS_MAX_LINE_CHARS", "200"),
                        "csr train: error: data row 2 is longer than 200 characters, the limit on a line "
                                + "(csr.ingest.limits.max-line-chars); set CSR_INGEST_LIMITS_MAX_LINE_CHARS to raise it"),
                Arguments.of(new String[] {"train", "--data-path", longLine.toString()},
                        Map.of("CSR_INGEST_LIMITS_MAX_CELL_CHARS", "299"),
                        "csr train: error: data row 2, column 'Description', holds 300 characters, more than 299 "
                                + "characters, the limit on a cell (csr.ingest.limits.max-cell-chars); set "
                                + "CSR_INGEST_LIMITS_MAX_CELL_CHARS to raise it"),
                Arguments.of(new String[] {"train", "--data-path", manyRows.toString()},
                        Map.of("CSR_INGEST_LIMITS_MAX_ROWS", "4"),
                        "csr train: error: data row 5 is one more than 4 rows, the limit on rows per file "
                                + "(csr.ingest.limits.max-rows); set CSR_INGEST_LIMITS_MAX_ROWS to raise it"),
                Arguments.of(new String[] {"train", "--data-path", book.toString()},
                        Map.of("CSR_INGEST_LIMITS_MAX_SHEET_BYTES", "2K"),
                        "csr train: error: the workbook's sheet xl/worksheets/sheet1.xml declares"),
                Arguments.of(new String[] {"train", "--data-path", manyRows.toString()},
                        Map.of("CSR_INGEST_LIMITS_MAX_ROWS", "a few"),
                        "csr train: error: CSR_INGEST_LIMITS_MAX_ROWS must be a whole number of rows, got 'a few'"),
                // refused before anything is sent: the broker named here does not exist
                Arguments.of(new String[] {"publish", "--tenant-id", "t1", "--data-path", manyRows.toString(),
                    "--bootstrap-servers", "127.0.0.1:1"}, Map.of("CSR_INGEST_LIMITS_MAX_ROWS", "4"),
                        "csr publish: error: data row 5 is one more than 4 rows"));
    }

    @ParameterizedTest
    @MethodSource("filesOverALimit")
    void aFileOverALimitEndsInOneLineNamingTheLimitAndHowToRaiseIt(String[] args, Map<String, String> environment,
                                                                  String message) {
        Run run = csr(environment, args);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().startsWith(message);
        assertThat(run.stderr()).doesNotContain("Exception", "at com.", "\tat ");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void runningOutOfMemoryNamesTheFileTheHeapAndABiggerOne() {
        assertThat(Csr.outOfMemory("train", List.of("--tenant-id", "t", "--data-path", "big.csv.gz"), 3L << 30))
                .isEqualTo("csr train: error: out of memory on big.csv.gz (the heap is 3,072 MiB); raise the heap "
                        + "with CSR_JAVA_OPTS=-Xmx6g");
        assertThat(Csr.outOfMemory("publish", List.of("--data-path=x.xlsx"), 256L << 20))
                .isEqualTo("csr publish: error: out of memory on x.xlsx (the heap is 256 MiB); raise the heap "
                        + "with CSR_JAVA_OPTS=-Xmx1g");
    }

    @Test
    void aTrainingRunOutOfHeapEndsInThatOneLineWithStatusOne() throws Exception {
        // the sample's 525,461 rows stream through 32 MB (the histories and fingerprints of its 4,285 customers),
        // but not through 12 MB: the run must say so, not die with a stack trace
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx12m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Csr.class.getName(), "train", "--data-path", TestFiles.onlineRetailSample().toString(), "--out",
                dir.resolve("oom").toString()));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr.lines().filter(l -> l.startsWith("csr "))).singleElement().asString()
                .startsWith("csr train: error: out of memory on " + TestFiles.onlineRetailSample())
                .endsWith("raise the heap with CSR_JAVA_OPTS=-Xmx1g");
        assertThat(stderr).doesNotContain("Exception", "at com.", "\tat ");
    }
}
