package com.csr.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The seed's {@code /predict} body: {@code {"customer_id": 12345, "features": {...}}}. The customer id may be a
 * number or a string; features are the seed's seven (required) plus any of the others.
 *
 * @param customerId the customer
 * @param features   feature values by name
 */
public record PredictRequest(JsonNode customerId, Map<String, Object> features) {
}
