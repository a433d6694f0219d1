package com.csr.domain.labels;

import com.csr.domain.features.CustomerHistory;

/** The two targets, one pure function each, over the horizon after a cutoff T: [T, T + H) in epoch seconds. */
public final class Labels {

    private Labels() {
    }

    /** 1 when the customer made no purchase in the horizon after the cutoff, else 0. */
    public static int churned(CustomerHistory history, long cutoff, Horizon horizon) {
        return history.purchasesBetween(cutoff, cutoff + horizon.seconds()) == 0 ? 1 : 0;
    }

    /** Net spend (purchases minus returns) in the horizon after the cutoff. */
    public static double futureSpend(CustomerHistory history, long cutoff, Horizon horizon) {
        return history.netSpendBetween(cutoff, cutoff + horizon.seconds());
    }
}
