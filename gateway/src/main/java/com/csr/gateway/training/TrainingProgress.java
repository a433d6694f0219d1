package com.csr.gateway.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * How training on one training set goes ({@code GET /train/{datasetId}}).
 *
 * @param datasetId the training set
 * @param models    each kind's state: {@code training}, {@code active}, {@code not_promoted}, {@code failed}, or the
 *                  version's status (such as {@code retired})
 * @param reasons   why, for each kind not promoted or failed
 * @param status    {@code active} when every kind's model serves, {@code finished} when every kind has settled,
 *                  else {@code training}
 */
public record TrainingProgress(String datasetId, Map<String, String> models,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> reasons,
                               String status) {

    static final String TRAINING = "training";
    static final String ACTIVE = "active";
    static final String NOT_PROMOTED = "not_promoted";
    static final String FAILED = "failed";

    static TrainingProgress of(String datasetId, Map<String, String> models, Map<String, String> reasons) {
        boolean allActive = models.values().stream().allMatch(ACTIVE::equals);
        boolean allSettled = models.values().stream().noneMatch(TRAINING::equals);
        return new TrainingProgress(datasetId, models, reasons,
                allActive ? ACTIVE : allSettled ? "finished" : TRAINING);
    }
}
