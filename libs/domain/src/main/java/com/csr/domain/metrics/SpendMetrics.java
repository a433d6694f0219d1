package com.csr.domain.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * How well predicted future spend matches what customers spent.
 *
 * @param mae            mean absolute error
 * @param rmse           root mean squared error
 * @param spearman       Spearman rank correlation over all customers, zeros included (average ranks for ties)
 * @param normalizedGini Gini of actual spend ordered by the prediction / Gini of actual spend ordered by itself
 * @param totalRatio     the predicted total over the actual total: the level, which the rank figures above do not
 *                       see (1 is right; NaN when nobody spent)
 * @param deciles        per decile of prediction (highest first): customers, mean predicted, mean actual, share of
 *                       all actual spend
 */
public record SpendMetrics(double mae, double rmse, double spearman, double normalizedGini, double totalRatio,
                           List<Decile> deciles) {

    /** One tenth of the customers, ranked by predicted spend. */
    public record Decile(int decile, int customers, double meanPredicted, double meanActual, double shareOfActual) {
    }

    public static SpendMetrics of(double[] predicted, double[] actual) {
        Ranks.requireSameLength(predicted.length, actual.length);
        int n = predicted.length;
        double absolute = 0;
        double squared = 0;
        double predictedTotal = 0;
        double actualTotal = 0;
        for (int i = 0; i < n; i++) {
            double error = predicted[i] - actual[i];
            absolute += Math.abs(error);
            squared += error * error;
            predictedTotal += predicted[i];
            actualTotal += actual[i];
        }
        double spearman = Ranks.pearson(Ranks.averageRanks(predicted), Ranks.averageRanks(actual));
        double perfect = gini(actual, actual);
        return new SpendMetrics(absolute / n, Math.sqrt(squared / n), spearman,
                perfect == 0 ? Double.NaN : gini(actual, predicted) / perfect,
                actualTotal == 0 ? Double.NaN : predictedTotal / actualTotal, deciles(predicted, actual));
    }

    /**
     * Gini of {@code actual} when customers are ordered by {@code score}, highest first; customers with equal scores
     * share their actual spend evenly, so a constant prediction scores 0 whatever the row order.
     */
    static double gini(double[] rawActual, double[] score) {
        double[] actual = Ranks.tieAveraged(score, rawActual);
        Integer[] order = Ranks.descending(score);
        double total = 0;
        for (double a : actual) {
            total += a;
        }
        if (total == 0) {
            return 0;
        }
        double cumulative = 0;
        double sum = 0;
        for (Integer i : order) {
            cumulative += actual[i];
            sum += cumulative / total;
        }
        int n = actual.length;
        return (sum - (n + 1) / 2.0) / n;
    }

    private static List<Decile> deciles(double[] predicted, double[] rawActual) {
        double[] actual = Ranks.tieAveraged(predicted, rawActual);
        Integer[] order = Ranks.descending(predicted);
        double total = 0;
        for (double a : actual) {
            total += a;
        }
        List<Decile> deciles = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) d * order.length / 10);
            int to = (int) ((long) (d + 1) * order.length / 10);
            double p = 0;
            double a = 0;
            for (int k = from; k < to; k++) {
                p += predicted[order[k]];
                a += actual[order[k]];
            }
            int size = to - from;
            deciles.add(new Decile(d + 1, size, size == 0 ? 0 : p / size, size == 0 ? 0 : a / size,
                    total == 0 ? 0 : a / total));
        }
        return deciles;
    }
}
