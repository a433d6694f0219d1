package com.csr.core.serving;

import java.util.List;
import java.util.Map;

/**
 * A {@code POST /predict} body: one customer ({@code customer_id} and {@code features}) or a batch
 * ({@code customers}). Customer ids may be JSON strings or numbers.
 *
 * @param customerId one customer's id
 * @param features   one customer's features by name (the seed's seven required)
 * @param customers  a batch, scored in one go
 */
public record PredictRequest(String customerId, Map<String, Object> features, List<Customer> customers) {

    /**
     * One customer of a batch.
     *
     * @param customerId the customer's id
     * @param features   features by name
     */
    public record Customer(String customerId, Map<String, Object> features) {
    }
}
