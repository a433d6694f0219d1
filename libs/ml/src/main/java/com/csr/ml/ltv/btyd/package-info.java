/**
 * "Buy 'Til You Die" (BTYD) baseline for customer lifetime value.
 *
 * <p>Contents:
 * <ul>
 *   <li>{@link com.csr.domain.features.RepeatPurchaseSummary} — the per-customer frequency /
 *       recency / age / average-spend input all models here consume;</li>
 *   <li>{@link com.csr.ml.ltv.btyd.BgNbdModel} — the BG/NBD purchase-count model of
 *       Fader, Hardie &amp; Lee (2005), "Counting your customers the easy way";</li>
 *   <li>{@link com.csr.ml.ltv.btyd.GammaGammaModel} — the Gamma-Gamma spend model of
 *       Fader, Hardie &amp; Lee (2005), "RFM and CLV: using iso-value curves";</li>
 *   <li>{@link com.csr.ml.ltv.btyd.BtydBaseline} — both models fitted together, giving the
 *       expected spend of a customer over a future horizon.</li>
 * </ul>
 *
 * <p>All times (recency, age, horizons) are in one caller-chosen unit, typically days or
 * weeks; fitted scale parameters ({@code alpha}) are then in that same unit. Turning raw
 * transaction files into summaries is not done here.
 */
package com.csr.ml.ltv.btyd;
