package com.csr.ml.churn;

import java.util.Comparator;
import java.util.List;

/**
 * What drives one customer's churn probability: each feature's push on the log-odds of churning, on the calibrated
 * scale, so that {@code baseline} plus every {@code effect} is exactly the logit of the probability served. For
 * logistic regression a feature's effect is its coefficient times the customer's deviation from the average
 * customer (in standard deviations of the training set); for XGBoost it is the feature's SHAP value (XGBoost's
 * TreeSHAP), the average effect of knowing it over all orders of learning the features.
 *
 * @param churnProbability the calibrated probability these effects add up to
 * @param baseline         the log-odds before any feature is known: the average customer's, roughly
 * @param drivers          every feature, the strongest push first
 */
public record ChurnDrivers(double churnProbability, double baseline, List<Driver> drivers) {

    public ChurnDrivers {
        drivers = drivers.stream().sorted(Comparator.comparingDouble((Driver d) -> -Math.abs(d.effect()))).toList();
    }

    /**
     * One feature's push.
     *
     * @param feature the feature's name, as in {@link com.csr.domain.features.CustomerFeatures#NAMES}
     * @param value   the customer's value of it, as the feature service computed it
     * @param effect  its push on the log-odds of churning: above 0 raises the risk, below 0 lowers it
     */
    public record Driver(String feature, double value, double effect) {
    }

    /** The log-odds the probability comes from: {@code baseline} plus every effect. */
    public double logOdds() {
        return baseline + drivers.stream().mapToDouble(Driver::effect).sum();
    }
}
