package com.csr.domain.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * How well churn probabilities rank and how honest they are.
 *
 * @param rocAuc        area under the ROC curve (ties count half)
 * @param prAuc         average precision: area under the precision-recall curve, churners as positives
 * @param brier         mean squared error of the probabilities
 * @param ece           expected calibration error over 10 equal-width probability bins
 * @param churnRate     share of churners
 * @param meanPredicted mean predicted probability: beside {@code churnRate}, whether the level holds
 * @param liftByDecile  churn rate in each decile of predicted risk (highest first) divided by the overall rate
 * @param calibration   mean predicted probability and observed churn rate per non-empty bin
 * @param roc           the ROC curve as (false positive rate, true positive rate) points
 */
public record ChurnMetrics(double rocAuc, double prAuc, double brier, double ece, double churnRate,
                           double meanPredicted, double[] liftByDecile, List<double[]> calibration, List<double[]> roc) {

    private static final int BINS = 10;

    /**
     * @param probability predicted probability of churn per customer
     * @param churned     1 for a churner, 0 otherwise
     */
    public static ChurnMetrics of(double[] probability, int[] churned) {
        Ranks.requireSameLength(probability.length, churned.length);
        for (int i = 0; i < probability.length; i++) {
            if (!(probability[i] >= 0 && probability[i] <= 1) || (churned[i] != 0 && churned[i] != 1)) {
                throw new IllegalArgumentException("row " + i + ": probability " + probability[i] + " and outcome "
                        + churned[i] + " must be in [0, 1] and {0, 1}");
            }
        }
        int n = probability.length;
        int positives = 0;
        double brier = 0;
        double predicted = 0;
        for (int i = 0; i < n; i++) {
            positives += churned[i];
            predicted += probability[i];
            brier += (probability[i] - churned[i]) * (probability[i] - churned[i]);
        }
        double rate = (double) positives / n;
        return new ChurnMetrics(rocAuc(probability, churned, positives), averagePrecision(probability, churned,
                positives), brier / n, calibrationError(probability, churned), rate, predicted / n,
                lift(probability, churned, rate),
                calibrationCurve(probability, churned), rocCurve(probability, churned, positives));
    }

    /** ROC-AUC as the Mann-Whitney statistic over average ranks. */
    static double rocAuc(double[] score, int[] positive, int positives) {
        int negatives = score.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] ranks = Ranks.averageRanks(score);
        double rankSum = 0;
        for (int i = 0; i < score.length; i++) {
            if (positive[i] == 1) {
                rankSum += ranks[i];
            }
        }
        return (rankSum - (double) positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static double averagePrecision(double[] score, int[] positive, int positives) {
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = Ranks.descending(score);
        double precisionSum = 0;
        int truePositives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            int tiedPositives = 0;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                tiedPositives += positive[order[j]];
                j++;
            }
            truePositives += tiedPositives;
            precisionSum += tiedPositives * ((double) truePositives / j);
            i = j;
        }
        return precisionSum / positives;
    }

    private static double calibrationError(double[] probability, int[] churned) {
        double error = 0;
        for (double[] bin : calibrationCurve(probability, churned)) {
            error += bin[2] / probability.length * Math.abs(bin[0] - bin[1]);
        }
        return error;
    }

    /** Per non-empty bin: {mean predicted, observed rate, customers}. */
    private static List<double[]> calibrationCurve(double[] probability, int[] churned) {
        double[] predicted = new double[BINS];
        double[] observed = new double[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < probability.length; i++) {
            int bin = Math.min(BINS - 1, (int) (probability[i] * BINS));
            predicted[bin] += probability[i];
            observed[bin] += churned[i];
            count[bin]++;
        }
        List<double[]> curve = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                curve.add(new double[] {predicted[b] / count[b], observed[b] / count[b], count[b]});
            }
        }
        return curve;
    }

    private static double[] lift(double[] probability, int[] outcome, double rate) {
        double[] churned = Ranks.tieAveraged(probability, java.util.Arrays.stream(outcome).asDoubleStream().toArray());
        Integer[] order = Ranks.descending(probability);
        double[] lift = new double[BINS];
        for (int d = 0; d < BINS; d++) {
            int from = (int) ((long) d * order.length / BINS);
            int to = (int) ((long) (d + 1) * order.length / BINS);
            double churners = 0;
            for (int k = from; k < to; k++) {
                churners += churned[order[k]];
            }
            lift[d] = to > from && rate > 0 ? churners / (to - from) / rate : 0;
        }
        return lift;
    }

    private static List<double[]> rocCurve(double[] score, int[] positive, int positives) {
        Integer[] order = Ranks.descending(score);
        int negatives = score.length - positives;
        List<double[]> curve = new ArrayList<>();
        curve.add(new double[] {0, 0});
        int tp = 0;
        int fp = 0;
        int step = Math.max(1, order.length / 200);
        for (int k = 0; k < order.length; k++) {
            if (positive[order[k]] == 1) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = k + 1 == order.length || score[order[k + 1]] != score[order[k]];
            if (lastOfTie && (k % step == 0 || k + 1 == order.length)) {
                curve.add(new double[] {negatives == 0 ? 0 : (double) fp / negatives,
                    positives == 0 ? 0 : (double) tp / positives});
            }
        }
        return curve;
    }
}
