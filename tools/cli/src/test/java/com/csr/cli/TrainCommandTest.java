package com.csr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.TestFiles;
import com.csr.ml.churn.ChurnModel;
import com.csr.ml.ltv.LtvModel;
import com.csr.ml.segment.SegmentModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code csr train} end to end on the real sample, and its one-line errors on bad input. */
class TrainCommandTest {

    @TempDir
    static Path out;
    private static Run sampleRun;

    record Run(int status, String stdout, String stderr) {
    }

    static Run csr(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = Csr.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void trainOnTheSample() {
        sampleRun = csr("train", "--tenant-id", "tenant_123", "--data-path",
                TestFiles.onlineRetailSample().toString(), "--budget", "2500", "--out", out.toString());
    }

    @Test
    void writesOnePredictionPerCustomerKnownAtTheAsOfDate() throws IOException {
        assertThat(sampleRun.status()).as(sampleRun.stderr()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("predictions.csv"));
        assertThat(lines.get(0)).isEqualTo("customer_id,persona,segment,churn_probability,predicted_ltv,"
                + "expected_loss,recommended_action,selected");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(lines).hasSize(summary.get("customers").asInt() + 1);
        assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct()).hasSize(lines.size() - 1);
        assertThat(summary.get("customers").asInt()).isEqualTo(4285);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(Double.parseDouble(cells[3])).isBetween(0.0, 1.0);
            double ltv = Double.parseDouble(cells[4]);
            assertThat(Double.parseDouble(cells[5])).as("expected loss = churn x LTV (both rounded)")
                    .isCloseTo(Double.parseDouble(cells[3]) * ltv, org.assertj.core.api.Assertions.within(0.01 + ltv * 5e-5));
        }
    }

    @Test
    void summaryAddsUpAndReportsHonestValidation() throws IOException {
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        long rejected = 0;
        for (JsonNode count : s.get("rejected")) {
            rejected += count.asLong();
        }
        assertThat(s.get("rows_read").asLong()).isEqualTo(525_461).isEqualTo(s.get("rows_kept").asLong() + rejected);
        assertThat(s.get("as_of").asText()).isEqualTo("2010-12-09");
        assertThat(s.get("horizon_days").asInt()).isEqualTo(90);
        assertThat(s.at("/cutoffs/validation").asText()).isEqualTo("2010-09-10");
        assertThat(s.at("/cutoffs/validation_fit").asText()).isEqualTo("2010-06-12");

        JsonNode churn = s.get("churn");
        JsonNode chosen = churn.at("/candidates/" + churn.get("chosen").asText());
        assertThat(churn.get("candidates").size()).isEqualTo(2);
        for (String metric : List.of("roc_auc", "pr_auc", "brier", "ece")) {
            assertThat(chosen.has(metric)).as(metric).isTrue();
        }
        assertThat(chosen.get("roc_auc").asDouble()).isGreaterThan(0.70)
                .isGreaterThan(churn.get("recency_only_roc_auc").asDouble() + 0.05);
        assertThat(chosen.get("ece").asDouble()).isLessThan(0.05);

        JsonNode ltv = s.get("ltv");
        assertThat(ltv.get("spearman").asDouble()).isGreaterThan(0.45);
        assertThat(ltv.get("normalized_gini").asDouble()).isGreaterThan(ltv.at("/baseline/normalized_gini").asDouble());
        assertThat(ltv.get("deciles")).hasSize(10);

        JsonNode segments = s.get("segments");
        int sized = 0;
        HashSet<String> names = new HashSet<>();
        for (JsonNode segment : segments) {
            sized += segment.get("size").asInt();
            names.add(segment.get("name").asText());
        }
        assertThat(sized).isEqualTo(4285);
        assertThat(names).hasSize(segments.size()).contains("Champions");

        assertThat(s.at("/plan/cost").asDouble()).isLessThanOrEqualTo(2500.0).isGreaterThan(2400.0);
        assertThat(s.at("/plan/expected_revenue_saved").asDouble()).isGreaterThan(s.at("/plan/cost").asDouble());
        assertThat(s.get("timings_ms").has("churn")).isTrue();
    }

    @Test
    void writesTheReportAndModelsThatLoad() throws IOException {
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("## Data quality", "## Personas", "## Models", "## Value at risk",
                "## Retention plan", "recency alone");
        Path models = out.resolve("models");
        assertThat(SegmentModel.load(models).segments()).isBetween(3, 8);
        assertThat(ChurnModel.load(models).calibration()).isNotNull();
        assertThat(LtvModel.load(models).tribuoModel()).isNotNull();
        assertThat(sampleRun.stdout()).contains("525,461 rows read", "4,285 customers");
        assertThat(sampleRun.stderr()).contains("reading and cleaning", "churn: logistic regression vs XGBoost");
    }

    @Test
    void trainsOnTheCdnowBenchmarkThroughAPositionalColumnMapping(@TempDir Path cdnowOut) throws IOException {
        Run run = csr("train", "--tenant-id", "cdnow", "--data-path", TestFiles.cdnow("CDNOW_sample.txt").toString(),
                "--columns", "customer=1,date=3,quantity=4,amount=5", "--as-of", "1998-06-30", "--currency", "USD",
                "--out", cdnowOut.toString());

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode s = new ObjectMapper().readTree(cdnowOut.resolve("summary.json").toFile());
        assertThat(s.get("rows_read").asInt()).isEqualTo(6_919);
        // CDNOW has no returns: return_rate is constant and left out of the models rather than breaking them
        assertThat(s.at("/churn/candidates/logistic_regression/roc_auc").asDouble()).isGreaterThan(0.75);
        assertThat(Files.readAllLines(cdnowOut.resolve("predictions.csv"))).hasSize(s.get("customers").asInt() + 1);
    }

    static Stream<Arguments> badInputs() throws IOException {
        Path dir = Files.createTempDirectory("csr-bad");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path headerOnly = Files.writeString(dir.resolve("header.csv"),
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n");
        Path noCustomers = Files.writeString(dir.resolve("nocustomer.csv"),
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
                        + "1,A,x,1,2010-01-01 10:00,1.0,,UK\n2,A,x,1,2010-01-02 10:00,1.0,,UK\n");
        Path garbage = Files.write(dir.resolve("garbage.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 9, 10, 11});
        String sample = TestFiles.onlineRetailSample().toString();
        return Stream.of(
                Arguments.of(new String[] {"train", "--data-path", dir.resolve("missing.csv").toString()}, 1,
                        "no such file"),
                Arguments.of(new String[] {"train", "--data-path", empty.toString()}, 1, "the file is empty"),
                Arguments.of(new String[] {"train", "--data-path", headerOnly.toString()}, 1,
                        "no transactions: the file has a header but no data rows"),
                Arguments.of(new String[] {"train", "--data-path", noCustomers.toString()}, 1,
                        "no usable transactions: all 2 rows were rejected (missing_customer=2)"),
                Arguments.of(new String[] {"train", "--data-path", garbage.toString()}, 1, "binary data"),
                Arguments.of(new String[] {"train", "--data-path", sample, "--columns", "customer=Client"}, 1,
                        "unknown column 'Client'"),
                Arguments.of(new String[] {"train", "--data-path", sample, "--columns", "colour=Country"}, 1,
                        "unknown field 'colour'"),
                Arguments.of(new String[] {"train", "--tenant-id", "../other"}, 1, "invalid tenant id"),
                Arguments.of(new String[] {"train", "--as-of", "yesterday"}, 2, "--as-of expects a date"),
                Arguments.of(new String[] {"train", "--horizon-days", "0"}, 1, "horizon must be at least 1 day"),
                Arguments.of(new String[] {"train", "--frobnicate"}, 2, "unknown option --frobnicate"),
                Arguments.of(new String[] {"train", "--data-path", sample, "--as-of", "2010-01-15", "--out",
                    dir.resolve("o").toString()}, 1, "cannot learn churn"),
                Arguments.of(new String[] {"fly"}, 2, "unknown command 'fly'"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputEndsInOneLineNamingTheProblem(String[] args, int status, String message) {
        Run run = csr(args);

        assertThat(run.status()).isEqualTo(status);
        assertThat(run.stderr().lines().filter(l -> l.startsWith("csr "))).singleElement().asString()
                .contains(message);
        assertThat(run.stderr()).doesNotContain("Exception", "\tat ");
    }
}
