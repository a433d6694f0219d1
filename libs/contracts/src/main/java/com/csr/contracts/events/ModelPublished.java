package com.csr.contracts.events;

import java.util.Map;

/**
 * A model ready to serve, on {@code models.published}: every instance of the model's service loads it.
 *
 * @param tenantId  whose
 * @param kind      {@code segment}, {@code churn} or {@code ltv}
 * @param version   the model version
 * @param uri       where the model directory is
 * @param sha256    checksum of the model file
 * @param datasetId the training set it was trained on
 * @param trainedAt ISO instant
 * @param metrics   out-of-time metrics, by name
 */
public record ModelPublished(String tenantId, String kind, String version, String uri, String sha256,
                             String datasetId, String trainedAt, Map<String, Object> metrics) {
}
