package com.csr.contracts.models;

import java.util.Map;

/**
 * The model serving a tenant, as {@code GET /model} of a model service answers.
 *
 * @param kind      {@code segment}, {@code churn} or {@code ltv}
 * @param version   its version
 * @param trainedAt ISO instant
 * @param datasetId the training set it learned from
 * @param metrics   its out-of-time metrics by name (each kind its own: {@code algorithm} and {@code roc_auc} for
 *                  churn, {@code k} and {@code silhouette} for segments, {@code normalized_gini} for lifetime value)
 */
public record ModelCard(String kind, String version, String trainedAt, String datasetId, Map<String, Object> metrics) {

    /** True when the card has a metric of that name. */
    public boolean has(String metric) {
        return metrics != null && metrics.get(metric) != null;
    }

    /** A numeric metric such as {@code roc_auc}, or 0 when the card has none of that name. */
    public double number(String metric) {
        return metrics != null && metrics.get(metric) instanceof Number n ? n.doubleValue() : 0;
    }

    /** A text metric such as {@code algorithm}, or null when the card has none of that name. */
    public String text(String metric) {
        return metrics != null && metrics.get(metric) instanceof String text ? text : null;
    }
}
