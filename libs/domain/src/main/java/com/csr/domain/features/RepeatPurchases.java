package com.csr.domain.features;


/** Summarises a customer's history before a cutoff the way the BTYD models read it (Fader, Hardie and Lee). */
public final class RepeatPurchases {

    private RepeatPurchases() {
    }

    /**
     * The BTYD summary as of a cutoff: purchase occasions are calendar days; recency and age run to the last day
     * before the cutoff (the as-of date), in units of {@code unitDays} days (1 for days, 7 for weeks).
     *
     * @param cutoff epoch seconds at a midnight (UTC): the start of the day after the as-of date
     * @return the summary, or null when the customer had not bought before the cutoff
     * @throws IllegalArgumentException for a cutoff that is not at midnight
     */
    public static RepeatPurchaseSummary asOf(CustomerHistory history, long cutoff, double unitDays) {
        if (cutoff % 86_400L != 0) {
            throw new IllegalArgumentException("BTYD summaries count whole days: the cutoff must be at midnight UTC");
        }
        double[][] daily = history.dailyPurchasesBefore(cutoff);
        double[] days = daily[0];
        double[] spend = daily[1];
        if (days.length == 0) {
            return null;
        }
        long lastKnownDay = Math.floorDiv(cutoff, 86_400L) - 1;
        int repeats = days.length - 1;
        double repeatSpend = 0;
        for (int i = 1; i < days.length; i++) {
            repeatSpend += spend[i];
        }
        return new RepeatPurchaseSummary(history.customerId(), repeats,
                (days[repeats] - days[0]) / unitDays,
                (lastKnownDay - days[0]) / unitDays,
                repeats > 0 ? Math.max(0, repeatSpend / repeats) : 0);
    }
}
