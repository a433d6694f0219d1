package com.csr.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    private static final int N = 2_000;

    @Test
    void aSystemComparedWithItselfDiffersByNothingWhateverTheResample() {
        double[][] data = noisySignal(1);
        PairedComparison.Difference d = PairedComparison.of(PairedComparison.ROC_AUC, data[0], data[0], data[2], 100, 7);

        assertThat(d.value()).isZero();
        assertThat(d.standardError()).isZero();
    }

    @Test
    void theDifferenceIsTheFiguresOnAllCustomersAndItsErrorShrinksWithMoreCustomers() {
        double[][] data = noisySignal(2);
        PairedComparison.Difference d = PairedComparison.of(PairedComparison.ROC_AUC, data[0], data[1], data[2], 200,
                7);

        int[] churned = new int[N];
        for (int i = 0; i < N; i++) {
            churned[i] = (int) data[2][i];
        }
        double expected = ChurnMetrics.of(unit(data[0]), churned).rocAuc() - ChurnMetrics.of(unit(data[1]), churned)
                .rocAuc();
        assertThat(d.value()).isCloseTo(expected, within(1e-12));
        assertThat(d.value()).isPositive();
        // about 0.01 for 2,000 customers; a clearly better system is several errors ahead
        assertThat(d.standardError()).isBetween(0.002, 0.03);
        assertThat(d.value() / d.standardError()).isGreaterThan(3);

        double[][] half = {java.util.Arrays.copyOf(data[0], N / 4), java.util.Arrays.copyOf(data[1], N / 4),
            java.util.Arrays.copyOf(data[2], N / 4)};
        PairedComparison.Difference fewer = PairedComparison.of(PairedComparison.ROC_AUC, half[0], half[1], half[2],
                200, 7);
        assertThat(fewer.standardError()).isGreaterThan(d.standardError() * 1.4);
    }

    @Test
    void pairingCancelsWhatTheCustomersOfTheWindowHappenToBeLike() {
        // the two systems share most of their score: a resample that flatters one flatters the other
        Random random = new Random(3);
        double[] spend = new double[N];
        double[] a = new double[N];
        double[] b = new double[N];
        for (int i = 0; i < N; i++) {
            double value = Math.exp(random.nextGaussian());
            spend[i] = random.nextDouble() < 0.5 ? 0 : value * Math.exp(random.nextGaussian() * 0.5);
            double shared = value + random.nextGaussian() * 0.5;
            a[i] = shared + random.nextGaussian() * 0.1;
            b[i] = shared + random.nextGaussian() * 0.1;
        }
        PairedComparison.Difference d = PairedComparison.of(PairedComparison.NORMALIZED_GINI, a, b, spend, 200, 11);
        PairedComparison.Difference againstNothing = PairedComparison.of(PairedComparison.NORMALIZED_GINI, a,
                new double[N], spend, 200, 11);

        assertThat(d.standardError()).isLessThan(againstNothing.standardError() / 2);
        assertThat(PairedComparison.of(PairedComparison.NORMALIZED_GINI, a, b, spend, 200, 11)).isEqualTo(d);
    }

    @Test
    void theSpearmanFigureIsSpendMetricsOwn() {
        double[][] data = noisySignal(4);
        double[] spend = data[1].clone();
        for (int i = 0; i < N; i++) {
            spend[i] = Math.max(0, spend[i]);
        }
        assertThat(PairedComparison.SPEARMAN.of(data[0], spend))
                .isCloseTo(SpendMetrics.of(data[0], spend).spearman(), within(1e-12));
        assertThat(PairedComparison.NORMALIZED_GINI.of(data[0], spend))
                .isCloseTo(SpendMetrics.of(data[0], spend).normalizedGini(), within(1e-12));
    }

    @Test
    void refusesTooFewResamplesAndMismatchedLengths() {
        assertThatThrownBy(() -> PairedComparison.of(PairedComparison.ROC_AUC, new double[3], new double[3],
                new double[3], 1, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resamples");
        assertThatThrownBy(() -> PairedComparison.of(PairedComparison.ROC_AUC, new double[3], new double[2],
                new double[3], 10, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
    }

    /** {good score, weaker score, outcome 0/1}: the good score sees the outcome through less noise. */
    private static double[][] noisySignal(long seed) {
        Random random = new Random(seed);
        double[] good = new double[N];
        double[] weak = new double[N];
        double[] outcome = new double[N];
        for (int i = 0; i < N; i++) {
            double latent = random.nextGaussian();
            outcome[i] = latent + random.nextGaussian() > 0 ? 1 : 0;
            good[i] = latent + random.nextGaussian() * 0.5;
            weak[i] = latent + random.nextGaussian() * 1.5;
        }
        return new double[][] {good, weak, outcome};
    }

    private static double[] unit(double[] score) {
        double[] p = new double[score.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 / (1 + Math.exp(-score[i]));
        }
        return p;
    }
}
