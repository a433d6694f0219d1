package com.csr.gateway.portfolio;

/**
 * One persona in the customer base.
 *
 * @param id                  segment id
 * @param persona             name
 * @param description         what kind of customers these are
 * @param customers           how many
 * @param share               of all customers
 * @param revenueShare        of all customers' net spend to date
 * @param meanRecencyDays     mean days since the last purchase
 * @param meanFrequency       mean orders
 * @param meanMonetary        mean net spend
 * @param meanChurnProbability mean churn probability
 * @param meanPredictedLtv    mean predicted spend over the horizon
 * @param recommendedAction   the persona's action
 */
public record SegmentView(int id, String persona, String description, int customers, double share,
                          double revenueShare, double meanRecencyDays, double meanFrequency, double meanMonetary,
                          Double meanChurnProbability, Double meanPredictedLtv, String recommendedAction) {
}
