package com.csr.contracts.events;

import java.util.Map;

/**
 * A customer's feature vector, on {@code customer.features}.
 *
 * @param tenantId   whose
 * @param customerId the customer
 * @param asOf       the as-of date the features describe (YYYY-MM-DD, inclusive)
 * @param features   by name, as in {@link com.csr.domain.features.CustomerFeatures#NAMES}
 */
public record CustomerFeaturesUpdate(String tenantId, String customerId, String asOf, Map<String, Double> features) {
}
