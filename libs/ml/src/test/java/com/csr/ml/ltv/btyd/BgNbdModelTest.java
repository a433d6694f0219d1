package com.csr.ml.ltv.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.csr.domain.features.RepeatPurchaseSummary;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdModelTest {

    /** FHL (2005), table/figure values for the CDNOW 39-week calibration sample. */
    private static final BgNbdModel PUBLISHED = new BgNbdModel(0.243, 4.414, 0.793, 2.426);

    private static final RepeatPurchaseSummary LIFETIMES_EXAMPLE =
            RepeatPurchaseSummary.withoutSpend("1", 2, 30.43, 38.86);

    @Test
    void fitReproducesPublishedCdnowParameters() throws IOException {
        List<RepeatPurchaseSummary> customers = CdnowData.publishedSummary();
        assertThat(customers).hasSize(2357);

        long start = System.nanoTime();
        BgNbdModel model = BgNbdModel.fit(customers);
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf("BG/NBD fit on %d CDNOW customers: %s in %.1f ms%n", customers.size(), model, millis);

        assertMatchesPublished(model);
        double logLikelihood = customers.stream().mapToDouble(model::logLikelihood).sum();
        assertThat(logLikelihood).isCloseTo(-9582.4, within(0.1));
    }

    @Test
    void fitIsIndependentOfTheTimeUnit() throws IOException {
        List<RepeatPurchaseSummary> inDays = CdnowData.publishedSummary().stream()
                .map(c -> RepeatPurchaseSummary.withoutSpend(c.customerId(), c.frequency(), 7 * c.recency(), 7 * c.age()))
                .toList();

        BgNbdModel model = BgNbdModel.fit(inDays);

        assertThat(model.r()).isCloseTo(PUBLISHED.r(), withinPercentage(1));
        assertThat(model.alpha()).isCloseTo(7 * PUBLISHED.alpha(), withinPercentage(1));
        assertThat(model.a()).isCloseTo(PUBLISHED.a(), withinPercentage(1));
        assertThat(model.b()).isCloseTo(PUBLISHED.b(), withinPercentage(1));
    }

    @Test
    void expectedPurchasesMatchesLifetimesExample() {
        // lifetimes: conditional_expected_number_of_purchases_up_to_time(39, 2, 30.43, 38.86) = 1.226
        assertThat(PUBLISHED.expectedPurchases(LIFETIMES_EXAMPLE, 39)).isCloseTo(1.226, withinPercentage(1));
    }

    @Test
    void expectedPurchasesGrowsWithHorizonFromZero() {
        RepeatPurchaseSummary newcomer = RepeatPurchaseSummary.withoutSpend("n", 0, 0, 38.86);
        assertThat(PUBLISHED.expectedPurchases(LIFETIMES_EXAMPLE, 0)).isZero();
        double previous = 0;
        for (double t : new double[] {1, 10, 39, 100, 1000}) {
            double expected = PUBLISHED.expectedPurchases(LIFETIMES_EXAMPLE, t);
            assertThat(expected).isGreaterThan(previous);
            assertThat(PUBLISHED.expectedPurchases(newcomer, t)).isLessThan(expected);
            previous = expected;
        }
    }

    @Test
    void expectedPurchasesStaysFiniteForHeavyBuyers() {
        RepeatPurchaseSummary heavy = RepeatPurchaseSummary.withoutSpend("h", 500, 38.86, 38.86);
        double expected = PUBLISHED.expectedPurchases(heavy, 39);
        // bought on the last day, so almost surely alive: keeps buying near the observed 500 per 38.86 weeks,
        // less the chance of dropping out after one of those purchases
        assertThat(expected).isFinite().isBetween(300.0, 600.0);
    }

    @Test
    void expectedPurchasesIsContinuousThroughRemovableSingularities() {
        double atOne = new BgNbdModel(0.243, 4.414, 1.0, 2.426).expectedPurchases(LIFETIMES_EXAMPLE, 39);
        double below = new BgNbdModel(0.243, 4.414, 0.999, 2.426).expectedPurchases(LIFETIMES_EXAMPLE, 39);
        double above = new BgNbdModel(0.243, 4.414, 1.001, 2.426).expectedPurchases(LIFETIMES_EXAMPLE, 39);
        assertThat(atOne).isBetween(Math.min(below, above), Math.max(below, above));

        RepeatPurchaseSummary newcomer = RepeatPurchaseSummary.withoutSpend("n", 0, 0, 38.86);
        double cAtZero = new BgNbdModel(0.243, 4.414, 0.3, 0.7).expectedPurchases(newcomer, 39);
        double cNearZero = new BgNbdModel(0.243, 4.414, 0.3, 0.7001).expectedPurchases(newcomer, 39);
        assertThat(cAtZero).isCloseTo(cNearZero, withinPercentage(0.1));
    }

    @Test
    void probabilityAliveIsOneWithoutRepeatsAndFallsWithSilence() {
        assertThat(PUBLISHED.probabilityAlive(RepeatPurchaseSummary.withoutSpend("n", 0, 0, 38.86))).isEqualTo(1.0);

        double recent = PUBLISHED.probabilityAlive(RepeatPurchaseSummary.withoutSpend("r", 2, 38.0, 38.86));
        double quiet = PUBLISHED.probabilityAlive(LIFETIMES_EXAMPLE);
        double longQuiet = PUBLISHED.probabilityAlive(RepeatPurchaseSummary.withoutSpend("q", 2, 5.0, 38.86));
        assertThat(recent).isLessThan(1.0).isGreaterThan(quiet);
        assertThat(quiet).isGreaterThan(longQuiet).isGreaterThan(0.0);
    }

    @Test
    void fitRejectsEmptyOrDegenerateInput() {
        assertThatThrownBy(() -> BgNbdModel.fit(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no customer summaries");
        assertThatThrownBy(() -> BgNbdModel.fit(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BgNbdModel.fit(List.of(RepeatPurchaseSummary.withoutSpend("n", 0, 0, 10))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no customer has a repeat purchase");
    }

    @Test
    void rejectsInvalidParametersAndHorizons() {
        assertThatThrownBy(() -> new BgNbdModel(-0.2, 4.4, 0.8, 2.4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r");
        assertThatThrownBy(() -> new BgNbdModel(0.2, 0, 0.8, 2.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BgNbdModel(0.2, 4.4, Double.NaN, 2.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PUBLISHED.expectedPurchases(LIFETIMES_EXAMPLE, 1e300))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> PUBLISHED.expectedPurchases(LIFETIMES_EXAMPLE, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Horizon");
    }

    @Test
    void noPurchaseInTheHorizonIsDroppedOutOrAliveAndQuiet() {
        RepeatPurchaseSummary c = LIFETIMES_EXAMPLE;
        double alive = PUBLISHED.probabilityAlive(c);

        assertThat(PUBLISHED.probabilityOfNoPurchase(c, 0)).isCloseTo(1.0, within(1e-12));
        // over a very long horizon an alive customer surely buys: what is left is having dropped out
        assertThat(PUBLISHED.probabilityOfNoPurchase(c, 1e7)).isCloseTo(1 - alive, within(1e-4));
        double previous = 1;
        for (double t : new double[] {1, 4, 13, 26, 52}) {
            double p = PUBLISHED.probabilityOfNoPurchase(c, t);
            assertThat(p).isLessThan(previous).isBetween(1 - alive, 1.0);
            previous = p;
        }
        // over a short horizon at most one purchase happens: P(some purchase) is the expected count
        double t = 1e-3;
        assertThat(1 - PUBLISHED.probabilityOfNoPurchase(c, t))
                .isCloseTo(PUBLISHED.expectedPurchases(c, t), withinPercentage(0.1));
        // a one-time buyer is alive for sure; only the Poisson clock is left
        RepeatPurchaseSummary once = RepeatPurchaseSummary.withoutSpend("once", 0, 0, 20);
        assertThat(PUBLISHED.probabilityOfNoPurchase(once, 10))
                .isCloseTo(Math.pow((4.414 + 20) / (4.414 + 30), 0.243), within(1e-12));
        assertThatThrownBy(() -> PUBLISHED.probabilityOfNoPurchase(c, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static void assertMatchesPublished(BgNbdModel model) {
        assertThat(model.r()).isCloseTo(PUBLISHED.r(), withinPercentage(1));
        assertThat(model.alpha()).isCloseTo(PUBLISHED.alpha(), withinPercentage(1));
        assertThat(model.a()).isCloseTo(PUBLISHED.a(), withinPercentage(1));
        assertThat(model.b()).isCloseTo(PUBLISHED.b(), withinPercentage(1));
    }
}
