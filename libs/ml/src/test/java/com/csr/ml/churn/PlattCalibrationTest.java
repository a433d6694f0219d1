package com.csr.ml.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Platt scaling recovers a known miscalibration and cross-fitting never sees a customer's own outcome. */
class PlattCalibrationTest {

    private static final double TRUE_SLOPE = 2.0;
    private static final double TRUE_INTERCEPT = -0.5;
    private static final int N = 20_000;

    /**
     * A model whose probability q is miscalibrated: the true churn probability is sigmoid(2 logit(q) - 0.5).
     * logit(q) ~ N(0, 1.5); outcomes drawn from the true probability.
     */
    private record Sample(double[] q, double[] trueP, int[] churned) {

        static Sample draw(long seed, int n) {
            Random random = new Random(seed);
            double[] q = new double[n];
            double[] p = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                double z = 1.5 * random.nextGaussian();
                q[i] = sigmoid(z);
                p[i] = sigmoid(TRUE_SLOPE * z + TRUE_INTERCEPT);
                y[i] = random.nextDouble() < p[i] ? 1 : 0;
            }
            return new Sample(q, p, y);
        }
    }

    @Test
    void fitRecoversAKnownSlopeAndIntercept() {
        Sample s = Sample.draw(1, N);

        PlattCalibration fitted = PlattCalibration.fit(s.q(), s.churned());

        // Tolerance: 4 standard errors of the maximum-likelihood estimates, from the Fisher information at the
        // true parameters (about 0.03 for the slope and 0.02 for the intercept at n = 20,000). Platt's smoothed
        // targets move the optimum by O(1/n), far below that.
        double[] se = standardErrors(s.q(), TRUE_SLOPE, TRUE_INTERCEPT);
        assertThat(se[0]).isLessThan(0.05);
        assertThat(se[1]).isLessThan(0.05);
        assertThat(fitted.slope()).isCloseTo(TRUE_SLOPE, within(4 * se[0]));
        assertThat(fitted.intercept()).isCloseTo(TRUE_INTERCEPT, within(4 * se[1]));
    }

    @Test
    void calibrationImprovesBrierOnFreshCustomers() {
        Sample training = Sample.draw(1, N);
        PlattCalibration fitted = PlattCalibration.fit(training.q(), training.churned());
        Sample fresh = Sample.draw(2, N);

        double raw = brier(fresh.q(), fresh.churned());
        double calibrated = brier(Arrays.stream(fresh.q()).map(fitted::apply).toArray(), fresh.churned());
        double oracle = brier(fresh.trueP(), fresh.churned());

        assertThat(calibrated).isLessThan(raw);
        // nearly all of the gap to the true probabilities is closed
        assertThat(calibrated - oracle).isLessThan(0.1 * (raw - oracle));
    }

    @Test
    void fitOnWellCalibratedProbabilitiesIsCloseToIdentity() {
        Random random = new Random(3);
        double[] q = new double[N];
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            q[i] = sigmoid(1.5 * random.nextGaussian());
            y[i] = random.nextDouble() < q[i] ? 1 : 0;
        }

        PlattCalibration fitted = PlattCalibration.fit(q, y);

        assertThat(fitted.slope()).isCloseTo(1.0, within(0.1));
        assertThat(fitted.intercept()).isCloseTo(0.0, within(0.1));
    }

    @Test
    void identityLeavesProbabilitiesUnchanged() {
        for (double p : new double[] {0.001, 0.1, 0.37, 0.5, 0.9, 0.999}) {
            assertThat(PlattCalibration.IDENTITY.apply(p)).as("p = %s", p).isCloseTo(p, within(1e-12));
        }
    }

    @Test
    void applyIsTheSigmoidOfTheScaledLogit() {
        PlattCalibration c = new PlattCalibration(2, -0.5);

        assertThat(c.apply(0.5)).isCloseTo(sigmoid(-0.5), within(1e-12));
        assertThat(c.apply(sigmoid(1.0))).isCloseTo(sigmoid(1.5), within(1e-12));
    }

    @Test
    void crossFittedCalibratesEachHalfWithTheOtherHalfsFit() {
        Sample s = Sample.draw(4, 2_000);
        int[] even = IntStream.range(0, s.q().length).filter(i -> i % 2 == 0).toArray();
        int[] odd = IntStream.range(0, s.q().length).filter(i -> i % 2 == 1).toArray();
        PlattCalibration fitOnOdd = PlattCalibration.fit(pick(s.q(), odd), pick(s.churned(), odd));
        PlattCalibration fitOnEven = PlattCalibration.fit(pick(s.q(), even), pick(s.churned(), even));

        double[] crossFitted = PlattCalibration.crossFitted(s.q(), s.churned());

        for (int i = 0; i < crossFitted.length; i++) {
            PlattCalibration expected = i % 2 == 0 ? fitOnOdd : fitOnEven;
            assertThat(crossFitted[i]).as("customer %d", i).isCloseTo(expected.apply(s.q()[i]), within(1e-12));
        }
    }

    @Test
    void crossFittedNeverUsesACustomersOwnOutcome() {
        // Even positions all churned, odd positions none. A calibration that saw a customer's own outcome would
        // push the even positions up; fitted on the other half only, they are pulled towards "never churns".
        int n = 20;
        double[] q = new double[n];
        int[] churned = new int[n];
        for (int i = 0; i < n; i++) {
            q[i] = 0.2 + 0.6 * i / n;
            churned[i] = i % 2 == 0 ? 1 : 0;
        }

        double[] calibrated = PlattCalibration.crossFitted(q, churned);

        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                assertThat(calibrated[i]).as("churner %d", i).isLessThan(0.1);
            } else {
                assertThat(calibrated[i]).as("stayer %d", i).isGreaterThan(0.9);
            }
        }
    }

    @Test
    void changingACustomersOutcomeDoesNotChangeTheirCrossFittedProbability() {
        Sample s = Sample.draw(5, 1_000);
        int[] flipped = s.churned().clone();
        flipped[10] = 1 - flipped[10];

        double[] before = PlattCalibration.crossFitted(s.q(), s.churned());
        double[] after = PlattCalibration.crossFitted(s.q(), flipped);

        // customer 10 and the rest of their half are calibrated without it; the other half's fit used it
        for (int i = 0; i < before.length; i += 2) {
            assertThat(after[i]).as("customer %d", i).isEqualTo(before[i]);
        }
        assertThat(after[11]).isNotEqualTo(before[11]);
    }

    /** Standard errors of (slope, intercept) from the inverse Fisher information of the logistic model. */
    private static double[] standardErrors(double[] q, double slope, double intercept) {
        double iaa = 0;
        double iab = 0;
        double ibb = 0;
        for (double qi : q) {
            double z = Math.log(qi / (1 - qi));
            double p = sigmoid(slope * z + intercept);
            double w = p * (1 - p);
            iaa += w * z * z;
            iab += w * z;
            ibb += w;
        }
        double det = iaa * ibb - iab * iab;
        return new double[] {Math.sqrt(ibb / det), Math.sqrt(iaa / det)};
    }

    private static double brier(double[] p, int[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += (p[i] - y[i]) * (p[i] - y[i]);
        }
        return sum / p.length;
    }

    private static double[] pick(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
    }

    private static int[] pick(int[] values, int[] indices) {
        return Arrays.stream(indices).map(i -> values[i]).toArray();
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
