package com.csr.gateway.training;

import com.csr.platform.metadata.ModelVersion;
import com.csr.platform.metadata.TrainingRun;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A model version as the API shows it: the registry's record, and where its training run can be looked at in MLflow.
 *
 * @param modelKind     {@code segment}, {@code churn}, {@code ltv}
 * @param version       its version (the training set's id)
 * @param status        {@code active}, {@code registered} or {@code retired}
 * @param reason        why it was not promoted, or null
 * @param metrics       its out-of-time metrics
 * @param createdAt     when it was trained
 * @param artifactUri   where its files are
 * @param sha256        the checksum of its model file
 * @param trackingRunId the MLflow run that trained it, or null when runs are not tracked
 * @param trackingUrl   that run's page in the MLflow UI, or null when the gateway is not told where MLflow is
 */
public record VersionView(String modelKind, String version, String status, String reason, Map<String, Double> metrics,
                          Instant createdAt, String artifactUri, String sha256, String trackingRunId,
                          String trackingUrl) {

    public static VersionView of(ModelVersion v, Optional<TrainingRun> run, Optional<URI> mlflow) {
        String runId = run.map(TrainingRun::trackingRunId).orElse(null);
        String url = runId == null ? null : mlflow.map(base -> runPage(base, runId)).orElse(null);
        return new VersionView(v.modelKind(), v.version(), v.status(), v.reason(), v.metrics(), v.createdAt(),
                v.artifactUri(), v.sha256(), runId, url);
    }

    /** MLflow's UI finds a run's experiment itself from this page ({@code #/runs/{id}}). */
    private static String runPage(URI mlflow, String runId) {
        return mlflow.toString().replaceFirst("/+$", "") + "/#/runs/" + runId;
    }
}
