package com.csr.domain.metrics;

import java.util.SplittableRandom;

/**
 * How much better one system ranks than another on the same customers, and how sure that is: the difference of a
 * figure between two systems' scores, with its standard error from a bootstrap over customers. Both systems are
 * scored on the same resampled customers each time (paired), so what the customers of a window happen to be like —
 * the ±0.02 a 90-day window's Gini moves by chance — cancels out of the difference.
 */
public final class PairedComparison {

    /** A figure computed from scores and what customers did. */
    @FunctionalInterface
    public interface Figure {
        double of(double[] score, double[] outcome);
    }

    /** ROC-AUC of scores against outcomes of 1 (churned) and 0. */
    public static final Figure ROC_AUC = (score, outcome) -> {
        int[] positive = new int[outcome.length];
        int positives = 0;
        for (int i = 0; i < outcome.length; i++) {
            positive[i] = outcome[i] > 0 ? 1 : 0;
            positives += positive[i];
        }
        return ChurnMetrics.rocAuc(score, positive, positives);
    };

    /** Spearman rank correlation, zeros and ties included, as {@link SpendMetrics} defines it. */
    public static final Figure SPEARMAN = (score, outcome) ->
            Ranks.pearson(Ranks.averageRanks(score), Ranks.averageRanks(outcome));

    /** Normalized Gini, as {@link SpendMetrics} defines it. */
    public static final Figure NORMALIZED_GINI = (score, outcome) -> {
        double perfect = SpendMetrics.gini(outcome, outcome);
        return perfect == 0 ? Double.NaN : SpendMetrics.gini(outcome, score) / perfect;
    };

    /**
     * @param value         the figure of the first system minus that of the second, on all customers
     * @param standardError the standard deviation of that difference over the bootstrap resamples
     */
    public record Difference(double value, double standardError) {
    }

    private PairedComparison() {
    }

    /**
     * The difference {@code figure(first) - figure(second)} and its bootstrap standard error.
     *
     * @param resamples bootstrap resamples of the customers, drawn with replacement; at least 2
     * @param seed      the resamples follow from it, so a run can be repeated
     */
    public static Difference of(Figure figure, double[] first, double[] second, double[] outcome, int resamples,
                                long seed) {
        Ranks.requireSameLength(first.length, outcome.length);
        Ranks.requireSameLength(second.length, outcome.length);
        if (resamples < 2) {
            throw new IllegalArgumentException("a standard error needs at least 2 resamples, got " + resamples);
        }
        double value = figure.of(first, outcome) - figure.of(second, outcome);
        SplittableRandom random = new SplittableRandom(seed);
        int n = outcome.length;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] y = new double[n];
        double sum = 0;
        double sumOfSquares = 0;
        int counted = 0;
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                a[i] = first[pick];
                b[i] = second[pick];
                y[i] = outcome[pick];
            }
            double difference = figure.of(a, y) - figure.of(b, y);
            if (Double.isFinite(difference)) {
                sum += difference;
                sumOfSquares += difference * difference;
                counted++;
            }
        }
        double mean = counted == 0 ? Double.NaN : sum / counted;
        double variance = counted < 2 ? Double.NaN : (sumOfSquares - counted * mean * mean) / (counted - 1);
        return new Difference(value, Math.sqrt(Math.max(0, variance)));
    }
}
