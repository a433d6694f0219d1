package com.csr.ml.backtest;

/** A system a backtest scores: the platform's models, or one of the rules they must beat. */
public enum Yardstick {
    /** The platform's churn and lifetime-value models, as a training at the cutoff makes them. */
    PLATFORM("platform", true, true),
    /** BG/NBD for purchases (P(no purchase in the horizon) for churn) and Gamma-Gamma for spend per purchase. */
    BG_NBD("bg_nbd_gamma_gamma", true, true),
    /** Churn ranked by days since the last purchase. */
    RECENCY("recency_only", true, false),
    /** Next-horizon spend predicted as the spend of the last 90 days. */
    LAST_90_DAY_SPEND("last_90_day_spend", false, true);

    private final String code;
    private final boolean ranksChurn;
    private final boolean predictsSpend;

    Yardstick(String code, boolean ranksChurn, boolean predictsSpend) {
        this.code = code;
        this.ranksChurn = ranksChurn;
        this.predictsSpend = predictsSpend;
    }

    public String code() {
        return code;
    }

    public boolean ranksChurn() {
        return ranksChurn;
    }

    public boolean predictsSpend() {
        return predictsSpend;
    }
}
