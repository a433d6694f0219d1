package com.csr.domain.features;

import java.util.Objects;

/**
 * Calibration-period purchase history of one customer, in the form the BTYD models need.
 *
 * <p><b>Time unit:</b> {@code recency} and {@code age} are expressed in whatever unit the
 * caller chooses (days, weeks, ...). All summaries passed to one model, and every horizon
 * later asked of that model, must use the same unit; the fitted {@code alpha} of
 * {@code BgNbdModel} (ml) is then expressed in it too.
 *
 * @param customerId   the customer's identifier; not null
 * @param frequency    x: number of <em>repeat</em> purchase occasions, i.e. the number of
 *                     distinct purchase periods minus one (the first purchase is not counted)
 * @param recency      t_x: time between the first and the last purchase; 0 when x = 0
 * @param age          T: time between the first purchase and the end of the calibration period
 * @param averageSpend m_x: mean value of the x repeat transactions (the first purchase is
 *                     excluded); 0 when x = 0. A value of 0 with x &gt; 0 means "spend unknown"
 *                     and keeps the customer out of the spend model
 */
public record RepeatPurchaseSummary(
        String customerId, int frequency, double recency, double age, double averageSpend) {

    /**
     * Validates the summary.
     *
     * @throws IllegalArgumentException if a value is negative or not finite, if recency
     *                                  exceeds age, or if a customer without repeat purchases
     *                                  has a non-zero recency or spend
     */
    public RepeatPurchaseSummary {
        Objects.requireNonNull(customerId, "customerId");
        if (frequency < 0) {
            throw invalid(customerId, "frequency must be >= 0 but was " + frequency);
        }
        requireNonNegative(customerId, "recency", recency);
        requireNonNegative(customerId, "age", age);
        requireNonNegative(customerId, "averageSpend", averageSpend);
        if (recency > age) {
            throw invalid(customerId, "recency (" + recency + ") must not exceed age (" + age + ")");
        }
        // x = 0 means first purchase == last purchase and no repeat transaction to average.
        if (frequency == 0 && (recency != 0 || averageSpend != 0)) {
            throw invalid(customerId, "a customer without repeat purchases must have recency 0"
                    + " and averageSpend 0, got recency " + recency + ", averageSpend " + averageSpend);
        }
    }

    /**
     * Summary of a customer whose spend is unknown or irrelevant (purchase-count models only).
     *
     * @param customerId the customer's identifier
     * @param frequency  number of repeat purchase occasions
     * @param recency    time between first and last purchase
     * @param age        time between first purchase and the end of the calibration period
     * @return the summary, with {@code averageSpend} 0
     */
    public static RepeatPurchaseSummary withoutSpend(String customerId, int frequency, double recency, double age) {
        return new RepeatPurchaseSummary(customerId, frequency, recency, age, 0.0);
    }

    /**
     * Tells whether the summary can inform the spend model.
     *
     * @return true when the customer has repeat purchases with a known, positive average spend
     */
    public boolean hasRepeatSpend() {
        return frequency > 0 && averageSpend > 0;
    }

    private static void requireNonNegative(String customerId, String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw invalid(customerId, name + " must be finite and >= 0 but was " + value);
        }
    }

    private static IllegalArgumentException invalid(String customerId, String message) {
        return new IllegalArgumentException("Invalid purchase summary for customer " + customerId + ": " + message);
    }
}
