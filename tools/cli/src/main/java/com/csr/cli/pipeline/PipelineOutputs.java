package com.csr.cli.pipeline;

import com.csr.domain.exports.SpreadsheetText;
import com.csr.domain.plan.PlannedCustomer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a run's files into its output directory: {@code predictions.csv}, {@code summary.json},
 * {@code report.md}, and the models under {@code models/}.
 */
public final class PipelineOutputs {

    public static final String PREDICTIONS = "predictions.csv";
    public static final String SUMMARY = "summary.json";
    public static final String REPORT = "report.md";
    public static final String MODELS = "models";
    static final List<String> PREDICTION_COLUMNS = List.of("customer_id", "persona", "segment", "churn_probability",
            "predicted_ltv", "expected_loss", "recommended_action", "selected");

    private PipelineOutputs() {
    }

    public static void write(PipelineResult result, Path directory) {
        try {
            Files.createDirectories(directory.resolve(MODELS));
            writePredictions(result, directory.resolve(PREDICTIONS));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(directory.resolve(SUMMARY).toFile(), SummaryJson.of(result));
            Files.writeString(directory.resolve(REPORT), StrategicReport.markdown(result), StandardCharsets.UTF_8);
            result.segments().model().save(directory.resolve(MODELS));
            result.churn().model().save(directory.resolve(MODELS));
            result.ltv().model().save(directory.resolve(MODELS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** One row per customer known at the as-of date, highest expected loss first. */
    private static void writePredictions(PipelineResult result, Path file) throws IOException {
        List<PlannedCustomer> rows = result.plan().customers().stream()
                .sorted(Comparator.comparingDouble((PlannedCustomer p) -> p.score().expectedLoss()).reversed()
                        .thenComparing(p -> p.score().customerId()))
                .toList();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(PREDICTION_COLUMNS.toArray(String[]::new))
                     .get().print(out)) {
            for (PlannedCustomer p : rows) {
                csv.printRecord(SpreadsheetText.of(p.score().customerId()), p.score().persona().displayName(),
                        p.score().persona().segmentId(), decimal(p.score().churnProbability(), 4),
                        decimal(p.score().predictedLtv(), 2), decimal(p.score().expectedLoss(), 2),
                        p.action().name(), p.selected());
            }
        }
    }

    private static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }
}
