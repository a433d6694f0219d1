package com.csr.ml.churn;

import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.labels.TrainingSet;
import com.csr.domain.metrics.ChurnMetrics;
import com.csr.ml.tribuo.TribuoData;
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
        earlier.requireBothOutcomes("the earlier cutoff");
        later.requireBothOutcomes("the later cutoff");

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
        return new ChurnSelection(chosen, metrics, ChurnMetrics.of(recencyOnly(validationFeatures), churned).rocAuc(),
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
     * The simplest churn rule, days since the last purchase, as a probability-like score in [0, 1]: only its order
     * means anything, which is all ROC-AUC reads.
     */
    public static double[] recencyOnly(List<CustomerFeatures> customers) {
        double max = 0;
        for (CustomerFeatures c : customers) {
            max = Math.max(max, c.recencyDays());
        }
        double[] scaled = new double[customers.size()];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = max == 0 ? 0 : customers.get(i).recencyDays() / max;
        }
        return scaled;
    }
}
