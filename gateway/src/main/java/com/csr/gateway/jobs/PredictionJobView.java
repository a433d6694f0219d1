package com.csr.gateway.jobs;

import com.csr.platform.metadata.PredictionJob;
import java.time.Instant;

/**
 * A batch prediction job as the API shows it.
 *
 * @param jobId      its id
 * @param status     {@code queued}, {@code running}, {@code finished} or {@code failed}
 * @param scope      {@code all} (every customer of the tenant) or {@code list} (the ids sent)
 * @param modelId    the version it pins, or null for the serving ones
 * @param total      customers to score (0 until known)
 * @param done       customers scored so far
 * @param progress   done / total, 0 to 1
 * @param createdAt  when it was asked for
 * @param finishedAt when it ended, or null
 * @param error      why it failed, or null
 * @param csv        where its CSV is once finished ({@code /predictions/{id}/csv}), else null
 */
public record PredictionJobView(String jobId, String status, String scope, String modelId, int total, int done,
                                double progress, Instant createdAt, Instant finishedAt, String error, String csv) {

    public static PredictionJobView of(PredictionJob job) {
        double progress = job.status().equals(PredictionJob.FINISHED) ? 1 : job.total() == 0 ? 0
                : (double) job.done() / job.total();
        return new PredictionJobView(job.jobId(), job.status(), job.scope(), job.modelId(), job.total(), job.done(),
                progress, job.createdAt(), job.finishedAt(), job.error(),
                job.status().equals(PredictionJob.FINISHED) ? "/predictions/" + job.jobId() + "/csv" : null);
    }
}
