package com.csr.core.serving;

import java.util.List;
import java.util.Map;

/**
 * A {@code POST /predict} body: one customer ({@code customer_id} and {@code features}) or a batch
 * ({@code customers}), scored by the tenant's serving model or by the version {@code model_version} pins. Customer
 * ids may be JSON strings or numbers.
 *
 * @param customerId   one customer's id
 * @param features     one customer's features by name (the seed's seven required)
 * @param customers    a batch, scored in one go
 * @param modelVersion a version of the tenant's to score with instead of the serving one, or null
 */
public record PredictRequest(String customerId, Map<String, Object> features, List<Customer> customers,
                             String modelVersion) {

    /** A request for the serving model. */
    public PredictRequest(String customerId, Map<String, Object> features, List<Customer> customers) {
        this(customerId, features, customers, null);
    }

    /**
     * One customer of a batch.
     *
     * @param customerId the customer's id
     * @param features   features by name
     */
    public record Customer(String customerId, Map<String, Object> features) {
    }
}
