package com.csr.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Churn metrics against values computed by hand with scikit-learn's definitions. */
class ChurnMetricsTest {

    private static final Offset<Double> EXACT = within(1e-12);

    /**
     * Six customers with ties, used for ROC-AUC, average precision and the ROC curve. Churners score 0.9, 0.8, 0.4;
     * non-churners 0.8, 0.6, 0.4.
     */
    private static final double[] TIED_SCORES = {0.9, 0.8, 0.8, 0.6, 0.4, 0.4};
    private static final int[] TIED_CHURNED = {1, 1, 0, 0, 1, 0};

    /** Two customers in [0, 0.1), two in [0.1, 0.2), four in [0.9, 1] (1.0 falls in the last bin). */
    private static final double[] CALIBRATION_PROBABILITIES = {0.05, 0.05, 0.12, 0.18, 0.9, 0.95, 0.95, 1.0};
    private static final int[] CALIBRATION_CHURNED = {0, 0, 1, 0, 1, 1, 1, 0};

    @Test
    void rocAucOfAPerfectRankingIsOne() {
        ChurnMetrics m = ChurnMetrics.of(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1});

        assertThat(m.rocAuc()).isCloseTo(1.0, EXACT);
    }

    @Test
    void rocAucOfAReversedRankingIsZero() {
        ChurnMetrics m = ChurnMetrics.of(new double[] {0.9, 0.8, 0.2, 0.1}, new int[] {0, 0, 1, 1});

        assertThat(m.rocAuc()).isCloseTo(0.0, EXACT);
    }

    @Test
    void rocAucStaysInRangeWithAMillionCustomers() {
        // 700,000 churners: their rank sum's correction (n(n+1)/2) overflows an int; a 50M-row export gave 2.05
        int n = 1_000_000;
        double[] score = new double[n];
        int[] churned = new int[n];
        for (int i = 0; i < n; i++) {
            score[i] = i;
            churned[i] = i >= 300_000 ? 1 : 0;
        }
        assertThat(ChurnMetrics.rocAuc(score, churned, 700_000)).isEqualTo(1.0);
    }

    @Test
    void rocAucWhenEveryScoreIsTiedIsOneHalf() {
        ChurnMetrics m = ChurnMetrics.of(new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, new int[] {0, 1, 0, 1, 1});

        assertThat(m.rocAuc()).isCloseTo(0.5, EXACT);
    }

    @Test
    void rocAucCountsTiedPairsAsHalf() {
        // 3 x 3 (churner, non-churner) pairs; wins per churner:
        // 0.9 beats all three = 3; 0.8 ties 0.8 and beats 0.6, 0.4 = 2.5; 0.4 ties 0.4 = 0.5  ->  6 / 9
        ChurnMetrics m = ChurnMetrics.of(TIED_SCORES, TIED_CHURNED);

        assertThat(m.rocAuc()).isCloseTo(2.0 / 3, EXACT);
    }

    @Test
    void averagePrecisionSumsPrecisionAtEachRecallStep() {
        // thresholds 0.9, 0.7 reached by churners: recall 1/2 at precision 1, recall 1 at precision 2/3
        ChurnMetrics m = ChurnMetrics.of(new double[] {0.9, 0.8, 0.7, 0.6}, new int[] {1, 0, 1, 0});

        assertThat(m.prAuc()).isCloseTo(0.5 * 1 + 0.5 * 2.0 / 3, EXACT);
    }

    @Test
    void averagePrecisionTreatsTiedScoresAsOneThreshold() {
        // threshold 0.9: P = 1/1, R = 1/3;  0.8: P = 2/3, R = 2/3;  0.6: R unchanged;  0.4: P = 3/6, R = 1
        // AP = 1/3 * 1 + 1/3 * 2/3 + 1/3 * 1/2 = 13/18  (sklearn's average_precision_score)
        ChurnMetrics m = ChurnMetrics.of(TIED_SCORES, TIED_CHURNED);

        assertThat(m.prAuc()).isCloseTo(13.0 / 18, EXACT);
    }

    @Test
    void averagePrecisionOfAPerfectRankingIsOne() {
        ChurnMetrics m = ChurnMetrics.of(new double[] {0.1, 0.9, 0.2, 0.8}, new int[] {0, 1, 0, 1});

        assertThat(m.prAuc()).isCloseTo(1.0, EXACT);
    }

    @Test
    void aucsAreUndefinedWithOnlyOneClass() {
        ChurnMetrics noChurners = ChurnMetrics.of(new double[] {0.1, 0.2}, new int[] {0, 0});
        ChurnMetrics allChurners = ChurnMetrics.of(new double[] {0.1, 0.2}, new int[] {1, 1});

        assertThat(noChurners.rocAuc()).isNaN();
        assertThat(noChurners.prAuc()).isNaN();
        assertThat(allChurners.rocAuc()).isNaN();
    }

    @Test
    void brierIsTheMeanSquaredErrorOfTheProbabilities() {
        ChurnMetrics m = ChurnMetrics.of(new double[] {0.9, 0.2, 0.6, 0.3}, new int[] {1, 0, 0, 1});

        assertThat(m.brier()).isCloseTo((0.01 + 0.04 + 0.36 + 0.49) / 4, EXACT);
        assertThat(m.churnRate()).isCloseTo(0.5, EXACT);
        assertThat(m.meanPredicted()).as("the level, beside the churn rate").isCloseTo(0.5, EXACT);
    }

    @Test
    void calibrationCurveHasMeanPredictedObservedRateAndCountPerNonEmptyBin() {
        ChurnMetrics m = ChurnMetrics.of(CALIBRATION_PROBABILITIES, CALIBRATION_CHURNED);

        List<double[]> curve = m.calibration();
        assertThat(curve).hasSize(3);
        assertThat(curve.get(0)).containsExactly(new double[] {0.05, 0.0, 2}, within(1e-12));
        assertThat(curve.get(1)).containsExactly(new double[] {0.15, 0.5, 2}, within(1e-12));
        assertThat(curve.get(2)).containsExactly(new double[] {0.95, 0.75, 4}, within(1e-12));
    }

    @Test
    void expectedCalibrationErrorWeighsEachBinGapByItsShareOfCustomers() {
        // bins [0, 0.1): |0.05 - 0| x 2/8;  [0.1, 0.2): |0.15 - 0.5| x 2/8;  [0.9, 1]: |0.95 - 0.75| x 4/8
        ChurnMetrics m = ChurnMetrics.of(CALIBRATION_PROBABILITIES, CALIBRATION_CHURNED);

        assertThat(m.ece()).isCloseTo(0.05 * 2 / 8 + 0.35 * 2 / 8 + 0.20 * 4 / 8, EXACT);
    }

    @Test
    void perfectlyCalibratedProbabilitiesHaveNoCalibrationError() {
        // in each bin the observed rate equals the (single) predicted value
        ChurnMetrics m = ChurnMetrics.of(new double[] {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75},
                new int[] {1, 0, 0, 0, 1, 1, 1, 0});

        assertThat(m.ece()).isCloseTo(0.0, EXACT);
    }

    @Test
    void topDecileOfAPerfectModelOnHalfChurnersHasLiftTwo() {
        int n = 100;
        double[] probability = new double[n];
        int[] churned = new int[n];
        for (int i = 0; i < n; i++) {
            probability[i] = (i + 0.5) / n;
            churned[i] = i >= n / 2 ? 1 : 0;
        }

        double[] lift = ChurnMetrics.of(probability, churned).liftByDecile();

        assertThat(lift).hasSize(10);
        assertThat(lift).containsExactly(new double[] {2, 2, 2, 2, 2, 0, 0, 0, 0, 0}, within(1e-12));
    }

    @Test
    void liftOfAnUninformativeRankingIsOneInEveryDecile() {
        // 20 customers, 2 per decile, exactly one churner in each decile
        int n = 20;
        double[] probability = new double[n];
        int[] churned = new int[n];
        for (int i = 0; i < n; i++) {
            probability[i] = 1 - (i + 0.5) / n;
            churned[i] = i % 2;
        }

        assertThat(ChurnMetrics.of(probability, churned).liftByDecile()).containsOnly(1.0);
    }

    @Test
    void rocCurveRunsFromOriginToOneOneWithOnePointPerDistinctScore() {
        List<double[]> roc = ChurnMetrics.of(TIED_SCORES, TIED_CHURNED).roc();

        assertThat(roc).hasSize(5);
        double[][] expected = {{0, 0}, {0, 1.0 / 3}, {1.0 / 3, 2.0 / 3}, {2.0 / 3, 2.0 / 3}, {1, 1}};
        for (int k = 0; k < expected.length; k++) {
            assertThat(roc.get(k)).as("point %d", k).containsExactly(expected[k], within(1e-12));
        }
    }

    @Test
    void rejectsPredictionsAndOutcomesOfDifferentLengths() {
        assertThatThrownBy(() -> ChurnMetrics.of(new double[] {0.1, 0.2}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }

    @Test
    void rejectsAnEmptyEvaluation() {
        assertThatThrownBy(() -> ChurnMetrics.of(new double[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void aConstantProbabilityHasNoLiftWhateverTheRowOrder() {
        double[] constant = new double[100];
        int[] churnersFirst = new int[100];
        java.util.Arrays.fill(constant, 0.5);
        java.util.Arrays.fill(churnersFirst, 0, 50, 1);
        org.assertj.core.api.Assertions.assertThat(ChurnMetrics.of(constant, churnersFirst).liftByDecile())
                .containsOnly(1.0);
    }

    @org.junit.jupiter.api.Test
    void probabilitiesOutsideZeroOneOrOutcomesOtherThanZeroOneAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChurnMetrics.of(new double[] {-0.2}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChurnMetrics.of(new double[] {0.2}, new int[] {2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
