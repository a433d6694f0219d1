package com.csr.contracts.models;


/**
 * One customer's predicted lifetime value.
 *
 * @param customerId   the customer
 * @param predictedLtv expected net spend within the horizon
 * @param horizonDays  the horizon the model was trained for
 * @param modelVersion the model that answered
 */
public record LtvPrediction(String customerId, double predictedLtv, Integer horizonDays, String modelVersion)
        implements Prediction {
}
