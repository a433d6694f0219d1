package com.csr.gateway.training;

import com.csr.platform.metadata.ModelVersion;
import com.csr.platform.metadata.TrainingRun;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A model version as the API shows it: the registry's record, and where the run that trained it can be looked at.
 *
 * @param modelKind     {@code segment}, {@code churn}, {@code ltv}
 * @param version       its version (the training set's id)
 * @param status        {@code active}, {@code registered} or {@code retired}
 * @param reason        why it was not promoted, or null
 * @param metrics       its out-of-time metrics
 * @param createdAt     when it was trained
 * @param artifactUri   where its files are
 * @param sha256        the checksum of its model file
 * @param trackingRunId the platform's MLflow run that trained it (for an operator), or null when runs are not tracked
 * @param run           the gateway path of the run that trained it (parameters, metrics, files), or null when no
 *                      run is recorded
 */
public record VersionView(String modelKind, String version, String status, String reason, Map<String, Double> metrics,
                          Instant createdAt, String artifactUri, String sha256, String trackingRunId, String run) {

    public static VersionView of(ModelVersion v, Optional<TrainingRun> run) {
        return new VersionView(v.modelKind(), v.version(), v.status(), v.reason(), v.metrics(), v.createdAt(),
                v.artifactUri(), v.sha256(), run.map(TrainingRun::trackingRunId).orElse(null),
                run.map(r -> "/models/" + v.modelKind() + "/versions/" + v.version() + "/run").orElse(null));
    }
}
