package com.csr.gateway.portfolio;

/**
 * One customer in the at-risk list.
 *
 * @param customerId        the customer
 * @param persona           segment persona
 * @param segmentId         segment id
 * @param churnProbability  P(no purchase over the horizon)
 * @param riskBand          low, medium, high
 * @param predictedLtv      predicted spend over the horizon
 * @param expectedLoss      P(churn) x LTV
 * @param recommendedAction the persona's action
 */
public record CustomerRow(String customerId, String persona, Integer segmentId, Double churnProbability,
                          String riskBand, Double predictedLtv, Double expectedLoss, String recommendedAction) {
}
