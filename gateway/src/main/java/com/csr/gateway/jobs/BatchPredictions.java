package com.csr.gateway.jobs;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.ids.Caller;
import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.models.ChurnPrediction;
import com.csr.contracts.models.LtvPrediction;
import com.csr.contracts.models.ModelKindName;
import com.csr.contracts.models.PredictRequest;
import com.csr.contracts.models.Prediction;
import com.csr.contracts.models.SegmentPrediction;
import com.csr.contracts.problems.InvalidRequestException;
import com.csr.contracts.problems.NotFoundException;
import com.csr.contracts.problems.TooManyRequestsException;
import com.csr.gateway.clients.ModelServices;
import com.csr.gateway.portfolio.scores.PortfolioStores;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.ArtifactStore;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.work.TenantTurns;
import com.csr.platform.metadata.PredictionJob;
import com.csr.platform.metadata.Tenant;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Batch predictions: every customer of a tenant, or a list of them, scored by the three models in the background,
 * {@value #CHUNK} customers per call, the progress recorded in the metadata store after each call; the result is a
 * CSV in the artifact store, one row per customer. A job the gateway was stopped in the middle of is marked failed
 * when it starts again (it has no key of the tenant's to go on with), so no job stays "running" for ever.
 */
@ApplicationScoped
public class BatchPredictions {

    private static final Logger LOG = Logger.getLogger(BatchPredictions.class);
    /** Customers per call to a model service. */
    static final int CHUNK = 500;
    /** Most customer ids one job may list. */
    public static final int MAX_LISTED = 100_000;
    /** How long a model service may take over one chunk. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String INTERRUPTED = "interrupted: the gateway stopped while the job ran; start it again";

    private final MetadataStore metadata;
    private final ArtifactStore artifacts;
    private final PortfolioStores stores;
    private final ModelServices models;
    /** Tenants take turns: a tenant's jobs run one at a time, other tenants' on the other threads. */
    private final TenantTurns worker;
    /** Jobs made before this are a stopped gateway's: {@link #failInterrupted} fails those left unfinished. */
    private final Instant startedAt;

    public BatchPredictions(MetadataStore metadata, PortfolioStores stores, ModelServices models,
                            ArtifactStore artifacts,
                            @ConfigProperty(name = "csr.gateway.batch.threads", defaultValue = "2") int threads,
                            @ConfigProperty(name = "csr.gateway.batch.max-waiting-per-tenant", defaultValue = "10")
                            int maxWaiting) {
        this.worker = new TenantTurns("batch-predictions", threads, maxWaiting);
        this.startedAt = Instant.now();
        this.metadata = metadata;
        this.stores = stores;
        this.models = models;
        this.artifacts = artifacts;
    }

    /**
     * Queues a job.
     *
     * @param customerIds the customers to score, or null for every customer of the tenant
     * @param modelId     the version to pin, or null for the serving ones
     * @throws InvalidRequestException  for an empty or too long list, a blank id, or an invalid model id
     * @throws TooManyRequestsException when the tenant already has the most jobs that may wait
     */
    public PredictionJob submit(Caller caller, List<String> customerIds, String modelId) {
        if (modelId != null && !RecordIds.isValid(modelId)) {
            throw new InvalidRequestException("model_id '" + modelId + "' is not a model version id");
        }
        List<String> listed = customerIds == null ? null : distinct(customerIds);
        worker.requireRoom(caller.tenantId());
        String jobId = "pred-" + ID_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(randomBytes());
        PredictionJob job = new PredictionJob(caller.tenantId(), jobId, PredictionJob.QUEUED,
                listed == null ? PredictionJob.ALL_CUSTOMERS : PredictionJob.LISTED_CUSTOMERS, modelId, 0, 0,
                Instant.now(), null, null, null);
        metadata.recordPredictionJob(job);
        worker.submit(caller.tenantId(), () -> run(caller, job, listed));
        return job;
    }

    /** The tenant's {@code limit} newest jobs, newest first. */
    public List<PredictionJob> jobs(String tenantId, int limit) {
        return metadata.latestPredictionJobs(tenantId, limit);
    }

    /** @throws NotFoundException when the tenant has no such job */
    public PredictionJob job(String tenantId, String jobId) {
        return Optional.ofNullable(RecordIds.isValid(jobId) ? jobId : null)
                .flatMap(id -> metadata.predictionJob(tenantId, id))
                .orElseThrow(() -> new NotFoundException("no prediction job " + jobId));
    }

    /** Where a finished job's CSV can be fetched without credentials for a while, when the store signs links. */
    public Optional<java.net.URI> downloadLink(PredictionJob job) {
        return artifacts.downloadLink(job.resultKey(), Duration.ofMinutes(15));
    }

    /** A finished job's CSV. */
    public byte[] csv(PredictionJob job) {
        return artifacts.get(job.resultKey()).orElseThrow(() -> new NotFoundException(
                "the CSV of prediction job " + job.jobId() + " is gone from the artifact store"));
    }

    private static List<String> distinct(List<String> ids) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new InvalidRequestException("customer_ids: a customer id is blank");
            }
            distinct.add(id.strip());
        }
        if (distinct.isEmpty()) {
            throw new InvalidRequestException("customer_ids is empty: list the customers, or send none to score all");
        }
        if (distinct.size() > MAX_LISTED) {
            throw new InvalidRequestException("a job may list at most " + MAX_LISTED + " customers, got "
                    + distinct.size());
        }
        return List.copyOf(distinct);
    }

    private void run(Caller caller, PredictionJob queued, List<String> listed) {
        PredictionJob job = queued;
        try {
            List<Row> rows = customers(caller.tenantId(), listed);
            job = job.running(rows.size());
            metadata.recordPredictionJob(job);
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                score(caller, chunk, job.modelId());
                job = job.progressed(from + chunk.size());
                metadata.recordPredictionJob(job);
            }
            String key = ArtifactLayout.predictions(job.tenantId(), job.jobId());
            artifacts.put(key, PredictionCsv.write(rows).getBytes(StandardCharsets.UTF_8));
            metadata.recordPredictionJob(job.finished(key, Instant.now()));
            LOG.infof("prediction job %s of tenant %s: %d customers scored", job.jobId(), job.tenantId(),
                    rows.size());
        } catch (RuntimeException e) {
            String reason = reason(e);
            LOG.warnf("prediction job %s of tenant %s failed: %s", job.jobId(), job.tenantId(), reason);
            try {
                metadata.recordPredictionJob(job.failed(reason, Instant.now()));
            } catch (RuntimeException storeDown) {
                LOG.errorf("prediction job %s: its failure could not be recorded either: %s", job.jobId(),
                        storeDown.getMessage());
            }
        }
    }

    /** The customers of the job, each with the features the gateway holds for it (none for an unknown id). */
    private List<Row> customers(String tenantId, List<String> listed) {
        if (listed == null) {
            return stores.features(tenantId).stream().sorted(Comparator.comparing(CustomerFeaturesUpdate::customerId))
                    .map(f -> new Row(f.customerId(), f)).toList();
        }
        List<Row> rows = new ArrayList<>(listed.size());
        for (String id : listed) {
            rows.add(new Row(id, stores.features(tenantId, id).orElse(null)));
        }
        return rows;
    }

    /** Scores the known customers of a chunk with the three models, filling in their rows. */
    private void score(Caller caller, List<Row> chunk, String modelId) {
        List<Row> known = chunk.stream().filter(r -> r.features != null).toList();
        if (known.isEmpty()) {
            return;
        }
        List<PredictRequest.Customer> customers = known.stream().map(row -> new PredictRequest.Customer(
                row.customerId, new LinkedHashMap<String, Object>(row.features.features()))).toList();
        // the platform's own features, taken as computed (a net spend may be negative, a sum carry float noise)
        PredictRequest body = new PredictRequest(null, null, customers, modelId, true);
        List<SegmentPrediction> segment = call(ModelKindName.SEGMENT, SegmentPrediction.class, caller, body);
        List<ChurnPrediction> churn = call(ModelKindName.CHURN, ChurnPrediction.class, caller, body);
        List<LtvPrediction> ltv = call(ModelKindName.LTV, LtvPrediction.class, caller, body);
        for (int i = 0; i < known.size(); i++) {
            known.get(i).scored(segment.get(i), churn.get(i), ltv.get(i));
        }
    }

    private <P extends Prediction> List<P> call(ModelKindName kind, Class<P> type, Caller caller,
                                                PredictRequest body) {
        List<P> answer = models.batch(kind, type, caller, body).await().atMost(CALL_TIMEOUT);
        if (answer.size() != body.customers().size()) {
            throw new IllegalStateException("the " + kind.code() + " service answered " + answer.size()
                    + " predictions for " + body.customers().size() + " customers");
        }
        return answer;
    }

    private static String reason(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w) {
            String detail = w.getResponse().hasEntity() ? w.getResponse().readEntity(String.class) : "";
            return "a model service answered " + w.getResponse().getStatus() + (detail.isBlank() ? "" : ": "
                    + detail);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** At start-up, on the worker (as a turn of its own): the jobs made before this gateway started. */
    void onStart(@Observes StartupEvent started) {
        worker.submit("(start-up)", () -> {
            try {
                failInterrupted();
            } catch (RuntimeException e) {
                LOG.warnf("interrupted prediction jobs could not be looked for: %s", e.getMessage());
            }
        });
    }

    /**
     * Fails the jobs a gateway that stopped left queued or running, so that their users know to start them again.
     *
     * @return how many
     */
    int failInterrupted() {
        int failed = 0;
        for (Tenant tenant : metadata.tenants()) {
            for (PredictionJob job : metadata.predictionJobs(tenant.tenantId())) {
                if (!job.hasEnded() && job.createdAt().isBefore(startedAt)) {
                    metadata.recordPredictionJob(job.failed(INTERRUPTED, Instant.now()));
                    failed++;
                }
            }
        }
        return failed;
    }

    void stop(@Observes ShutdownEvent stopping) {
        worker.close();
    }

    /** One customer of a job and, once scored, what the models said. */
    static final class Row {
        final String customerId;
        final CustomerFeaturesUpdate features;
        SegmentPrediction segment;
        ChurnPrediction churn;
        LtvPrediction ltv;

        Row(String customerId, CustomerFeaturesUpdate features) {
            this.customerId = customerId;
            this.features = features;
        }

        void scored(SegmentPrediction segment, ChurnPrediction churn, LtvPrediction ltv) {
            this.segment = segment;
            this.churn = churn;
            this.ltv = ltv;
        }
    }
}
