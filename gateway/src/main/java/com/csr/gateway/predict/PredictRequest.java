package com.csr.gateway.predict;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The original's {@code /predict} body: {@code {"customer_id": 12345, "features": {...}}}, or only the customer id to
 * score the features the feature service holds for the customer. The customer id may be a number or a string;
 * features are the original's seven (required) plus any of the others. {@code model_id} pins the versions one training
 * made (its training set's id, as {@code GET /models/{kind}/versions} lists them) instead of the serving ones.
 *
 * @param customerId the customer
 * @param features   feature values by name, or null for the customer's current features
 * @param modelId    the version to score with, or null for the serving one
 */
public record PredictRequest(JsonNode customerId, Map<String, Object> features, String modelId) {
}
