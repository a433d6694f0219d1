package com.csr.modelservice.serving;

import com.csr.modelservice.serving.ModelRegistry.ActiveModel;
import java.util.Map;

/**
 * The model serving a tenant, as {@code GET /model} answers.
 *
 * @param kind      {@code segment}, {@code churn} or {@code ltv}
 * @param version   its version
 * @param trainedAt ISO instant
 * @param datasetId the training set it learned from
 * @param metrics   its out-of-time metrics
 */
public record ModelInfo(String kind, String version, String trainedAt, String datasetId, Map<String, Object> metrics) {

    public static ModelInfo of(ActiveModel model) {
        return new ModelInfo(model.model().kind().code(), model.version(), model.trainedAt(), model.datasetId(),
                model.metrics());
    }
}
