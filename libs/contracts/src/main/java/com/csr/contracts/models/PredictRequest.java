package com.csr.contracts.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A {@code POST /predict} body: one customer ({@code customer_id} and {@code features}) or a batch
 * ({@code customers}), scored by the tenant's serving model or by the version {@code model_version} pins. Customer
 * ids may be JSON strings or numbers.
 *
 * @param customerId       one customer's id
 * @param features         one customer's features by name (the original system's seven required)
 * @param customers        a batch, scored in one go
 * @param modelVersion     a version of the tenant's to score with instead of the serving one, or null
 * @param featuresComputed true when the features are the platform's own, as its feature service computed them
 *                         ({@code GET /customers/{id}}): every feature is then required and taken as it is, as
 *                         scoring on Kafka takes it (a net spend can be negative, a sum carry float noise such as
 *                         -2.8e-14); otherwise each value must be in the range the API documents
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictRequest(String customerId, Map<String, Object> features, List<Customer> customers,
                             String modelVersion, Boolean featuresComputed) {

    /** A request for the serving model. */
    public PredictRequest(String customerId, Map<String, Object> features, List<Customer> customers) {
        this(customerId, features, customers, null, null);
    }

    /** A request with features sent by a caller, for the serving model or a pinned version. */
    public PredictRequest(String customerId, Map<String, Object> features, List<Customer> customers,
                          String modelVersion) {
        this(customerId, features, customers, modelVersion, null);
    }

    /** True when the features are to be taken as the platform computed them. */
    public boolean computed() {
        return Boolean.TRUE.equals(featuresComputed);
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
