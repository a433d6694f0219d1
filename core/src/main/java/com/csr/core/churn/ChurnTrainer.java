package com.csr.core.churn;

import com.csr.core.features.CustomerFeatures;
import com.csr.core.labels.LabelledCustomer;
import com.csr.core.labels.TrainingSet;
import com.csr.core.metrics.ChurnMetrics;
import com.csr.core.ml.TribuoData;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * Chooses and trains the churn model with out-of-time validation: every candidate is fitted on the earlier cutoff
 * and judged on the later one (ROC-AUC, then PR-AUC); the winner is refitted on the later cutoff, whose labels run
 * up to the as-of time, and calibrated with the mapping fitted on its out-of-time predictions.
 */
public final class ChurnTrainer {

    private final long seed;

    public ChurnTrainer(long seed) {
        this.seed = seed;
    }

    /**
     * @param earlier labelled customers at T - 2H (labels up to T - H), possibly stacked with earlier cutoffs
     * @param later   labelled customers at T - H (labels up to T): the validation set
     * @param latest  what the final model is fitted on: {@code later}, possibly stacked with earlier cutoffs
     */
    public ChurnSelection train(TrainingSet earlier, TrainingSet later, TrainingSet latest) {
        List<CustomerFeatures> validationFeatures = later.rows().stream().map(LabelledCustomer::features).toList();
        int[] churned = later.rows().stream().mapToInt(LabelledCustomer::churned).toArray();
        requireBothOutcomes(earlier, "the earlier cutoff");
        requireBothOutcomes(later, "the later cutoff");

        Map<ChurnAlgorithm, ChurnMetrics> metrics = new EnumMap<>(ChurnAlgorithm.class);
        Map<ChurnAlgorithm, PlattCalibration> calibrations = new EnumMap<>(ChurnAlgorithm.class);
        ChurnAlgorithm best = null;
        for (ChurnAlgorithm algorithm : ChurnAlgorithm.values()) {
            ChurnModel candidate = fit(algorithm, earlier);
            double[] raw = candidate.uncalibratedProbabilities(validationFeatures);
            metrics.put(algorithm, ChurnMetrics.of(PlattCalibration.crossFitted(raw, churned), churned));
            calibrations.put(algorithm, PlattCalibration.fit(raw, churned));
            if (best == null || isBetter(metrics.get(algorithm), metrics.get(best))) {
                best = algorithm;
            }
        }
        ChurnModel chosen = fit(best, latest).withCalibration(calibrations.get(best));
        double[] recency = validationFeatures.stream().mapToDouble(CustomerFeatures::recencyDays).toArray();
        return new ChurnSelection(chosen, metrics, ChurnMetrics.of(scaleToUnit(recency), churned).rocAuc(),
                later.size());
    }

    /** One candidate fitted on a training set, uncalibrated. */
    public ChurnModel fit(ChurnAlgorithm algorithm, TrainingSet set) {
        Model<Label> model = algorithm.trainer(seed).train(TribuoData.dataset(
                "customers at cutoff " + set.cutoff() + " with churn over " + set.horizon().days() + " days",
                new LabelFactory(), algorithm.encoding(), set.rows(), LabelledCustomer::features,
                row -> row.churned() == 1 ? ChurnModel.CHURNED : ChurnModel.ACTIVE));
        return new ChurnModel(algorithm, model, PlattCalibration.IDENTITY);
    }

    private static boolean isBetter(ChurnMetrics a, ChurnMetrics b) {
        return a.rocAuc() > b.rocAuc() || (a.rocAuc() == b.rocAuc() && a.prAuc() > b.prAuc());
    }

    /**
     * The data check training makes, public so a training set can be refused before it is published.
     *
     * @param which the cutoff the set is at, as the message should name it
     * @throws IllegalArgumentException when the set is empty or every customer in it churned, or none did
     */
    public static void requireBothOutcomes(TrainingSet set, String which) {
        double rate = set.churnRate();
        if (set.size() == 0 || rate == 0 || rate == 1) {
            throw new IllegalArgumentException("cannot learn churn: at " + which + " " + set.size()
                    + " customers and " + (set.size() == 0 ? "none" : rate == 0 ? "none churned" : "all churned")
                    + "; the file needs at least two horizons of history before the as-of date");
        }
    }

    /** Recency as a probability-like score in [0, 1]: only its order matters for ROC-AUC. */
    private static double[] scaleToUnit(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = max == 0 ? 0 : values[i] / max;
        }
        return scaled;
    }
}
