package com.csr.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.csr.domain.metrics.SpendMetrics.Decile;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Spend metrics against values computed by hand. */
class SpendMetricsTest {

    private static final Offset<Double> EXACT = within(1e-12);

    /** Actual spend 0, 10, 30, 60 (total 100). */
    private static final double[] ACTUAL = {0, 10, 30, 60};

    @Test
    void maeAndRmseByHand() {
        // errors -2, +2, -5, 0
        SpendMetrics m = SpendMetrics.of(new double[] {10, 20, 30, 40}, new double[] {12, 18, 35, 40});

        assertThat(m.mae()).isCloseTo(9.0 / 4, EXACT);
        assertThat(m.rmse()).isCloseTo(Math.sqrt((4 + 4 + 25 + 0) / 4.0), EXACT);
    }

    @Test
    void spearmanGivesTiedActualsTheirAverageRank() {
        // ranks of actual: 1, 2.5, 2.5, 4, 5; of predicted: 1..5
        // sum dx*dy = 9.5, sum dx^2 = 10, sum dy^2 = 9.5  ->  9.5 / sqrt(95) = sqrt(0.95)
        SpendMetrics m = SpendMetrics.of(new double[] {1, 2, 3, 4, 5}, new double[] {10, 20, 20, 40, 50});

        assertThat(m.spearman()).isCloseTo(Math.sqrt(0.95), EXACT);
    }

    @Test
    void spearmanWithManyZeroActualsAndTiedPredictions() {
        // actual 0, 0, 0, 0, 5, 10 -> ranks 2.5, 2.5, 2.5, 2.5, 5, 6
        // predicted 0, 0, 0, 3, 4, 6 -> ranks 2, 2, 2, 4, 5, 6 (both average 3.5)
        // sum dx*dy = 12.5, sum dx^2 = 15.5, sum dy^2 = 12.5  ->  sqrt(12.5 / 15.5) = sqrt(25 / 31)
        SpendMetrics m = SpendMetrics.of(new double[] {0, 0, 0, 3, 4, 6}, new double[] {0, 0, 0, 0, 5, 10});

        assertThat(m.spearman()).isCloseTo(Math.sqrt(25.0 / 31), EXACT);
    }

    @Test
    void spearmanIsOneForAnyIncreasingPrediction() {
        SpendMetrics m = SpendMetrics.of(new double[] {1, 2, 3, 100}, new double[] {0, 10, 30, 60});

        assertThat(m.spearman()).isCloseTo(1.0, EXACT);
    }

    @Test
    void normalizedGiniOfAPerfectPredictionIsOne() {
        SpendMetrics m = SpendMetrics.of(new double[] {1, 12, 25, 70}, ACTUAL);

        assertThat(m.normalizedGini()).isCloseTo(1.0, EXACT);
    }

    @Test
    void normalizedGiniOfAPredictionInReverseOrderIsNegative() {
        // ordered by prediction: 0, 10, 30, 60 -> cumulative shares 0, .1, .4, 1 (sum 1.5): Gini (1.5 - 2.5) / 4
        // ordered by itself:     60, 30, 10, 0 -> cumulative shares .6, .9, 1, 1 (sum 3.5): Gini (3.5 - 2.5) / 4
        SpendMetrics m = SpendMetrics.of(new double[] {4, 3, 2, 1}, ACTUAL);

        assertThat(m.normalizedGini()).isNegative().isCloseTo(-1.0, EXACT);
    }

    @Test
    void normalizedGiniByHand() {
        // predicted 1, 2, 4, 3 orders the actuals 30, 60, 10, 0 -> cumulative shares .3, .9, 1, 1 (sum 3.2)
        // Gini = (3.2 - 2.5) / 4 = 0.175; perfect Gini = (3.5 - 2.5) / 4 = 0.25  ->  0.7
        SpendMetrics m = SpendMetrics.of(new double[] {1, 2, 4, 3}, ACTUAL);

        assertThat(SpendMetrics.gini(ACTUAL, new double[] {1, 2, 4, 3})).isCloseTo(0.175, EXACT);
        assertThat(SpendMetrics.gini(ACTUAL, ACTUAL)).isCloseTo(0.25, EXACT);
        assertThat(m.normalizedGini()).isCloseTo(0.7, EXACT);
    }

    @Test
    void normalizedGiniIsUndefinedWhenNobodySpent() {
        SpendMetrics m = SpendMetrics.of(new double[] {1, 2, 3}, new double[] {0, 0, 0});

        assertThat(m.normalizedGini()).isNaN();
    }

    @Test
    void decilesSplitCustomersIntoTenGroupsHighestPredictionFirst() {
        // 25 customers predicted 1..25 (shuffled), actual = 2 x predicted
        int n = 25;
        double[] predicted = new double[n];
        double[] actual = new double[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = (i * 7) % n + 1;
            actual[i] = 2 * predicted[i];
        }

        List<Decile> deciles = SpendMetrics.of(predicted, actual).deciles();

        assertThat(deciles).extracting(Decile::decile).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(deciles).extracting(Decile::customers).containsExactly(2, 3, 2, 3, 2, 3, 2, 3, 2, 3);
        assertThat(deciles.get(0).meanPredicted()).isCloseTo((25 + 24) / 2.0, EXACT);
        assertThat(deciles.get(0).meanActual()).isCloseTo(25 + 24, EXACT);
        assertThat(deciles.get(9).meanPredicted()).isCloseTo((3 + 2 + 1) / 3.0, EXACT);
        assertThat(deciles).extracting(Decile::meanPredicted).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(deciles.stream().mapToDouble(Decile::shareOfActual).sum()).isCloseTo(1.0, EXACT);
        // total actual = 2 x 325 = 650; the top decile holds 2 x (25 + 24) = 98 of it
        assertThat(deciles.get(0).shareOfActual()).isCloseTo(98.0 / 650, EXACT);
    }

    @Test
    void decilesOfFewerThanTenCustomersLeaveSomeEmpty() {
        List<Decile> deciles = SpendMetrics.of(new double[] {3, 2, 1}, new double[] {30, 20, 10}).deciles();

        assertThat(deciles).hasSize(10);
        assertThat(deciles.stream().mapToInt(Decile::customers).sum()).isEqualTo(3);
        assertThat(deciles.stream().mapToDouble(Decile::shareOfActual).sum()).isCloseTo(1.0, EXACT);
    }

    @Test
    void rejectsPredictionsAndActualsOfDifferentLengths() {
        assertThatThrownBy(() -> SpendMetrics.of(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }

    @Test
    void rejectsAnEmptyEvaluation() {
        assertThatThrownBy(() -> SpendMetrics.of(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void aConstantPredictionHasNoGiniWhateverTheRowOrder() {
        double[] constant = {5, 5, 5, 5};
        org.assertj.core.api.Assertions.assertThat(SpendMetrics.of(constant, new double[] {60, 30, 10, 0})
                .normalizedGini()).isZero();
        org.assertj.core.api.Assertions.assertThat(SpendMetrics.of(constant, new double[] {0, 10, 30, 60})
                .normalizedGini()).isZero();
    }

    @Test
    void theTotalRatioIsThePredictedTotalOverTheActualOneWhichRanksDoNotSee() {
        SpendMetrics half = SpendMetrics.of(new double[] {5, 10, 0}, new double[] {10, 20, 0});
        assertThat(half.totalRatio()).isCloseTo(0.5, EXACT);
        assertThat(half.spearman()).as("the ranking is perfect all the same").isCloseTo(1.0, EXACT);
        assertThat(SpendMetrics.of(new double[] {1, 2}, new double[] {0, 0}).totalRatio()).isNaN();
    }
}
