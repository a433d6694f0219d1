package com.csr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.csr.domain.cleaning.CleanTransactions;
import com.csr.domain.cleaning.QualityReport;
import com.csr.domain.cleaning.RejectReason;
import com.csr.domain.transactions.Transaction;
import com.csr.generator.ExportReadBack;
import com.csr.generator.ExportSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code csr generate} end to end: what it prints is what the platform's cleaning finds in the file. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int status, String stdout, String stderr) {
    }

    private static Outcome csr(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = Csr.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new Outcome(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"export.csv", "export.csv.gz", "export.xlsx"})
    void thePrintedAccountingIsWhatCleaningTheFileGives(String name) throws IOException {
        Path file = dir.resolve(name);
        Outcome run = csr("generate", "--customers", "300", "--years", "1", "--seed", "42", "--out", file.toString());

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stderr().strip()).doesNotContain("\n").contains("rows (300 customers");
        JsonNode printed = new ObjectMapper().readTree(run.stdout());
        CleanTransactions clean = ExportReadBack.clean(file);
        QualityReport report = clean.report();

        assertThat(printed.get("format").asText()).isEqualTo(name.substring("export.".length()));
        assertThat(printed.get("rows").asLong()).isEqualTo(report.rowsRead()).isPositive();
        assertThat(printed.get("rows_kept").asLong()).isEqualTo(report.rowsKept());
        assertThat(printed.get("cancellations_kept").asLong()).isEqualTo(report.cancellationsKept()).isPositive();
        JsonNode rejected = printed.get("rejected");
        assertThat(rejected.size()).isEqualTo(RejectReason.values().length);
        long rejectedTotal = 0;
        for (RejectReason reason : RejectReason.values()) {
            assertThat(rejected.get(reason.code()).asLong()).as(reason.code())
                    .isEqualTo(report.rejected().getOrDefault(reason, 0L));
            rejectedTotal += rejected.get(reason.code()).asLong();
        }
        assertThat(rejected.get("missing_customer").asLong()).isPositive();
        assertThat(printed.get("rows").asLong()).isEqualTo(printed.get("rows_kept").asLong() + rejectedTotal);
        assertThat(printed.get("customers").asInt()).isEqualTo(300)
                .isEqualTo(clean.transactions().stream().map(Transaction::customerId).distinct().count());
        assertThat(printed.get("revenue_kept").asDouble()).isCloseTo(report.keptRevenue(), within(0.01));
        LocalDate firstKept = LocalDate.ofInstant(
                java.time.Instant.ofEpochSecond(clean.transactions().get(0).epochSecond()), ZoneOffset.UTC);
        assertThat(printed.get("first_date").asText()).isEqualTo(firstKept.toString());
        assertThat(LocalDate.parse(printed.get("last_date").asText())).isAfterOrEqualTo(clean.asOf())
                .isBeforeOrEqualTo(ExportSpec.DEFAULT_AS_OF);
    }

    @Test
    void anXlsxExportOverTheSheetsRowLimitIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = dir.resolve("big.xlsx");
        Outcome run = csr("generate", "--customers", "20000", "--years", "1", "--seed", "1", "--out",
                file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().strip()).doesNotContain("\n")
                .startsWith("csr generate: an XLSX sheet holds at most 1,048,575 rows, and 20,000 customers over 1 "
                        + "year make more; write .csv or .csv.gz");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void badArgumentsEndInOneLineAndStatusTwo() {
        List<String[]> bad = List.of(
                new String[] {"generate", "--customers", "10", "--years", "1", "--seed", "1"},
                new String[] {"generate", "--customers", "ten", "--years", "1", "--seed", "1", "--out", "x.csv"},
                new String[] {"generate", "--customers", "10", "--years", "0", "--seed", "1", "--out", "x.csv"},
                new String[] {"generate", "--customers", "10", "--years", "1", "--seed", "s", "--out", "x.csv"},
                new String[] {"generate", "--customers", "10", "--years", "1", "--seed", "1", "--out", "x.txt"},
                new String[] {"generate", "--customers", "10", "--years", "1", "--seed", "1", "--out", "x.csv",
                    "--as-of", "9/12/2011"},
                new String[] {"generate", "--customers", "10", "--years", "1", "--seed", "1", "--out", "x.csv",
                    "--colour", "red"});
        Iterator<String> expected = List.of("--out is required", "--customers expects a whole number, got 'ten'",
                "years must be between 1", "--seed expects a whole number, got 's'",
                "cannot tell the format from the name 'x.txt'", "--as-of expects a date as YYYY-MM-DD",
                "unknown option --colour").iterator();
        for (String[] args : bad) {
            Outcome run = csr(args);
            assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.stderr().strip()).doesNotContain("\n").startsWith("csr generate: ")
                    .contains(expected.next());
        }
        assertThat(Path.of("x.csv")).doesNotExist();
    }

    @Test
    void helpShowsTheOptionsAndTheCommandIsListed() {
        assertThat(csr("generate", "--help").stdout()).contains("--customers", "--years", "--seed", "--out",
                "--as-of");
        assertThat(csr("help").stdout()).contains("usage: csr generate");
        assertThat(csr("nonsense").stderr()).contains("generate");
    }
}
