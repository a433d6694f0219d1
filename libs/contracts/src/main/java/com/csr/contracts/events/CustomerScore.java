package com.csr.contracts.events;

/**
 * One model's score of one customer, on {@code customer.scores}; the gateway merges the three kinds.
 *
 * @param tenantId         whose
 * @param customerId       the customer
 * @param kind             {@code segment}, {@code churn} or {@code ltv}
 * @param modelVersion     the model that scored
 * @param asOf             the features' as-of date
 * @param segmentId        for {@code segment}: the persona's segment id
 * @param persona          for {@code segment}: the persona's name
 * @param churnProbability for {@code churn}
 * @param predictedLtv     for {@code ltv}
 */
public record CustomerScore(String tenantId, String customerId, String kind, String modelVersion, String asOf,
                            Integer segmentId, String persona, Double churnProbability, Double predictedLtv) {
}
