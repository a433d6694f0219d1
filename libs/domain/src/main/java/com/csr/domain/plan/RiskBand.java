package com.csr.domain.plan;

import java.util.Locale;

/** Churn risk in three bands, as business users read it: below 30% low, below 60% medium, else high. */
public enum RiskBand {
    LOW, MEDIUM, HIGH;

    public static RiskBand of(double churnProbability) {
        return churnProbability < 0.3 ? LOW : churnProbability < 0.6 ? MEDIUM : HIGH;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
