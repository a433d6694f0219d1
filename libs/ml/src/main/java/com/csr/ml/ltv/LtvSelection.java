package com.csr.ml.ltv;

import com.csr.domain.metrics.SpendMetrics;
import com.csr.ml.ltv.btyd.BtydBaseline;

/**
 * The outcome of training the lifetime-value model.
 *
 * @param model              XGBoost refitted on the latest labelled cutoff
 * @param xgboost            its out-of-time metrics (fitted at T - 2H, judged at T - H)
 * @param baseline           BG/NBD + Gamma-Gamma metrics on the same customers (fitted on the history before T - H);
 *                           null when the baseline could not be fitted
 * @param baselineParameters the fitted baseline, or null
 * @param baselineFailure    why the baseline could not be fitted, or null
 */
public record LtvSelection(LtvModel model, SpendMetrics xgboost, SpendMetrics baseline,
                           BtydBaseline baselineParameters, String baselineFailure) {
}
