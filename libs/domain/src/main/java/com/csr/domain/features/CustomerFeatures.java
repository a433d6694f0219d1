package com.csr.domain.features;

import java.util.List;

/**
 * A customer's features as of a cutoff. The first seven are the original system's; the rest add tenure, returns, recent
 * activity and its trend. All times are in days, all money in the file's currency.
 *
 * @param recencyDays          days from the last purchase to the cutoff
 * @param frequency            purchase occasions (invoices)
 * @param monetary             net spend: purchases minus netted returns
 * @param avgBasketValue       net spend per purchase occasion
 * @param uniqueProducts       distinct products bought
 * @param avgInterpurchaseDays mean days between consecutive purchases; 0 with a single purchase
 * @param purchaseSpanDays     days from the first to the last purchase
 * @param tenureDays           days from the first purchase to the cutoff
 * @param returnRate           returned value / purchased value
 * @param spend30d             net spend in the 30 days before the cutoff
 * @param spend90d             net spend in the 90 days before the cutoff
 * @param purchases30d         purchase occasions in the 30 days before the cutoff
 * @param purchases90d         purchase occasions in the 90 days before the cutoff
 * @param spendTrend           (last 90 days - the 90 before) / (their sum), from -1 (fading) to 1 (growing)
 */
public record CustomerFeatures(double recencyDays, double frequency, double monetary, double avgBasketValue,
                               double uniqueProducts, double avgInterpurchaseDays, double purchaseSpanDays,
                               double tenureDays, double returnRate, double spend30d, double spend90d,
                               double purchases30d, double purchases90d, double spendTrend) {

    /** Feature names as they appear in files, APIs and models, in {@link #toArray()} order. */
    public static final List<String> NAMES = List.of("recency_days", "frequency", "monetary", "avg_basket_value",
            "unique_products", "avg_interpurchase_days", "purchase_span_days", "tenure_days", "return_rate",
            "spend_30d", "spend_90d", "purchases_30d", "purchases_90d", "spend_trend");

    /** The original system's seven features, which its {@code /predict} API takes. */
    public static final List<String> SEED_NAMES = NAMES.subList(0, 7);

    /** Values in {@link #NAMES} order. */
    public double[] toArray() {
        return new double[] {recencyDays, frequency, monetary, avgBasketValue, uniqueProducts, avgInterpurchaseDays,
            purchaseSpanDays, tenureDays, returnRate, spend30d, spend90d, purchases30d, purchases90d, spendTrend};
    }

    /** The inverse of {@link #toArray()}. */
    public static CustomerFeatures fromArray(double[] v) {
        if (v.length != NAMES.size()) {
            throw new IllegalArgumentException("expected " + NAMES.size() + " feature values, got " + v.length);
        }
        return new CustomerFeatures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                v[12], v[13]);
    }
}
