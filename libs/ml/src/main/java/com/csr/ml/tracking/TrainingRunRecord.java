package com.csr.ml.tracking;

import java.util.Map;

/**
 * What one training run leaves for the record.
 *
 * @param tenantId  whose model
 * @param kind      model kind code ({@code segment}, {@code churn}, {@code ltv})
 * @param version   the model version it produced
 * @param params    hyperparameters, seeds, cutoffs, horizon, data hash, flattened provenance
 * @param metrics   every evaluation metric, by name
 * @param artifacts files to keep with the run, by name (the model, its card, the report)
 */
public record TrainingRunRecord(String tenantId, String kind, String version, Map<String, String> params,
                                Map<String, Double> metrics, Map<String, byte[]> artifacts) {
}
