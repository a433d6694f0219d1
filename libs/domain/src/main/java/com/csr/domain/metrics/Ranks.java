package com.csr.domain.metrics;

import java.util.Arrays;
import java.util.Comparator;

/** Ranking helpers shared by the metrics: average ranks with ties, and orderings by a score. */
final class Ranks {

    private Ranks() {
    }

    /** 1-based ranks in ascending order of {@code values}; tied values share their average rank. */
    static double[] averageRanks(double[] values) {
        Integer[] order = ascending(values);
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Indices sorted by ascending value (stable). */
    static Integer[] ascending(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        return order;
    }

    /** Indices sorted by descending value (stable). */
    static Integer[] descending(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        return order;
    }

    /**
     * {@code values} with each group of customers that share a score replaced by the group's mean, so metrics that
     * walk customers in score order do not depend on how tied customers happen to be ordered.
     */
    static double[] tieAveraged(double[] score, double[] values) {
        Integer[] order = ascending(score);
        double[] averaged = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            double sum = 0;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                sum += values[order[j++]];
            }
            for (int k = i; k < j; k++) {
                averaged[order[k]] = sum / (j - i);
            }
            i = j;
        }
        return averaged;
    }

    static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    static void requireSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("predictions and outcomes differ in length: " + a + " vs " + b);
        }
        if (a == 0) {
            throw new IllegalArgumentException("no predictions to evaluate");
        }
    }
}
