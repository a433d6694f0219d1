package com.csr.gateway.portfolio.scores;

import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.models.ModelKindName;
import java.util.Optional;

/**
 * The latest answer of each model for one customer, merged from {@code customer.scores} where each model service
 * publishes its own part.
 *
 * @param customerId       the customer
 * @param segmentId        from the segment model
 * @param persona          from the segment model
 * @param segmentVersion   its version
 * @param churnProbability from the churn model
 * @param churnVersion     its version
 * @param predictedLtv     from the LTV model
 * @param ltvVersion       its version
 * @param asOf             the as-of date of the features last scored
 */
public record MergedScores(String customerId, Integer segmentId, String persona, String segmentVersion,
                           Double churnProbability, String churnVersion, Double predictedLtv, String ltvVersion,
                           String asOf) {

    public static MergedScores empty() {
        return new MergedScores(null, null, null, null, null, null, null, null, null);
    }

    /** This with one model's newer part. */
    public MergedScores updateFrom(CustomerScore score) {
        if (score == null) {
            return this;
        }
        Optional<ModelKindName> kind = ModelKindName.of(score.kind());
        if (kind.isEmpty()) {
            return this;
        }
        return switch (kind.get()) {
            case SEGMENT -> new MergedScores(score.customerId(), score.segmentId(), score.persona(),
                    score.modelVersion(), churnProbability, churnVersion, predictedLtv, ltvVersion, score.asOf());
            case CHURN -> new MergedScores(score.customerId(), segmentId, persona, segmentVersion,
                    score.churnProbability(), score.modelVersion(), predictedLtv, ltvVersion, score.asOf());
            case LTV -> new MergedScores(score.customerId(), segmentId, persona, segmentVersion, churnProbability,
                    churnVersion, score.predictedLtv(), score.modelVersion(), score.asOf());
        };
    }

    /** True when all three models have scored the customer. */
    public boolean isComplete() {
        return persona != null && churnProbability != null && predictedLtv != null;
    }
}
