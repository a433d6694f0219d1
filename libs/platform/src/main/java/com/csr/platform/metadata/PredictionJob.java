package com.csr.platform.metadata;

import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.ids.TenantIds;
import java.time.Instant;
import java.util.Set;

/**
 * A batch prediction: every customer of a tenant, or a list of them, scored by the three models in the background;
 * the result is a CSV in the artifact store. Recorded when it is asked for and again as it goes.
 *
 * @param tenantId   whose
 * @param jobId      its id
 * @param status     {@value #QUEUED}, {@value #RUNNING}, {@value #FINISHED} or {@value #FAILED}
 * @param scope      {@value #ALL_CUSTOMERS} or {@value #LISTED_CUSTOMERS}
 * @param modelId    the model version it pins, or {@code null} for the serving ones
 * @param total      customers to score (0 until known)
 * @param done       customers scored so far
 * @param createdAt  when it was asked for
 * @param finishedAt when it ended; {@code null} until then
 * @param resultKey  the artifact key of its CSV once finished, else {@code null}
 * @param error      why it failed, or {@code null}
 */
public record PredictionJob(String tenantId, String jobId, String status, String scope, String modelId, int total,
                            int done, Instant createdAt, Instant finishedAt, String resultKey, String error) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
    public static final String ALL_CUSTOMERS = "all";
    public static final String LISTED_CUSTOMERS = "list";

    public PredictionJob {
        TenantIds.require(tenantId);
        RecordIds.require("job id", jobId);
        RecordValues.oneOf("job status", status, Set.of(QUEUED, RUNNING, FINISHED, FAILED));
        RecordValues.oneOf("job scope", scope, Set.of(ALL_CUSTOMERS, LISTED_CUSTOMERS));
        if (modelId != null) {
            RecordIds.require("model id", modelId);
        }
        if (total < 0 || done < 0 || done > total) {
            throw new IllegalArgumentException("job progress " + done + " of " + total + " is not possible");
        }
        createdAt = RecordValues.time("createdAt", createdAt);
        finishedAt = RecordValues.optionalTime(finishedAt);
    }

    /** True once it finished or failed. */
    public boolean hasEnded() {
        return status.equals(FINISHED) || status.equals(FAILED);
    }

    /** The same job, started. */
    public PredictionJob running(int total) {
        return new PredictionJob(tenantId, jobId, RUNNING, scope, modelId, total, 0, createdAt, null, null, null);
    }

    /** The same job, {@code done} customers further. */
    public PredictionJob progressed(int done) {
        return new PredictionJob(tenantId, jobId, status, scope, modelId, total, done, createdAt, null, null, null);
    }

    /** The same job, finished with its CSV under {@code resultKey}. */
    public PredictionJob finished(String resultKey, Instant at) {
        return new PredictionJob(tenantId, jobId, FINISHED, scope, modelId, total, total, createdAt, at, resultKey,
                null);
    }

    /** The same job, failed for {@code reason}. */
    public PredictionJob failed(String reason, Instant at) {
        return new PredictionJob(tenantId, jobId, FAILED, scope, modelId, total, done, createdAt, at, null, reason);
    }
}
