package com.csr.ml.ltv;

import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.RepeatPurchaseSummary;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.labels.TrainingSet;
import com.csr.domain.metrics.SpendMetrics;
import com.csr.ml.ltv.btyd.BtydBaseline;
import com.csr.ml.tribuo.TribuoData;
import java.util.List;
import java.util.Map;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Trains the lifetime-value model — XGBoost with a Tweedie objective, which suits spend: many customers spend
 * nothing, a few spend a lot — and measures it out of time against the BG/NBD + Gamma-Gamma baseline.
 */
public final class LtvTrainer {

    private static final double TWEEDIE_POWER = 1.5;

    private final long seed;

    public LtvTrainer(long seed) {
        this.seed = seed;
    }

    /**
     * @param earlier   labelled customers at T - 2H (labels up to T - H), possibly stacked with earlier cutoffs
     * @param later     labelled customers at T - H (labels up to T): the validation set
     * @param latest    what the final model is fitted on: {@code later}, possibly stacked with earlier cutoffs
     * @param summaries the BTYD summary at T - H of each customer of {@code later}, in the same order
     */
    public LtvSelection train(TrainingSet earlier, TrainingSet later, TrainingSet latest,
                              List<RepeatPurchaseSummary> summaries) {
        List<CustomerFeatures> validationFeatures = later.rows().stream().map(LabelledCustomer::features).toList();
        double[] actual = later.rows().stream().mapToDouble(LabelledCustomer::futureSpend).toArray();

        SpendMetrics xgboost = SpendMetrics.of(fit(earlier).predictAll(validationFeatures), actual);

        LtvModel model = fit(latest);
        try {
            BtydBaseline baseline = BtydBaseline.fit(summaries);
            double[] baselineSpend = summaries.stream()
                    .mapToDouble(s -> baseline.expectedSpend(s, later.horizon().days())).toArray();
            return new LtvSelection(model, xgboost, SpendMetrics.of(baselineSpend, actual), baseline, null);
        } catch (ArithmeticException | IllegalStateException | IllegalArgumentException e) {
            // the baseline is a yardstick: a history it cannot be fitted to (a short one, say, where the fit runs
            // off to extreme parameters) must not cost the model itself
            return new LtvSelection(model, xgboost, null, null, "the BG/NBD + Gamma-Gamma baseline could not be "
                    + "fitted: " + e.getMessage());
        }
    }

    /** The XGBoost model fitted on a training set. */
    public LtvModel fit(TrainingSet set) {
        XGBoostRegressionTrainer trainer = new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.TWEEDIE,
                300, Map.of("objective", "reg:tweedie", "eta", 0.03, "max_depth", 4, "min_child_weight", 5.0, "subsample", 0.8,
                        "colsample_bytree", 0.8, "tweedie_variance_power", TWEEDIE_POWER, "nthread", 2,
                        "seed", (int) seed, "verbosity", 0));
        return new LtvModel(trainer.train(TribuoData.dataset(
                "customers at cutoff " + set.cutoff() + " with spend over " + set.horizon().days() + " days",
                new RegressionFactory(), LtvModel.ENCODING, set.rows(), LabelledCustomer::features,
                row -> new Regressor(LtvModel.TARGET, Math.max(0, row.futureSpend())))));
    }
}
