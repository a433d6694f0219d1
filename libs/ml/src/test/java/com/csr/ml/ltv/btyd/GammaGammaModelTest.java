package com.csr.ml.ltv.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.csr.domain.features.RepeatPurchaseSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class GammaGammaModelTest {

    /** Fader &amp; Hardie (2013) / lifetimes docs, CDNOW sample, 946 repeat customers. */
    private static final GammaGammaModel PUBLISHED = new GammaGammaModel(6.25, 3.74, 15.44);

    @Test
    void expectedAverageSpendShrinksTowardsPopulationMean() {
        // lifetimes docs: conditional_expected_average_profit for customer 1 (x=2, m=22.35) is 24.66
        RepeatPurchaseSummary customer = new RepeatPurchaseSummary("1", 2, 30.43, 38.86, 22.35);
        assertThat(PUBLISHED.expectedAverageSpend(customer)).isCloseTo(24.66, withinPercentage(0.5));

        double populationMean = 6.25 * 15.44 / 2.74;
        assertThat(PUBLISHED.populationMeanSpend()).isCloseTo(populationMean, within(1e-12));
        RepeatPurchaseSummary newcomer = new RepeatPurchaseSummary("3", 0, 0, 38.86, 0);
        assertThat(PUBLISHED.expectedAverageSpend(newcomer)).isEqualTo(PUBLISHED.populationMeanSpend());
        RepeatPurchaseSummary unknownSpend = RepeatPurchaseSummary.withoutSpend("u", 4, 20, 38.86);
        assertThat(PUBLISHED.expectedAverageSpend(unknownSpend)).isEqualTo(PUBLISHED.populationMeanSpend());

        // more history pulls the estimate closer to the customer's own average
        double few = PUBLISHED.expectedAverageSpend(new RepeatPurchaseSummary("f", 1, 10, 38.86, 100));
        double many = PUBLISHED.expectedAverageSpend(new RepeatPurchaseSummary("m", 20, 38, 38.86, 100));
        assertThat(few).isBetween(populationMean, many);
        assertThat(many).isLessThan(100);
    }

    @Test
    void populationMeanNeedsQAboveOne() {
        GammaGammaModel heavyTailed = new GammaGammaModel(2, 0.8, 10);
        assertThatThrownBy(heavyTailed::populationMeanSpend)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("infinite");
        // with enough history the conditional mean is still finite
        assertThat(heavyTailed.expectedAverageSpend(new RepeatPurchaseSummary("c", 3, 5, 10, 20))).isFinite();
    }

    @Test
    void fitRejectsInputWithoutRepeatSpend() {
        assertThatThrownBy(() -> GammaGammaModel.fit(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no customer summaries");
        assertThatThrownBy(() -> GammaGammaModel.fit(List.of(
                        new RepeatPurchaseSummary("a", 0, 0, 10, 0),
                        RepeatPurchaseSummary.withoutSpend("b", 3, 5, 10))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no customer has a repeat purchase with a positive averageSpend");
        RepeatPurchaseSummary newcomer = new RepeatPurchaseSummary("a", 0, 0, 10, 0);
        assertThatThrownBy(() -> PUBLISHED.logLikelihood(newcomer)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new GammaGammaModel(0, 3, 15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p");
        assertThatThrownBy(() -> new GammaGammaModel(6, -3, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GammaGammaModel(6, 3, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
