package com.csr.ml.ltv.btyd;

import com.csr.domain.features.RepeatPurchaseSummary;
import java.util.List;
import java.util.Objects;

/**
 * BTYD lifetime-value baseline: BG/NBD for how many purchases a customer will make, Gamma-Gamma
 * for how much each will be worth. The two are fitted independently, which the Gamma-Gamma
 * model assumes (spend independent of the purchase process).
 *
 * @param purchases the purchase-count model
 * @param spend     the spend-per-transaction model
 */
public record BtydBaseline(BgNbdModel purchases, GammaGammaModel spend) {

    /** Dropout shapes this large mean the plain BG/NBD fit ran off; published fits have a, b below 100. */
    static final double RUNAWAY = 1e4;
    /** The penalizer a run-away fit is refitted with: the value with which lifetimes converges on such histories. */
    static final double RUNAWAY_PENALIZER = 0.1;

    /**
     * Validates the parts.
     *
     * @throws NullPointerException if either model is null
     */
    public BtydBaseline {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
    }

    /**
     * Fits both models on the same calibration summaries.
     *
     * @param customers calibration summaries, all in one time unit, with averageSpend filled
     *                  for repeat customers
     * @return the fitted baseline
     * @throws IllegalArgumentException if either model cannot be fitted (see
     *                                  {@link BgNbdModel#fit} and {@link GammaGammaModel#fit})
     */
    public static BtydBaseline fit(List<RepeatPurchaseSummary> customers) {
        BgNbdModel purchases = BgNbdModel.fit(customers);
        if (!(purchases.a() < RUNAWAY && purchases.b() < RUNAWAY)) {
            // the plain fit ran off (the likelihood is flat along a + b → ∞ on some histories): lifetimes' advice
            purchases = BgNbdModel.fit(customers, RUNAWAY_PENALIZER);
        }
        return new BtydBaseline(purchases, GammaGammaModel.fit(customers));
    }

    /**
     * Expected (undiscounted) spend of the customer over the next {@code horizon} time units.
     *
     * @param customer the customer's calibration summary
     * @param horizon  length of the future period, in the summaries' time unit
     * @return expected number of purchases times expected spend per purchase
     * @throws IllegalArgumentException if the horizon is negative or not finite
     */
    public double expectedSpend(RepeatPurchaseSummary customer, double horizon) {
        return purchases.expectedPurchases(customer, horizon) * spend.expectedAverageSpend(customer);
    }
}
