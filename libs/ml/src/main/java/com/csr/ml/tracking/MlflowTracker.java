package com.csr.ml.tracking;

import com.csr.domain.json.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;

/**
 * Training runs in an MLflow tracking server, through {@code mlflow-client}: an experiment per tenant and model kind
 * ({@code csr/{tenant}/{kind}}), a run per training with its parameters and metrics; the files go through the
 * server's artifact proxy over HTTP (the Java client's own artifact upload calls a local Python), and the champion
 * of a kind is a version of the registered model {@code csr-{tenant}-{kind}} with the alias {@code champion}.
 *
 * <p>Every call has a deadline ({@code MLFLOW_HTTP_REQUEST_TIMEOUT} seconds, as for MLflow's own clients; 120 by
 * default). The Java client sets no timeouts of its own, so a server that takes the connection and never answers
 * would hold the training, and every training queued behind it, for ever: a call past its deadline is abandoned, its
 * connections closed, and a fresh client serves the next call.
 */
public final class MlflowTracker implements ExperimentTracker {

    /** MLflow's limit on a parameter's value. */
    public static final int MAX_PARAM_LENGTH = 6000;
    private static final int BATCH = 100;

    /** MLflow's default for {@code MLFLOW_HTTP_REQUEST_TIMEOUT}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final String trackingUri;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService calls = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "mlflow-call");
        thread.setDaemon(true);
        return thread;
    });
    private volatile MlflowClient client;

    public MlflowTracker(String trackingUri) {
        this(trackingUri, DEFAULT_TIMEOUT);
    }

    /** @param timeout how long one call to the server may take */
    public MlflowTracker(String trackingUri, Duration timeout) {
        this.trackingUri = trackingUri.endsWith("/") ? trackingUri.substring(0, trackingUri.length() - 1)
                : trackingUri;
        this.timeout = timeout;
        this.client = new MlflowClient(this.trackingUri);
    }

    public static String experimentName(String tenantId, String kind) {
        return "csr/" + tenantId + "/" + kind;
    }

    public static String registeredModelName(String tenantId, String kind) {
        return "csr-" + tenantId + "-" + kind;
    }

    @Override
    public Optional<TrackedRun> record(TrainingRunRecord run) {
        try {
            String name = experimentName(run.tenantId(), run.kind());
            String experimentId = call(c -> c.getExperimentByName(name).map(Service.Experiment::getExperimentId)
                    .orElseGet(() -> c.createExperiment(name)));
            Service.RunInfo info = call(c -> c.createRun(Service.CreateRun.newBuilder().setExperimentId(experimentId)
                    .setRunName(run.kind() + "-" + run.version()).setStartTime(System.currentTimeMillis()).build()));
            String runId = info.getRunId();
            long now = System.currentTimeMillis();
            List<Service.Param> params = new ArrayList<>();
            run.params().forEach((k, v) -> params.add(Service.Param.newBuilder().setKey(k)
                    .setValue(v.length() > MAX_PARAM_LENGTH ? v.substring(0, MAX_PARAM_LENGTH) : v).build()));
            List<Service.Metric> metrics = new ArrayList<>();
            run.metrics().forEach((k, v) -> {
                if (v != null && Double.isFinite(v)) {
                    metrics.add(Service.Metric.newBuilder().setKey(k).setValue(v).setTimestamp(now).setStep(0).build());
                }
            });
            List<Service.RunTag> tags = List.of(
                    Service.RunTag.newBuilder().setKey("csr.tenant").setValue(run.tenantId()).build(),
                    Service.RunTag.newBuilder().setKey("csr.kind").setValue(run.kind()).build(),
                    Service.RunTag.newBuilder().setKey("csr.version").setValue(run.version()).build());
            log(runId, List.of(), List.of(), tags);
            for (int i = 0; i < params.size(); i += BATCH) {
                log(runId, List.of(), params.subList(i, Math.min(params.size(), i + BATCH)), List.of());
            }
            for (int i = 0; i < metrics.size(); i += BATCH) {
                log(runId, metrics.subList(i, Math.min(metrics.size(), i + BATCH)), List.of(), List.of());
            }
            String artifactRoot = info.getArtifactUri();
            for (Map.Entry<String, byte[]> artifact : run.artifacts().entrySet()) {
                upload(artifactRoot, artifact.getKey(), artifact.getValue());
            }
            call(c -> {
                c.setTerminated(runId, Service.RunStatus.FINISHED, System.currentTimeMillis());
                return null;
            });
            return Optional.of(new TrackedRun(runId, experimentId,
                    trackingUri + "/#/experiments/" + experimentId + "/runs/" + runId));
        } catch (RuntimeException e) {
            throw new TrackingException("MLflow at " + trackingUri + " did not take the " + run.kind() + " run "
                    + run.version() + " of tenant " + run.tenantId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void crown(String tenantId, String kind, TrackedRun run) {
        String name = registeredModelName(tenantId, kind);
        try {
            if (!exists("registered-models/get?name=" + encode(name))) {
                call(c -> c.sendPost("registered-models/create", json(Map.of("name", name))));
            }
            String created = call(c -> c.sendPost("model-versions/create", json(Map.of("name", name, "source",
                    "runs:/" + run.runId() + "/model", "run_id", run.runId()))));
            JsonNode version = EventJson.MAPPER.readTree(created);
            call(c -> c.sendPost("registered-models/alias", json(Map.of("name", name, "alias", "champion",
                    "version", version.path("model_version").path("version").asText()))));
        } catch (IOException | RuntimeException e) {
            throw new TrackingException("MLflow at " + trackingUri + " did not register " + name + " run "
                    + run.runId() + ": " + e.getMessage(), e);
        }
    }

    private boolean exists(String path) {
        try {
            call(c -> c.sendGet(path));
            return true;
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("RESOURCE_DOES_NOT_EXIST")) {
                return false;
            }
            throw e;
        }
    }

    /** Puts a file into the run's artifacts through the server's artifact proxy. */
    private void upload(String artifactRoot, String name, byte[] bytes) {
        String prefix = "mlflow-artifacts:";
        if (!artifactRoot.startsWith(prefix)) {
            throw new IllegalStateException("the server stores artifacts at " + artifactRoot
                    + "; start it with --serve-artifacts so they go through it");
        }
        String path = artifactRoot.substring(prefix.length()).replaceFirst("^/+", "") + "/" + name;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(trackingUri + "/api/2.0/mlflow-artifacts/artifacts/" + path))
                    .timeout(timeout).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("artifact " + name + " refused: HTTP " + response.statusCode()
                        + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot upload artifact " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted uploading " + name, e);
        }
    }

    private void log(String runId, List<Service.Metric> metrics, List<Service.Param> params,
                     List<Service.RunTag> tags) {
        call(c -> {
            c.logBatch(runId, metrics, params, tags);
            return null;
        });
    }

    /**
     * One call to the server, given up after the timeout: the stuck client is closed (which closes its connections,
     * so the thread waiting on one is freed) and replaced.
     *
     * @throws IllegalStateException when the server did not answer in time
     */
    private <T> T call(Function<MlflowClient, T> request) {
        MlflowClient used = client;
        Future<T> answer = calls.submit(() -> request.apply(used));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            synchronized (this) {
                if (client == used) {
                    client = new MlflowClient(trackingUri);
                }
            }
            used.close();
            answer.cancel(true);
            throw new IllegalStateException("no answer within " + timeout.toSeconds() + " s (MLFLOW_HTTP_REQUEST_TIMEOUT)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for MLflow", e);
        }
    }

    private static String json(Map<String, ?> body) {
        return new String(EventJson.write(body), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
        calls.shutdownNow();
    }
}
