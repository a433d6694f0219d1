package com.csr.modelservice.serving;

import com.csr.ml.churn.ChurnDrivers;
import java.util.List;

/**
 * What drives one customer's churn probability, as {@code POST /explain} answers it.
 *
 * @param customerId       the customer
 * @param churnProbability the calibrated probability, exactly as {@code POST /predict} gives it
 * @param baselineLogOdds  the log-odds of churning before any feature is known
 * @param drivers          each feature's push on the log-odds, the strongest first; baseline plus all of them is the
 *                         logit of the probability
 * @param modelVersion     the model that answered
 */
public record ChurnExplanation(String customerId, double churnProbability, double baselineLogOdds,
                               List<ChurnDrivers.Driver> drivers, String modelVersion) {
}
