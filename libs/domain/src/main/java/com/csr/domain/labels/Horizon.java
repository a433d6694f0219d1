package com.csr.domain.labels;

/**
 * The window after a cutoff that labels look at: (T, T + days]. Churn means no purchase in it; future spend is
 * the net spend in it.
 *
 * @param days length of the window in days, at least 1
 */
public record Horizon(int days) {

    public Horizon {
        if (days < 1) {
            throw new IllegalArgumentException("the horizon must be at least 1 day, got " + days);
        }
    }

    public long seconds() {
        return days * 86_400L;
    }
}
