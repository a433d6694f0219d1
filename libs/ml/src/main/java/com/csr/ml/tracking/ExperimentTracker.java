package com.csr.ml.tracking;

import java.util.Map;
import java.util.Optional;

/** Where training runs are recorded: MLflow when {@code MLFLOW_TRACKING_URI} is set, nowhere else otherwise. */
public interface ExperimentTracker extends AutoCloseable {

    /** Records nothing: runs are then only in the metadata store. */
    ExperimentTracker NONE = new ExperimentTracker() {
        @Override
        public Optional<TrackedRun> record(TrainingRunRecord run) {
            return Optional.empty();
        }

        @Override
        public void crown(String tenantId, String kind, TrackedRun run) {
        }
    };

    /**
     * A run as the tracker knows it.
     *
     * @param runId        the tracker's run id
     * @param experimentId its experiment
     * @param url          where a person looks at it
     */
    record TrackedRun(String runId, String experimentId, String url) {
    }

    /**
     * Records a finished training run.
     *
     * @return the tracked run; empty when nothing tracks runs
     * @throws TrackingException when the tracker cannot be reached or refuses the run
     */
    Optional<TrackedRun> record(TrainingRunRecord run);

    /** Registers the run's model as a version of the tenant's registered model of the kind, aliased champion. */
    void crown(String tenantId, String kind, TrackedRun run);

    @Override
    default void close() {
    }

    /**
     * The tracker the environment asks for: MLflow at {@code MLFLOW_TRACKING_URI}, each call given
     * {@code MLFLOW_HTTP_REQUEST_TIMEOUT} seconds (120 by default), as MLflow's own clients read them.
     *
     * @throws IllegalArgumentException when the timeout is not a positive whole number of seconds
     */
    static ExperimentTracker fromEnvironment(Map<String, String> env) {
        String uri = env.get("MLFLOW_TRACKING_URI");
        if (uri == null || uri.isBlank()) {
            return NONE;
        }
        String timeout = env.get("MLFLOW_HTTP_REQUEST_TIMEOUT");
        if (timeout == null || timeout.isBlank()) {
            return new MlflowTracker(uri);
        }
        try {
            long seconds = Long.parseLong(timeout.trim());
            if (seconds > 0) {
                return new MlflowTracker(uri, java.time.Duration.ofSeconds(seconds));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("MLFLOW_HTTP_REQUEST_TIMEOUT=" + timeout + " is not a number of seconds");
    }

    /** Thrown when the tracker cannot be reached or refuses a run. */
    final class TrackingException extends RuntimeException {
        public TrackingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
