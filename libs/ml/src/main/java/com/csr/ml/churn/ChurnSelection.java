package com.csr.ml.churn;

import com.csr.domain.metrics.ChurnMetrics;
import java.util.Map;

/**
 * The outcome of choosing a churn model.
 *
 * @param model              the winner, refitted on the latest labelled cutoff and calibrated
 * @param candidates         out-of-time metrics of each candidate (calibrated by cross-fitting)
 * @param recencyOnlyRocAuc  ROC-AUC of ranking by recency alone on the same validation customers
 * @param validationCustomers customers in the validation set
 */
public record ChurnSelection(ChurnModel model, Map<ChurnAlgorithm, ChurnMetrics> candidates,
                             double recencyOnlyRocAuc, int validationCustomers) {

    public ChurnMetrics chosenMetrics() {
        return candidates.get(model.algorithm());
    }
}
