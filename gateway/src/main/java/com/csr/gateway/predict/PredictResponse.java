package com.csr.gateway.predict;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The merged answer of {@code /predict}. A part whose service did not answer in time is {@code available: false}
 * with a reason, and what depends on it (expected loss, action) is null.
 *
 * @param customerId        the customer
 * @param segment           the persona
 * @param churn             the churn probability and its risk band
 * @param ltv               predicted spend over the horizon
 * @param expectedLoss      P(churn) x LTV
 * @param recommendedAction the persona's retention action
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictResponse(String customerId, Segment segment, Churn churn, Ltv ltv, Double expectedLoss,
                              Action recommendedAction) {

    /** The segment part. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Segment(boolean available, Integer id, String persona, String modelVersion, String reason) {
    }

    /** The churn part. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Churn(boolean available, Double probability, String riskBand, String model, String modelVersion,
                        String reason) {
    }

    /** The lifetime-value part. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ltv(boolean available, Double value, Integer horizonDays, String modelVersion, String reason) {
    }

    /** A retention action. */
    public record Action(String name, double cost, double acceptanceRate) {
    }
}
