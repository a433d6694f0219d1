package com.csr.domain.labels;

import com.csr.domain.features.CustomerFeatures;

/**
 * One row of a point-in-time training set: features as of a cutoff and what happened in the horizon after it.
 *
 * @param customerId  the customer
 * @param features    features as of the cutoff
 * @param churned     1 if no purchase in the horizon
 * @param futureSpend net spend in the horizon
 */
public record LabelledCustomer(String customerId, CustomerFeatures features, int churned, double futureSpend) {
}
