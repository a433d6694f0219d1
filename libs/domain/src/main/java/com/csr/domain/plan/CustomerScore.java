package com.csr.domain.plan;

import com.csr.domain.persona.Persona;

/**
 * What the models say about one customer as of the as-of date.
 *
 * @param customerId       the customer
 * @param persona          their segment
 * @param churnProbability probability of no purchase over the horizon
 * @param predictedLtv     expected net spend over the horizon
 */
public record CustomerScore(String customerId, Persona persona, double churnProbability, double predictedLtv) {

    /** Revenue expected to be lost to churn: P(churn) x predicted LTV. */
    public double expectedLoss() {
        return churnProbability * predictedLtv;
    }
}
