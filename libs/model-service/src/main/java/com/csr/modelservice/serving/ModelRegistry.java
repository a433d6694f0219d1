package com.csr.modelservice.serving;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.TrainingDataset;
import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.ids.TrainingRunIds;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.json.EventJson;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.training.TrainingData;
import com.csr.domain.training.TrainingDataFiles;
import com.csr.ml.tracking.ExperimentTracker;
import com.csr.ml.tracking.RunParameters;
import com.csr.ml.tracking.TrainingRunRecord;
import com.csr.ml.tribuo.ModelFiles;
import com.csr.platform.artifacts.ArtifactFolder;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.ArtifactStore;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.ModelVersion;
import com.csr.platform.metadata.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models of one kind a service holds, one active per tenant: trains on a published training set, loads a
 * published model (checking its checksum) and swaps it in atomically, and scores. Every instance of a service
 * activates every published model, so all serve the same version.
 */
public final class ModelRegistry {

    private static final System.Logger LOG = System.getLogger(ModelRegistry.class.getName());

    static final String CARD = "model.json";
    private static final String EVALUATION = "evaluation";
    /** Among a model's metrics: the last date of the data it was trained on. */
    static final String AS_OF = "as_of";

    private final ModelKind kind;
    private final ArtifactStore artifacts;
    private final long seed;
    private final ExperimentTracker tracker;
    private final MetadataStore metadata;
    private final Listener listener;
    private final Map<String, ActiveModel> active = new ConcurrentHashMap<>();
    /** When the metadata store was last asked for a tenant it had no active model for (epoch millis). */
    private final Map<String, Long> notInStore = new ConcurrentHashMap<>();

    /**
     * What a registry and its {@link ModelService} tell about their work as it happens, for a service's metrics
     * (each service wires {@link ServingMetrics}, the tests none, so the registry itself needs no metrics library).
     * Called on the thread doing the work: an implementation must be quick and must not throw.
     */
    public interface Listener {

        /** Tells nothing to no one. */
        Listener NONE = new Listener() {
        };

        /** The outcomes of a training: its model promoted, its model not as good as the active one, or no model. */
        List<String> OUTCOMES = List.of("promoted", "not_promoted", "failed");

        /** A training came to an end after {@code took}, retries included, with one of the {@link #OUTCOMES}. */
        default void trained(ModelKind kind, String outcome, Duration took) {
        }

        /** {@code version} now serves {@code tenantId}. */
        default void activated(ModelKind kind, String tenantId, String version) {
        }

        /** A published model was refused (checksum, place); the tenant's previous model stays. */
        default void refused(ModelKind kind, String tenantId) {
        }

        /** {@code customers} were scored, {@code via} {@code http} (a request) or {@code kafka} (a feature update). */
        default void scored(ModelKind kind, String via, int customers) {
        }
    }

    public ModelRegistry(ModelKind kind, ArtifactStore artifacts, long seed) {
        this(kind, artifacts, seed, ExperimentTracker.NONE, null);
    }

    /**
     * A registry that records every training run with {@code tracker} and, unless {@code metadata} is null, its
     * run and model version in the metadata store, where promotion happens.
     */
    public ModelRegistry(ModelKind kind, ArtifactStore artifacts, long seed, ExperimentTracker tracker,
                         MetadataStore metadata) {
        this(kind, artifacts, seed, tracker, metadata, Listener.NONE);
    }

    /** A registry like the one above, telling {@code listener} what it does. */
    public ModelRegistry(ModelKind kind, ArtifactStore artifacts, long seed, ExperimentTracker tracker,
                         MetadataStore metadata, Listener listener) {
        this.kind = kind;
        this.artifacts = artifacts;
        this.seed = seed;
        this.tracker = tracker;
        this.metadata = metadata;
        this.listener = listener;
    }

    /** Who is told what this registry does ({@link Listener#NONE} unless one was given). */
    public Listener listener() {
        return listener;
    }

    /** The metadata store, when there is one. */
    public Optional<MetadataStore> metadata() {
        return Optional.ofNullable(metadata);
    }

    /**
     * A model in service.
     *
     * @param model     the model
     * @param version   its version (the training set's id)
     * @param trainedAt ISO instant
     * @param datasetId what it was trained on
     * @param metrics   out-of-time metrics
     */
    public record ActiveModel(TrainedModel model, String version, String trainedAt, String datasetId,
                              Map<String, Object> metrics, Map<String, Object> evaluation) {
    }

    public ModelKind kind() {
        return kind;
    }

    /** Trains on a published training set, saves the model beside its card, and says what to publish. */
    public ModelPublished train(TrainingDataset dataset) {
        return trainAndScore(dataset).published();
    }

    /**
     * A freshly trained model and its scores of every customer of the training set as of its as-of date: published
     * with the model, so the portfolio views have the new model's answers without waiting for each customer's next
     * transaction.
     *
     * @param published what to announce on {@code models.published}, if the verdict promotes it
     * @param scores    one per customer scored as of the as-of date
     * @param verdict   whether the new model replaces the tenant's active one, and why
     */
    public record Trained(ModelPublished published, List<CustomerScore> scores, ChampionChallenge.Verdict verdict) {
    }

    /** Trains like {@link #train}, and scores the training set's customers as of its as-of date. */
    public Trained trainAndScore(TrainingDataset dataset) {
        Instant started = Instant.now();
        String data = ArtifactLayout.inTenant(dataset.tenantId(), artifacts.keyOf(dataset.uri()));
        String[] dataHash = new String[1];
        TrainingData trainingData = ArtifactFolder.read(artifacts, data, (directory, manifest) -> {
            dataHash[0] = ArtifactFolder.sha256(EventJson.write(manifest));
            return TrainingDataFiles.read(directory);
        });
        TrainedModel model = kind.train(trainingData, seed);
        String version = dataset.datasetId();
        String trainedAt = Instant.now().toString();
        Map<String, Object> metrics = new LinkedHashMap<>(model.metrics());
        metrics.put(AS_OF, trainingData.asOf().toString());
        ChampionChallenge.Verdict verdict = ChampionChallenge.judge(kind, model, trainingData.asOf(),
                active(dataset.tenantId()).map(ModelRegistry::champion), trainingData.later());
        String folder = ArtifactLayout.model(dataset.tenantId(), kind.code(), version);
        ArtifactFolder.Manifest manifest = ArtifactFolder.write(artifacts, folder, directory -> {
            model.save(directory);
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("kind", kind.code());
            card.put("version", version);
            card.put("dataset_id", dataset.datasetId());
            card.put("trained_at", trainedAt);
            card.put("metrics", metrics);
            if (!model.evaluation().isEmpty()) {
                card.put(EVALUATION, model.evaluation());
            }
            ModelFiles.saveCard(card, directory.resolve(CARD));
        });
        String sha256 = manifest.files().get(kind.modelFile());
        ModelPublished published = new ModelPublished(dataset.tenantId(), kind.code(), version,
                artifacts.uri(folder), sha256, dataset.datasetId(), trainedAt, metrics);
        // every store is written before the promotion, which comes last: a store failing fails the training
        // before anything changed what serves, and a retry starts over cleanly
        Map<String, String> params = parameters(dataset, trainingData, dataHash[0], model, verdict);
        Optional<ExperimentTracker.TrackedRun> run = track(dataset, params, model, folder, manifest);
        if (metadata != null) {
            metadata.recordRun(new TrainingRun(dataset.tenantId(), TrainingRunIds.of(kind.code(), version),
                    kind.code(), dataset.datasetId(), TrainingRun.FINISHED, started, Instant.now(), params,
                    RunParameters.metrics(model.metrics()), run.map(ExperimentTracker.TrackedRun::runId).orElse(null),
                    null));
        }
        verdict = settle(published, verdict);
        if (verdict.promote()) {
            run.ifPresent(r -> crown(dataset.tenantId(), r));
        }
        ActiveModel trained = new ActiveModel(model, version, trainedAt, dataset.datasetId(), metrics,
                model.evaluation());
        List<LabelledCustomer> customers = trainingData.scoring().rows();
        List<Score> scores = model.scoreAll(customers.stream().map(LabelledCustomer::features).toList());
        List<CustomerScore> events = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            events.add(toEvent(dataset.tenantId(), customers.get(i).customerId(), trainingData.asOf().toString(),
                    trained, scores.get(i)));
        }
        return new Trained(published, List.copyOf(events), verdict);
    }

    private static ChampionChallenge.Champion champion(ActiveModel active) {
        Object asOf = active.metrics().get(AS_OF);
        return new ChampionChallenge.Champion(active.model(), asOf == null ? null : java.time.LocalDate.parse(
                asOf.toString()), active.metrics());
    }

    /**
     * Registers the new version in the metadata store and, when the verdict promotes it, makes it the active one
     * there — only if the active one is still the champion it was judged against (compare-and-set), so two trainings
     * finishing together cannot both win. Without a metadata store the verdict stands as it is.
     */
    private ChampionChallenge.Verdict settle(ModelPublished published, ChampionChallenge.Verdict verdict) {
        if (metadata == null) {
            return verdict;
        }
        String tenant = published.tenantId();
        Map<String, Double> figures = RunParameters.metrics(published.metrics());
        if (published.version().equals(metadata.activeVersion(tenant, kind.code()).orElse(null))) {
            // the training set again, after an attempt that was promoted but stopped before its announcement was
            // committed (a crash, an aborted transaction): the version stays active, with this attempt's files
            metadata.registerModelVersion(new ModelVersion(tenant, kind.code(), published.version(), published.uri(),
                    published.sha256(), figures, Instant.now(), ModelVersion.ACTIVE, null));
            return new ChampionChallenge.Verdict(true, verdict.metric(), verdict.challenger(), verdict.champion(),
                    "promoted by an earlier attempt at this training set, which stopped before announcing it");
        }
        metadata.registerModelVersion(new ModelVersion(tenant, kind.code(), published.version(), published.uri(),
                published.sha256(), figures, Instant.now(), ModelVersion.REGISTERED,
                verdict.promote() ? null : verdict.reason()));
        if (!verdict.promote()) {
            return verdict;
        }
        String judgedAgainst = active(tenant).map(ActiveModel::version).orElse(null);
        if (metadata.promote(tenant, kind.code(), published.version(), judgedAgainst)) {
            return verdict;
        }
        ChampionChallenge.Verdict lost = new ChampionChallenge.Verdict(false, verdict.metric(), verdict.challenger(),
                verdict.champion(), "another version became active while this one trained (was "
                + judgedAgainst + ", now " + metadata.activeVersion(tenant, kind.code()).orElse(null) + ")");
        metadata.registerModelVersion(new ModelVersion(tenant, kind.code(), published.version(), published.uri(),
                published.sha256(), figures, Instant.now(), ModelVersion.REGISTERED, lost.reason()));
        return lost;
    }

    /** What a run is recorded with: the data, the settings, the model's provenance, the verdict. */
    private Map<String, String> parameters(TrainingDataset dataset, TrainingData data, String dataHash,
                                           TrainedModel model, ChampionChallenge.Verdict verdict) {
        Map<String, String> params = new java.util.TreeMap<>(RunParameters.provenance(model.tribuoModel()));
        params.put("kind", kind.code());
        params.put("version", dataset.datasetId());
        params.put("dataset_id", dataset.datasetId());
        params.put("dataset_uri", dataset.uri());
        params.put("data_sha256", dataHash);
        params.put("seed", String.valueOf(seed));
        params.put("as_of", data.asOf().toString());
        params.put("horizon_days", String.valueOf(data.horizon().days()));
        params.put("cutoff.earlier", String.valueOf(data.earlier().cutoff()));
        params.put("cutoff.later", String.valueOf(data.later().cutoff()));
        params.put("cutoff.latest", String.valueOf(data.latest().cutoff()));
        params.put("customers", String.valueOf(data.scoring().size()));
        params.put("promoted", String.valueOf(verdict.promote()));
        params.put("verdict", verdict.reason());
        return params;
    }

    /**
     * Records the run with the tracker (nothing when none is set) and, when it was promoted, crowns its model
     * champion. A tracker that cannot take the run fails the training, before anything is published.
     */
    private Optional<ExperimentTracker.TrackedRun> track(TrainingDataset dataset, Map<String, String> params,
                                                         TrainedModel model, String folder,
                                                         ArtifactFolder.Manifest manifest) {
        if (tracker == ExperimentTracker.NONE) {
            return Optional.empty();
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : manifest.files().keySet()) {
            files.put(name, artifacts.get(folder + name).orElseThrow());
        }
        return tracker.record(new TrainingRunRecord(dataset.tenantId(), kind.code(), dataset.datasetId(), params,
                RunParameters.metrics(model.metrics()), files));
    }

    /**
     * Marks the promoted model's run as the champion in the tracker. The promotion has happened by then, so the
     * tracker failing here is logged, not thrown: the model serves; the tracker's alias lags until the next
     * promotion.
     */
    private void crown(String tenantId, ExperimentTracker.TrackedRun run) {
        try {
            tracker.crown(tenantId, kind.code(), run);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the " + kind.code() + " model of run " + run.runId()
                    + " serves, but the tracker did not mark it champion: " + e.getMessage());
        }
    }

    /**
     * Loads a published model and makes it the tenant's active one, unless that version is already active.
     *
     * @throws IllegalArgumentException when the model is of another kind or outside the tenant's artifacts
     * @throws ArtifactFolder.TamperedArtifactException when a stored file does not match its manifest, or the
     *                                                  model file not the published checksum
     * @throws ArtifactFolder.MissingArtifactException  when the model's folder is incomplete
     */
    public ActiveModel activate(ModelPublished published) {
        if (!kind.code().equals(published.kind())) {
            throw new IllegalArgumentException("a " + published.kind() + " model cannot serve as " + kind.code());
        }
        ActiveModel current = active.get(published.tenantId());
        if (current != null && current.version().equals(published.version())) {
            return current;
        }
        ActiveModel next = load(published);
        active.put(published.tenantId(), next);
        listener.activated(kind, published.tenantId(), next.version());
        return next;
    }

    /** Reads a published model from the artifact store, checking its files and its checksum. */
    private ActiveModel load(ModelPublished published) {
        String folder = ArtifactLayout.inTenant(published.tenantId(), artifacts.keyOf(published.uri()));
        return ArtifactFolder.read(artifacts, folder, (directory, manifest) -> {
            String sha256 = manifest.files().get(kind.modelFile());
            if (!published.sha256().equals(sha256)) {
                throw new ArtifactFolder.TamperedArtifactException("refusing " + kind.code() + " model "
                        + published.version() + " of tenant " + published.tenantId() + ": its file's SHA-256 "
                        + sha256 + " does not match the published " + published.sha256());
            }
            return new ActiveModel(kind.load(directory), published.version(), published.trainedAt(),
                    published.datasetId(), published.metrics() == null ? Map.of() : published.metrics(),
                    evaluationIn(directory));
        });
    }

    /** The evaluation kept in a model folder's card; empty for a card without one (models trained before it). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> evaluationIn(Path directory) {
        Path card = directory.resolve(CARD);
        if (!Files.exists(card)) {
            return Map.of();
        }
        return ModelFiles.loadCard(card).get(EVALUATION) instanceof Map<?, ?> evaluation
                ? (Map<String, Object>) evaluation : Map.of();
    }

    /**
     * The model this instance has swapped in for the tenant. Training judges a new model against it and promotes
     * against it; to score, use {@link #serving}.
     */
    public Optional<ActiveModel> active(String tenantId) {
        return Optional.ofNullable(active.get(tenantId));
    }

    /** How long a tenant the metadata store had no active model for is not asked about again. */
    static final long STORE_RECHECK_MILLIS = 5_000;

    /**
     * The model that scores the tenant's customers: the one swapped in or, when this instance has none yet but the
     * metadata store says a version is active, that version, loaded and swapped in now. So an instance that has just
     * started scores the feature updates it reads before it has replayed {@code models.published} instead of
     * skipping them. Only scoring asks the store: training judges and promotes against what this instance has
     * swapped in, and the store's compare-and-set settles races. A tenant the store has no active model for is asked
     * again after {@link #STORE_RECHECK_MILLIS}.
     */
    public Optional<ActiveModel> serving(String tenantId) {
        ActiveModel current = active.get(tenantId);
        return current != null || metadata == null ? Optional.ofNullable(current) : fromStore(tenantId);
    }

    private Optional<ActiveModel> fromStore(String tenantId) {
        long now = System.currentTimeMillis();
        Long askedAt = notInStore.get(tenantId);
        if (askedAt != null && now - askedAt < STORE_RECHECK_MILLIS) {
            return Optional.empty();
        }
        try {
            Optional<ModelVersion> version = metadata.activeVersion(tenantId, kind.code())
                    .flatMap(v -> metadata.modelVersion(tenantId, kind.code(), v));
            if (version.isEmpty()) {
                notInStore.put(tenantId, now);
                return Optional.empty();
            }
            ModelVersion v = version.get();
            LOG.log(System.Logger.Level.INFO, () -> String.format("%s model %s of tenant %s loaded from the metadata"
                    + " store before its announcement was read", kind.code(), v.version(), tenantId));
            return Optional.of(activate(published(v)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot load the active " + kind.code() + " model of tenant "
                    + tenantId + " from the metadata store: " + e.getMessage());
            notInStore.put(tenantId, now);
            return Optional.empty();
        }
    }

    /**
     * The version that, by the metadata store, replaced an announced one: present when the announcement is stale — the
     * store registered the announced version but another is active now (an instance replaying
     * {@code models.published} after a restart reads every announcement again, the old ones first). Empty when the
     * announced version is the active one, unknown to the store (then its checksum decides), or the store cannot be
     * asked.
     */
    public Optional<String> supersededBy(ModelPublished published) {
        if (metadata == null) {
            return Optional.empty();
        }
        try {
            Optional<String> activeNow = metadata.activeVersion(published.tenantId(), kind.code());
            if (activeNow.isEmpty() || activeNow.get().equals(published.version())
                    || metadata.modelVersion(published.tenantId(), kind.code(), published.version()).isEmpty()) {
                return Optional.empty();
            }
            return activeNow;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot ask the metadata store whether " + kind.code() + " model "
                    + published.version() + " is still active: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A version registered in the metadata store, as its announcement would have said it. */
    private static ModelPublished published(ModelVersion v) {
        return new ModelPublished(v.tenantId(), v.modelKind(), v.version(), v.artifactUri(), v.sha256(), v.version(),
                v.createdAt().toString(), Map.copyOf(v.metrics()));
    }

    /** How many versions other than its serving one an instance keeps loaded per tenant, unless told otherwise. */
    static final int PINNED_VERSIONS_KEPT = 2;

    /** Per tenant, the versions its requests pinned, the least recently used first; guarded by the map itself. */
    private final Map<String, Map<String, ActiveModel>> pinned = new ConcurrentHashMap<>();
    private volatile int pinnedPerTenant = PINNED_VERSIONS_KEPT;

    /** How many pinned versions to keep loaded per tenant ({@code csr.pinned-per-tenant}). */
    public ModelRegistry keepingPinnedPerTenant(int versions) {
        if (versions < 1) {
            throw new IllegalArgumentException("keep at least one pinned version per tenant");
        }
        this.pinnedPerTenant = versions;
        return this;
    }

    /**
     * One of the tenant's trained versions, serving or not, for a request that pins it: the serving model when it is
     * that version, else the version the metadata store registered for the tenant, loaded from the artifact store
     * (checksum checked) and kept among the tenant's last few used. Each tenant has its own few: a tenant cycling
     * through its versions evicts only its own, and its requests for a version not loaded wait for one load, while
     * other tenants' do not wait. Empty when the tenant has no such version (another tenant's are not looked at).
     *
     * @throws IllegalArgumentException when {@code version} is not a valid version id
     */
    public Optional<ActiveModel> version(String tenantId, String version) {
        RecordIds.require("model version", version);
        Optional<ActiveModel> serving = serving(tenantId);
        if (serving.isPresent() && serving.get().version().equals(version)) {
            return serving;
        }
        if (metadata == null) {
            return Optional.empty();
        }
        Map<String, ActiveModel> tenants = pinned.computeIfAbsent(tenantId, t -> new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ActiveModel> eldest) {
                return size() > pinnedPerTenant;
            }
        });
        synchronized (tenants) {
            ActiveModel kept = tenants.get(version);
            if (kept != null) {
                return Optional.of(kept);
            }
            Optional<ModelVersion> stored = metadata.modelVersion(tenantId, kind.code(), version);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            ActiveModel loaded = load(published(stored.get()));
            tenants.put(version, loaded);
            return Optional.of(loaded);
        }
    }

    /** True when at least one tenant has a model in service. */
    public boolean hasModels() {
        return !active.isEmpty();
    }

    /** Scores a feature update with the tenant's active model; empty when the tenant has none yet. */
    public Optional<CustomerScore> score(CustomerFeaturesUpdate update) {
        Optional<CustomerScore> score = serving(update.tenantId()).map(m -> toEvent(update.tenantId(),
                update.customerId(), update.asOf(), m,
                m.model().score(FeatureVectors.fromComputed(update.features()))));
        if (score.isPresent()) {
            listener.scored(kind, "kafka", 1);
        }
        return score;
    }

    /** The event form of a score. */
    public CustomerScore toEvent(String tenantId, String customerId, String asOf, ActiveModel model, Score score) {
        return new CustomerScore(tenantId, customerId, kind.code(), model.version(), asOf,
                score.persona() == null ? null : score.persona().segmentId(),
                score.persona() == null ? null : score.persona().displayName(), score.churnProbability(),
                score.predictedLtv());
    }

    /** Scores features with the tenant's active model. */
    public Optional<Score> score(String tenantId, CustomerFeatures features) {
        return serving(tenantId).map(m -> m.model().score(features));
    }
}
