package com.csr.domain.plan;

/**
 * Something the retailer can do to keep a customer.
 *
 * @param name           what it is, e.g. "Win-back call + 15% voucher"
 * @param cost           cost per customer targeted
 * @param acceptanceRate share of targeted customers who would otherwise churn and are kept by it
 */
public record RetentionAction(String name, double cost, double acceptanceRate) {

    public RetentionAction {
        if (!(cost > 0)) {
            throw new IllegalArgumentException("an action must cost something, got " + cost + " for " + name);
        }
        if (!(acceptanceRate >= 0 && acceptanceRate <= 1)) {
            throw new IllegalArgumentException("acceptance rate must be in [0, 1], got " + acceptanceRate);
        }
    }
}
