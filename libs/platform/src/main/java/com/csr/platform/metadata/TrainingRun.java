package com.csr.platform.metadata;

import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.ids.TenantIds;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One training of one kind of model on one training set, recorded when it starts and again when it ends.
 *
 * @param tenantId      whose
 * @param runId         its id
 * @param modelKind     {@code segment}, {@code churn}, {@code ltv}
 * @param datasetId     the training set
 * @param status        {@value #RUNNING}, {@value #FINISHED} or {@value #FAILED}
 * @param startedAt     when it started
 * @param finishedAt    when it ended; {@code null} while running
 * @param params        its parameters, by name
 * @param metrics       its out-of-time metrics, by name
 * @param trackingRunId the MLflow run it is tracked as, or {@code null}
 * @param error         why it failed, or {@code null}
 */
public record TrainingRun(String tenantId, String runId, String modelKind, String datasetId, String status,
                          Instant startedAt, Instant finishedAt, Map<String, String> params,
                          Map<String, Double> metrics, String trackingRunId, String error) {

    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";

    public TrainingRun {
        TenantIds.require(tenantId);
        RecordIds.require("run id", runId);
        RecordIds.require("model kind", modelKind);
        RecordIds.require("dataset id", datasetId);
        RecordValues.oneOf("run status", status, Set.of(RUNNING, FINISHED, FAILED));
        startedAt = RecordValues.time("startedAt", startedAt);
        finishedAt = RecordValues.optionalTime(finishedAt);
        params = RecordValues.copy("params", params);
        metrics = RecordValues.copy("metrics", metrics);
    }
}
