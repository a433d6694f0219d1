package com.csr.gateway.jobs;

import com.csr.domain.exports.SpreadsheetText;
import com.csr.domain.persona.Persona;
import com.csr.domain.plan.RetentionAction;
import com.csr.domain.plan.RetentionActions;
import com.csr.domain.plan.RiskBand;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A batch prediction's CSV: one row per customer of the job, in the job's order, with what {@code /predict} says of
 * one customer; a listed id the platform does not know gets a row with only its note. Customer ids are written so a
 * spreadsheet shows them as text ({@link SpreadsheetText}).
 */
final class PredictionCsv {

    static final List<String> COLUMNS = List.of("customer_id", "as_of", "segment_id", "persona", "churn_probability",
            "risk_band", "predicted_ltv", "expected_loss", "action", "segment_version", "churn_version",
            "ltv_version", "note");
    private static final Map<Persona, RetentionAction> ACTIONS = RetentionActions.defaults();

    private PredictionCsv() {
    }

    static String write(List<BatchPredictions.Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n').get())) {
            for (BatchPredictions.Row row : rows) {
                if (row.features == null) {
                    csv.printRecord(SpreadsheetText.of(row.customerId), null, null, null, null, null, null, null, null, null, null, null,
                            "no such customer");
                    continue;
                }
                double churn = row.churn.churnProbability();
                double ltv = row.ltv.predictedLtv();
                String persona = row.segment.persona();
                csv.printRecord(SpreadsheetText.of(row.customerId), row.features.asOf(), row.segment.segmentId(), persona, churn,
                        RiskBand.of(churn).code(), ltv, churn * ltv, ACTIONS.get(Persona.of(persona)).name(),
                        row.segment.modelVersion(), row.churn.modelVersion(), row.ltv.modelVersion(), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
