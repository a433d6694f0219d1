package com.csr.gateway.service;

import com.csr.domain.persona.Persona;
import com.csr.domain.plan.RetentionAction;
import com.csr.domain.plan.RetentionActions;
import com.csr.domain.plan.RiskBand;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A batch prediction's CSV: one row per customer of the job, in the job's order, with what {@code /predict} says of
 * one customer; a listed id the platform does not know gets a row with only its note.
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
                    csv.printRecord(row.customerId, null, null, null, null, null, null, null, null, null, null, null,
                            "no such customer");
                    continue;
                }
                double churn = row.churn.path("churn_probability").asDouble();
                double ltv = row.ltv.path("predicted_ltv").asDouble();
                String persona = row.segment.path("persona").asText();
                csv.printRecord(row.customerId, row.features.asOf(), row.segment.path("segment_id").asInt(), persona,
                        churn, RiskBand.of(churn).code(), ltv, churn * ltv, ACTIONS.get(Persona.of(persona)).name(),
                        version(row.segment), version(row.churn), version(row.ltv), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String version(JsonNode prediction) {
        return prediction.path("model_version").asText();
    }
}
