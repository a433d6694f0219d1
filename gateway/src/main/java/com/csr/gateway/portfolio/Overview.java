package com.csr.gateway.portfolio;

import java.time.Instant;
import java.util.Map;

/**
 * The tenant's portfolio at a glance: what the web app's home page shows. Money is in {@code currency}; only
 * customers scored by all three models count.
 *
 * @param customers          customers with a persona, a churn probability and a predicted LTV
 * @param revenue            the sum of those customers' {@code monetary} feature: net spend to date (purchases less
 *                           the returns netted against them, over each customer's whole history up to the as-of
 *                           date); a customer whose features are not known yet adds nothing
 * @param riskBands          {@code low}, {@code medium}, {@code high} (the domain's {@code RiskBand}):
 *                           customers and share
 * @param predictedLtv       the sum of the customers' predicted spend over the model's horizon
 * @param predictedLtvAtRisk the same, of high-risk customers only
 * @param expectedLoss       the sum over customers of churn probability × predicted LTV
 * @param currency           the tenant's currency (ISO 4217), else the gateway's default ({@code csr.gateway.currency})
 * @param asOf               the latest as-of date among the customers' scores (YYYY-MM-DD); null without customers
 * @param lastTraining       the tenant's newest training run; null when it never trained
 */
public record Overview(int customers, double revenue, Map<String, BandShare> riskBands, double predictedLtv,
                       double predictedLtvAtRisk, double expectedLoss, String currency, String asOf,
                       LastTraining lastTraining) {

    /**
     * One risk band.
     *
     * @param customers in the band
     * @param share     of all customers counted (0 without customers)
     */
    public record BandShare(int customers, double share) {
    }

    /**
     * One training run, as the metadata store records it.
     *
     * @param datasetId  the training set it trained on
     * @param kind       the model kind: segment, churn or ltv
     * @param status     running, finished or failed
     * @param startedAt  when it started
     * @param finishedAt when it ended; null while running
     */
    public record LastTraining(String datasetId, String kind, String status, Instant startedAt, Instant finishedAt) {
    }
}
