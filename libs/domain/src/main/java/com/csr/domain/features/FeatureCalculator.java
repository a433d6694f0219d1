package com.csr.domain.features;

/**
 * Computes {@link CustomerFeatures} as of a cutoff: the one place the feature definitions live. Pure: the answer
 * depends only on the history strictly before the cutoff, so data after it cannot leak in.
 */
public final class FeatureCalculator {

    private static final double DAY = 86_400.0;
    private static final long DAYS_30 = 30L * 86_400L;
    private static final long DAYS_90 = 90L * 86_400L;

    private FeatureCalculator() {
    }

    /**
     * Features of a customer as of {@code cutoff} (epoch seconds, exclusive).
     *
     * @return the features, or null when the customer had made no purchase before the cutoff
     */
    public static CustomerFeatures asOf(CustomerHistory history, long cutoff) {
        long[] times = history.purchaseTimes();
        double[] values = history.purchaseValues();
        int purchases = history.purchasesBefore(cutoff);
        if (purchases == 0) {
            return null;
        }
        double purchased = 0;
        double spend30 = 0;
        double spend90 = 0;
        double spendPrevious90 = 0;
        int purchases30 = 0;
        int purchases90 = 0;
        for (int i = 0; i < purchases; i++) {
            purchased += values[i];
            long age = cutoff - times[i];
            if (age <= DAYS_30) {
                spend30 += values[i];
                purchases30++;
            }
            if (age <= DAYS_90) {
                spend90 += values[i];
                purchases90++;
            } else if (age <= 2 * DAYS_90) {
                spendPrevious90 += values[i];
            }
        }
        long[] returnTimes = history.returnTimes();
        double[] returnValues = history.returnValues();
        double returned = 0;
        for (int i = 0, n = CustomerHistory.countBefore(returnTimes, cutoff); i < n; i++) {
            returned += returnValues[i];
            long age = cutoff - returnTimes[i];
            if (age <= DAYS_30) {
                spend30 -= returnValues[i];
            }
            if (age <= DAYS_90) {
                spend90 -= returnValues[i];
            } else if (age <= 2 * DAYS_90) {
                spendPrevious90 -= returnValues[i];
            }
        }
        double monetary = purchased - returned;
        double first = times[0];
        double last = times[purchases - 1];
        double spanDays = (last - first) / DAY;
        double recent = Math.max(0, spend90);
        double previous = Math.max(0, spendPrevious90);
        return new CustomerFeatures(
                (cutoff - last) / DAY,
                purchases,
                monetary,
                monetary / purchases,
                CustomerHistory.countBefore(history.firstProductPurchaseTimes(), cutoff),
                purchases > 1 ? spanDays / (purchases - 1) : 0,
                spanDays,
                (cutoff - first) / DAY,
                purchased > 0 ? returned / purchased : 0,
                spend30,
                spend90,
                purchases30,
                purchases90,
                recent + previous > 0 ? (recent - previous) / (recent + previous) : 0);
    }
}
