package com.csr.gateway.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The training run that made a model version, as its tenant sees it through the gateway: what MLflow's run page
 * shows an operator — parameters, metrics, files — for this tenant's run only.
 *
 * @param modelKind     {@code segment}, {@code churn}, {@code ltv}
 * @param version       the model version it made (the training set's id)
 * @param status        {@code running}, {@code finished} or {@code failed}
 * @param startedAt     when it started
 * @param finishedAt    when it ended; null while running
 * @param params        its parameters: the training set, its data checksum, the seed, the algorithm's settings
 * @param metrics       its out-of-time metrics
 * @param error         why it failed, or null
 * @param trackingRunId the id of the run in the platform's MLflow, for an operator; null when runs are not tracked
 * @param artifacts     the model's files, each with its checksum and where to download it
 */
public record RunView(String modelKind, String version, String status, Instant startedAt, Instant finishedAt,
                      Map<String, String> params, Map<String, Double> metrics, String error, String trackingRunId,
                      List<Artifact> artifacts) {

    /**
     * One file of the model.
     *
     * @param name     its name in the model's folder
     * @param sha256   its SHA-256, as the model's manifest records it
     * @param download the gateway path that serves it
     */
    public record Artifact(String name, String sha256, String download) {
    }
}
