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

    /** The tracker the environment asks for. */
    static ExperimentTracker fromEnvironment(Map<String, String> env) {
        String uri = env.get("MLFLOW_TRACKING_URI");
        return uri == null || uri.isBlank() ? NONE : new MlflowTracker(uri);
    }

    /** Thrown when the tracker cannot be reached or refuses a run. */
    final class TrackingException extends RuntimeException {
        public TrackingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
