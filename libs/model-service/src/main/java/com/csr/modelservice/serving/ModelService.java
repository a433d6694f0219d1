package com.csr.modelservice.serving;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.Topics;
import com.csr.contracts.events.TrainingDataset;
import com.csr.domain.json.EventJson;
import com.csr.ml.tracking.ExperimentTracker.TrackingException;
import com.csr.modelservice.serving.ModelRegistry.ActiveModel;
import com.csr.platform.artifacts.ArtifactStoreUnavailableException;
import com.csr.platform.metadata.MetadataStoreException;
import com.csr.contracts.ids.TrainingRunIds;
import com.csr.platform.metadata.TrainingRun;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model service's work on Kafka, on the records' raw bytes: trains on published training sets, hot-swaps
 * published models of its kind, scores feature updates. A record that cannot be handled is logged in one line and
 * answered with nothing, so the channel goes on.
 */
public final class ModelService {

    private static final System.Logger LOG = System.getLogger(ModelService.class.getName());

    /** The waits before each retry of a training a store failed: one at 10 s, one a minute later. */
    public static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(60));

    private final ModelRegistry registry;
    private final List<Duration> retryDelays;

    public ModelService(ModelRegistry registry) {
        this(registry, RETRY_DELAYS);
    }

    /** @param retryDelays the wait before each retry of a training that failed because a store was unavailable */
    public ModelService(ModelRegistry registry, List<Duration> retryDelays) {
        this.registry = registry;
        this.retryDelays = List.copyOf(retryDelays);
    }

    public ModelKind kind() {
        return registry.kind();
    }

    /** True when at least one tenant has a model in service. */
    public boolean hasModels() {
        return registry.hasModels();
    }

    /**
     * Trains a model on a published {@link TrainingDataset}. A training that fails because a store (artifacts,
     * metadata, tracker) is unavailable is retried after each of the retry delays; one that still fails, or fails
     * for another reason, is recorded as a failed run with its reason. Nothing of it is ever active: the promotion is
     * the training's last write.
     *
     * @return first its {@link ModelPublished} for the channel's topic ({@code models.published}, keyed
     *         {@code tenant:kind}), then the new model's score of every customer of the training set for
     *         {@code customer.scores}; empty when the record is unreadable, its training set cannot be trained on,
     *         or the new model is not at least as good as the active one (it stays stored, inactive)
     */
    public List<OutgoingRecord> train(byte[] trainingDataset) {
        TrainingDataset dataset = null;
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        try {
            dataset = EventJson.read(trainingDataset, TrainingDataset.class);
            ModelRegistry.Trained trained = trainRetrying(dataset);
            ModelPublished published = trained.published();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.log(Level.INFO, () -> String.format("trained %s model %s for tenant %s in %d ms; %s: %s",
                    published.kind(), published.version(), published.tenantId(), took.toMillis(),
                    trained.verdict().promote() ? "promoted" : "NOT promoted, the active model stays",
                    trained.verdict().reason()));
            registry.listener().trained(kind(), trained.verdict().promote() ? "promoted" : "not_promoted", took);
            if (!trained.verdict().promote()) {
                return List.of();
            }
            List<OutgoingRecord> records = new ArrayList<>(trained.scores().size() + 1);
            records.add(OutgoingRecord.of(EventKeys.model(published.tenantId(), published.kind()),
                    EventJson.write(published), published.tenantId(), null));
            for (CustomerScore score : trained.scores()) {
                records.add(OutgoingRecord.to(Topics.CUSTOMER_SCORES, EventKeys.customer(score.tenantId(),
                        score.customerId()), EventJson.write(score), score.tenantId(), kind().code()));
            }
            return records;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "training set skipped: " + e.getMessage());
            registry.listener().trained(kind(), "failed", Duration.ofNanos(System.nanoTime() - started));
            recordFailure(dataset, startedAt, e);
            return List.of();
        }
    }

    private ModelRegistry.Trained trainRetrying(TrainingDataset dataset) {
        for (int attempt = 0; ; attempt++) {
            try {
                return registry.trainAndScore(dataset);
            } catch (ArtifactStoreUnavailableException | MetadataStoreException | TrackingException e) {
                if (attempt == retryDelays.size()) {
                    throw e;
                }
                Duration wait = retryDelays.get(attempt);
                LOG.log(Level.WARNING, String.format("training %s %s for tenant %s failed: %s; retry %d of %d in %d s",
                        kind().code(), dataset.datasetId(), dataset.tenantId(), e.getMessage(), attempt + 1,
                        retryDelays.size(), wait.toSeconds()));
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A training that failed is a failed run in the metadata store, with its reason (when the store can take it). */
    private void recordFailure(TrainingDataset dataset, Instant startedAt, RuntimeException e) {
        if (dataset == null || registry.metadata().isEmpty()) {
            return;
        }
        try {
            registry.metadata().get().recordRun(new TrainingRun(dataset.tenantId(),
                    TrainingRunIds.of(kind().code(), dataset.datasetId()), kind().code(), dataset.datasetId(), TrainingRun.FAILED, startedAt,
                    Instant.now(), Map.of(), Map.of(), null, String.valueOf(e.getMessage())));
        } catch (RuntimeException storeDown) {
            LOG.log(Level.ERROR, "the failed run could not be recorded either: " + storeDown.getMessage());
        }
    }

    /**
     * Makes a published model of this service's kind its tenant's active one; announcements of other kinds are not
     * this service's. A model that is refused (checksum, place) is logged as an error and the previous one stays.
     *
     * @return the model now serving the announced tenant; empty when the announcement was unreadable, of another
     *         kind, stale (the metadata store has made another version active since), or refused
     */
    public Optional<ActiveModel> activate(byte[] modelPublished) {
        ModelPublished published;
        try {
            published = EventJson.read(modelPublished, ModelPublished.class);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "model announcement skipped: " + e.getMessage());
            return Optional.empty();
        }
        if (!kind().code().equals(published.kind())) {
            return Optional.empty();
        }
        Optional<String> superseded = registry.supersededBy(published);
        if (superseded.isPresent()) {
            LOG.log(Level.INFO, () -> String.format("%s model %s of tenant %s skipped: %s is active since", kind().code(),
                    published.version(), published.tenantId(), superseded.get()));
            return Optional.empty();
        }
        try {
            Optional<ActiveModel> before = registry.active(published.tenantId());
            ActiveModel now = registry.activate(published);
            if (before.map(b -> b != now).orElse(true)) {
                LOG.log(Level.INFO, () -> String.format("%s model %s now serves tenant %s", published.kind(),
                        now.version(), published.tenantId()));
            }
            return Optional.of(now);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, () -> String.format(
                    "REFUSED %s model %s of tenant %s, the previous model stays active: %s", published.kind(),
                    published.version(), published.tenantId(), e.getMessage()));
            registry.listener().refused(kind(), published.tenantId());
            return Optional.empty();
        }
    }

    /**
     * Scores a {@link CustomerFeaturesUpdate} with its tenant's active model.
     *
     * @return its {@link CustomerScore} for {@code customer.scores}, keyed {@code tenant:customer} with the
     *         model-kind header; empty while the tenant has no model, or when the record is unreadable
     */
    public Optional<OutgoingRecord> score(byte[] featuresUpdate) {
        try {
            CustomerFeaturesUpdate update = EventJson.read(featuresUpdate, CustomerFeaturesUpdate.class);
            Optional<CustomerScore> score = registry.score(update);
            if (score.isEmpty()) {
                LOG.log(Level.DEBUG, () -> String.format("no %s model for tenant %s yet: update skipped",
                        kind().code(), update.tenantId()));
                return Optional.empty();
            }
            return Optional.of(OutgoingRecord.of(EventKeys.customer(update.tenantId(), update.customerId()),
                    EventJson.write(score.get()), update.tenantId(), kind().code()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "feature update skipped: " + e.getMessage());
            return Optional.empty();
        }
    }
}
