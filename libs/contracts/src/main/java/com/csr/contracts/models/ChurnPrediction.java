package com.csr.contracts.models;


/**
 * One customer's churn probability.
 *
 * @param customerId       the customer
 * @param churnProbability calibrated probability of no purchase within the horizon
 * @param modelVersion     the model that answered
 */
public record ChurnPrediction(String customerId, double churnProbability, String modelVersion) implements Prediction {
}
