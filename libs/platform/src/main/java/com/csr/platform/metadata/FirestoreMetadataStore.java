package com.csr.platform.metadata;

import com.csr.contracts.ids.CurrencyCodes;
import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.ids.TenantIds;
import com.csr.contracts.problems.NotFoundException;
import com.google.api.core.ApiFuture;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.Transaction;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The metadata store in Google Firestore (or its emulator). Every record is a document under its tenant:
 * {@code tenants/{t}}, {@code tenants/{t}/apiKeys/{keyId}}, {@code tenants/{t}/files/{fileId}},
 * {@code tenants/{t}/runs/{runId}}, {@code tenants/{t}/predictionJobs/{jobId}},
 * {@code tenants/{t}/models/{kind}/versions/{version}},
 * {@code tenants/{t}/active/{kind}} (the version in service) and {@code tenants/{t}/notifications/{id}} (claimed). A key is found by its hash through the top-level
 * {@code apiKeyHashes/{sha256}} → {@code {tenantId, keyId}}. Writes that check before they write (a new tenant or
 * key, a model version's status, a promotion, a notification's claim) are Firestore transactions. Lists read the tenant's collection and
 * sort it here, so no composite index has to be deployed.
 */
public final class FirestoreMetadataStore implements MetadataStore {

    /** How long one call to Firestore may take, its own retries included: a store that long silent is down. */
    private static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(30);

    private static final String TENANTS = "tenants";
    private static final String API_KEY_HASHES = "apiKeyHashes";
    private static final String MODELS = "models";
    private static final String VERSIONS = "versions";
    private static final String ACTIVE = "active";
    private static final String NOTIFICATIONS = "notifications";

    /** A collection of records kept under a tenant by one id. */
    private record Kept<T>(String collection, String what, Function<DocumentSnapshot, T> from, Comparator<T> order) {
    }

    private static final Kept<ApiKey> API_KEYS = new Kept<>("apiKeys", "API key",
            FirestoreMetadataStore::apiKeyFrom, ListOrder.KEYS_OLDEST_FIRST);
    private static final Kept<FileRecord> FILES = new Kept<>("files", "file",
            FirestoreMetadataStore::fileFrom, ListOrder.FILES_OLDEST_FIRST);
    private static final Kept<TrainingRun> RUNS = new Kept<>("runs", "run",
            FirestoreMetadataStore::runFrom, ListOrder.RUNS_NEWEST_FIRST);
    private static final Kept<PredictionJob> JOBS = new Kept<>("predictionJobs", "prediction job",
            FirestoreMetadataStore::jobFrom, ListOrder.JOBS_NEWEST_FIRST);

    private final Firestore db;
    private final String projectId;

    /** Connects lazily: nothing is sent until the first call. */
    public FirestoreMetadataStore(FirestoreOptions options) {
        this.db = options.getService();
        this.projectId = options.getProjectId();
    }

    public String projectId() {
        return projectId;
    }

    @Override
    public Tenant createTenant(Tenant tenant) {
        String tenantId = tenant.tenantId();
        DocumentReference doc = tenantDoc(tenantId);
        return transaction("create tenant " + tenantId, tx -> {
            if (tx.get(doc).get().exists()) {
                throw MetadataConflictException.tenantExists(tenantId);
            }
            tx.create(doc, fields(tenant));
            return tenant;
        });
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return read("read tenant " + tenantId, tenantDoc(tenantId), FirestoreMetadataStore::tenantFrom);
    }

    @Override
    public Optional<Tenant> setCurrency(String tenantId, String currency) {
        DocumentReference doc = tenantDoc(tenantId);
        String code = CurrencyCodes.optional(currency);
        return transaction("set the currency of tenant " + tenantId, tx -> {
            DocumentSnapshot tenant = tx.get(doc).get();
            if (!tenant.exists()) {
                return Optional.empty();
            }
            tx.update(doc, "currency", code);
            return Optional.of(tenantFrom(tenant).withCurrency(code));
        });
    }

    @Override
    public Optional<Tenant> setNotifications(String tenantId, NotificationSettings settings) {
        DocumentReference doc = tenantDoc(tenantId);
        return transaction("set the notifications of tenant " + tenantId, tx -> {
            DocumentSnapshot tenant = tx.get(doc).get();
            if (!tenant.exists()) {
                return Optional.empty();
            }
            Tenant notified = tenantFrom(tenant).withNotifications(settings);
            tx.update(doc, "notifications", NotificationSettings.toFields(notified.notifications()));
            return Optional.of(notified);
        });
    }

    @Override
    public boolean claimNotification(String tenantId, String notificationId, Instant at) {
        DocumentReference doc = tenantDoc(tenantId).collection(NOTIFICATIONS)
                .document(RecordIds.require("notification id", notificationId));
        Timestamp claimedAt = timestamp(RecordValues.time("claim time", at));
        return transaction("claim notification " + notificationId + " of tenant " + tenantId, tx -> {
            if (tx.get(doc).get().exists()) {
                return false;
            }
            tx.create(doc, Map.of("claimedAt", claimedAt));
            return true;
        });
    }

    @Override
    public List<Tenant> tenants() {
        return list("list tenants", db.collection(TENANTS), FirestoreMetadataStore::tenantFrom, ListOrder.TENANTS);
    }

    @Override
    public void addApiKey(ApiKey key) {
        DocumentReference keyDoc = doc(API_KEYS, key.tenantId(), key.keyId());
        DocumentReference hashDoc = db.collection(API_KEY_HASHES).document(key.sha256Hex());
        transaction("add API key " + key.keyId() + " of tenant " + key.tenantId(), tx -> {
            if (tx.get(keyDoc).get().exists()) {
                throw MetadataConflictException.keyIdTaken(key);
            }
            if (tx.get(hashDoc).get().exists()) {
                throw MetadataConflictException.keyHashTaken(key);
            }
            tx.create(keyDoc, fields(key));
            tx.create(hashDoc, Map.of("tenantId", key.tenantId(), "keyId", key.keyId()));
            return null;
        });
    }

    @Override
    public Optional<ApiKey> apiKeyByHash(String sha256Hex) {
        RecordValues.sha256Hex("key hash", sha256Hex);
        String what = "look up an API key";
        DocumentSnapshot entry = await(what, db.collection(API_KEY_HASHES).document(sha256Hex).get());
        if (!entry.exists()) {
            return Optional.empty();
        }
        return read(what, doc(API_KEYS, entry.getString("tenantId"), entry.getString("keyId")), API_KEYS.from())
                .filter(key -> key.sha256Hex().equals(sha256Hex));
    }

    @Override
    public List<ApiKey> apiKeys(String tenantId) {
        return all(API_KEYS, tenantId);
    }

    @Override
    public boolean revokeApiKey(String tenantId, String keyId, Instant at) {
        DocumentReference doc = doc(API_KEYS, tenantId, keyId);
        Timestamp revokedAt = timestamp(RecordValues.time("revocation time", at));
        return transaction("revoke API key " + keyId + " of tenant " + tenantId, tx -> {
            DocumentSnapshot key = tx.get(doc).get();
            if (!key.exists()) {
                return false;
            }
            if (key.getTimestamp("revokedAt") == null) {
                tx.update(doc, "revokedAt", revokedAt);
            }
            return true;
        });
    }

    @Override
    public void recordFile(FileRecord f) {
        await("record file " + f.fileId() + " of tenant " + f.tenantId(),
                doc(FILES, f.tenantId(), f.fileId()).set(fields(f)));
    }

    @Override
    public Optional<FileRecord> file(String tenantId, String fileId) {
        return byId(FILES, tenantId, fileId);
    }

    @Override
    public List<FileRecord> files(String tenantId) {
        return all(FILES, tenantId);
    }

    @Override
    public void recordRun(TrainingRun r) {
        await("record run " + r.runId() + " of tenant " + r.tenantId(),
                doc(RUNS, r.tenantId(), r.runId()).set(fields(r)));
    }

    @Override
    public Optional<TrainingRun> run(String tenantId, String runId) {
        return byId(RUNS, tenantId, runId);
    }

    @Override
    public List<TrainingRun> runs(String tenantId) {
        return all(RUNS, tenantId);
    }

    @Override
    public List<TrainingRun> runsEndedAfter(String tenantId, Instant since) {
        return endedAfter(RUNS, tenantId, since);
    }

    @Override
    public List<TrainingRun> latestRuns(String tenantId, int limit) {
        return latest(RUNS, "startedAt", tenantId, limit);
    }

    @Override
    public void recordPredictionJob(PredictionJob j) {
        await("record prediction job " + j.jobId() + " of tenant " + j.tenantId(),
                doc(JOBS, j.tenantId(), j.jobId()).set(fields(j)));
    }

    @Override
    public Optional<PredictionJob> predictionJob(String tenantId, String jobId) {
        return byId(JOBS, tenantId, jobId);
    }

    @Override
    public List<PredictionJob> predictionJobs(String tenantId) {
        return all(JOBS, tenantId);
    }

    @Override
    public List<PredictionJob> predictionJobsEndedAfter(String tenantId, Instant since) {
        return endedAfter(JOBS, tenantId, since);
    }

    @Override
    public List<PredictionJob> latestPredictionJobs(String tenantId, int limit) {
        return latest(JOBS, "createdAt", tenantId, limit);
    }

    @Override
    public void registerModelVersion(ModelVersion v) {
        DocumentReference activeDoc = activeDoc(v.tenantId(), v.modelKind());
        DocumentReference doc = versionDocs(v.tenantId(), v.modelKind()).document(v.version());
        transaction("register " + v.modelKind() + " model " + v.version() + " of tenant " + v.tenantId(), tx -> {
            v.requireStatusAgreesWith(tx.get(activeDoc).get().getString("version"));
            tx.set(doc, fields(v));
            return null;
        });
    }

    @Override
    public Optional<ModelVersion> modelVersion(String tenantId, String modelKind, String version) {
        return read("read " + modelKind + " model " + version + " of tenant " + tenantId,
                versionDocs(tenantId, modelKind).document(RecordIds.require("model version", version)),
                FirestoreMetadataStore::versionFrom);
    }

    @Override
    public List<ModelVersion> modelVersions(String tenantId, String modelKind) {
        return list("list the " + modelKind + " models of tenant " + tenantId, versionDocs(tenantId, modelKind),
                FirestoreMetadataStore::versionFrom, ListOrder.VERSIONS_NEWEST_FIRST);
    }

    @Override
    public boolean promote(String tenantId, String modelKind, String version, String expectedActive) {
        DocumentReference activeDoc = activeDoc(tenantId, modelKind);
        CollectionReference versions = versionDocs(tenantId, modelKind);
        DocumentReference doc = versions.document(RecordIds.require("model version", version));
        return transaction("promote " + modelKind + " model " + version + " of tenant " + tenantId, tx -> {
            if (!tx.get(doc).get().exists()) {
                throw ModelVersion.notRegistered(tenantId, modelKind, version);
            }
            String active = tx.get(activeDoc).get().getString("version");
            if (!Objects.equals(active, expectedActive)) {
                return false;
            }
            if (version.equals(active)) {
                return true;
            }
            if (active != null) {
                DocumentReference previous = versions.document(active);
                if (tx.get(previous).get().exists()) {
                    tx.update(previous, "status", ModelVersion.RETIRED);
                }
            }
            tx.update(doc, "status", ModelVersion.ACTIVE);
            tx.set(activeDoc, Map.of("version", version));
            return true;
        });
    }

    @Override
    public Optional<String> activeVersion(String tenantId, String modelKind) {
        return read("read the active " + modelKind + " model of tenant " + tenantId, activeDoc(tenantId, modelKind),
                snapshot -> snapshot.getString("version"));
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (Exception e) {
            throw new MetadataStoreException("cannot close the Firestore client of project " + projectId, e);
        }
    }

    private DocumentReference tenantDoc(String tenantId) {
        return db.collection(TENANTS).document(TenantIds.require(tenantId));
    }

    private DocumentReference doc(Kept<?> kept, String tenantId, String id) {
        return tenantDoc(tenantId).collection(kept.collection()).document(RecordIds.require(kept.what() + " id", id));
    }

    private <T> Optional<T> byId(Kept<T> kept, String tenantId, String id) {
        return read("read " + kept.what() + " " + id + " of tenant " + tenantId, doc(kept, tenantId, id), kept.from());
    }

    private <T> List<T> all(Kept<T> kept, String tenantId) {
        return list("list the " + kept.what() + "s of tenant " + tenantId,
                tenantDoc(tenantId).collection(kept.collection()), kept.from(), kept.order());
    }

    /** A range on one field of a tenant's collection: Firestore's automatic single-field index answers it. */
    private <T> List<T> endedAfter(Kept<T> kept, String tenantId, Instant since) {
        String what = "list the " + kept.what() + "s of tenant " + tenantId + " ended after " + since;
        return ListOrder.sorted(await(what, tenantDoc(tenantId).collection(kept.collection())
                .whereGreaterThan("finishedAt", timestamp(since)).get()).getDocuments().stream()
                .map(kept.from()).toList(), kept.order());
    }

    /** The newest {@code limit} documents by one time field, descending (Firestore's automatic index). */
    private <T> List<T> latest(Kept<T> kept, String field, String tenantId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String what = "list the " + limit + " newest " + kept.what() + "s of tenant " + tenantId;
        return ListOrder.sorted(await(what, tenantDoc(tenantId).collection(kept.collection())
                .orderBy(field, Query.Direction.DESCENDING).limit(limit).get()).getDocuments().stream()
                .map(kept.from()).toList(), kept.order());
    }

    private CollectionReference versionDocs(String tenantId, String modelKind) {
        return tenantDoc(tenantId).collection(MODELS).document(RecordIds.require("model kind", modelKind))
                .collection(VERSIONS);
    }

    private DocumentReference activeDoc(String tenantId, String modelKind) {
        return tenantDoc(tenantId).collection(ACTIVE).document(RecordIds.require("model kind", modelKind));
    }

    private <T> Optional<T> read(String what, DocumentReference doc, Function<DocumentSnapshot, T> record) {
        DocumentSnapshot snapshot = await(what, doc.get());
        return snapshot.exists() ? Optional.ofNullable(record.apply(snapshot)) : Optional.empty();
    }

    private <T> List<T> list(String what, CollectionReference collection, Function<DocumentSnapshot, T> record,
                             Comparator<T> order) {
        return ListOrder.sorted(await(what, collection.get()).getDocuments().stream().map(record).toList(), order);
    }

    private <T> T transaction(String what, Transaction.Function<T> work) {
        return await(what, db.runTransaction(work));
    }

    /**
     * Waits for Firestore's answer. A rule broken inside a transaction comes back as the exception that said so;
     * anything else is the store failing.
     */
    private <T> T await(String what, ApiFuture<T> answer) {
        try {
            return answer.get(DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            throw new MetadataStoreException("cannot " + what + " in Firestore project " + projectId + ": no answer"
                    + " within " + DEADLINE.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetadataStoreException("interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof MetadataConflictException || cause instanceof NotFoundException) {
                    throw (RuntimeException) cause;
                }
            }
            throw new MetadataStoreException("cannot " + what + " in Firestore project " + projectId + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** A document's fields; a {@link HashMap}, as Firestore takes {@code null} values and {@code Map.of} does not. */
    private static Map<String, Object> fields(Tenant tenant) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("tenantId", tenant.tenantId());
        fields.put("createdAt", timestamp(tenant.createdAt()));
        fields.put("currency", tenant.currency());
        fields.put("notifications", NotificationSettings.toFields(tenant.notifications()));
        return fields;
    }

    private static Map<String, Object> fields(ApiKey key) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("tenantId", key.tenantId());
        fields.put("keyId", key.keyId());
        fields.put("sha256", key.sha256Hex());
        fields.put("label", key.label());
        fields.put("createdAt", timestamp(key.createdAt()));
        fields.put("expiresAt", timestamp(key.expiresAt()));
        fields.put("revokedAt", timestamp(key.revokedAt()));
        fields.put("scopes", key.scopeCodes());
        return fields;
    }

    private static Map<String, Object> fields(FileRecord f) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("tenantId", f.tenantId());
        fields.put("fileId", f.fileId());
        fields.put("name", f.name());
        fields.put("receivedAt", timestamp(f.receivedAt()));
        fields.put("report", f.report());
        fields.put("columns", f.columns());
        return fields;
    }

    private static Map<String, Object> fields(TrainingRun r) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("tenantId", r.tenantId());
        fields.put("runId", r.runId());
        fields.put("modelKind", r.modelKind());
        fields.put("datasetId", r.datasetId());
        fields.put("status", r.status());
        fields.put("startedAt", timestamp(r.startedAt()));
        fields.put("finishedAt", timestamp(r.finishedAt()));
        fields.put("params", r.params());
        fields.put("metrics", r.metrics());
        fields.put("trackingRunId", r.trackingRunId());
        fields.put("error", r.error());
        return fields;
    }

    private static Map<String, Object> fields(PredictionJob j) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("tenantId", j.tenantId());
        fields.put("jobId", j.jobId());
        fields.put("status", j.status());
        fields.put("scope", j.scope());
        fields.put("modelId", j.modelId());
        fields.put("total", j.total());
        fields.put("done", j.done());
        fields.put("createdAt", timestamp(j.createdAt()));
        fields.put("finishedAt", timestamp(j.finishedAt()));
        fields.put("resultKey", j.resultKey());
        fields.put("error", j.error());
        return fields;
    }

    private static Map<String, Object> fields(ModelVersion v) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("tenantId", v.tenantId());
        fields.put("modelKind", v.modelKind());
        fields.put("version", v.version());
        fields.put("artifactUri", v.artifactUri());
        fields.put("sha256", v.sha256());
        fields.put("metrics", v.metrics());
        fields.put("createdAt", timestamp(v.createdAt()));
        fields.put("status", v.status());
        fields.put("reason", v.reason());
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static Tenant tenantFrom(DocumentSnapshot doc) {
        return new Tenant(doc.getString("tenantId"), instant(doc, "createdAt"), doc.getString("currency"),
                NotificationSettings.fromFields((Map<String, ?>) doc.get("notifications")));
    }

    private static ApiKey apiKeyFrom(DocumentSnapshot doc) {
        return new ApiKey(doc.getString("tenantId"), doc.getString("keyId"), doc.getString("sha256"),
                doc.getString("label"), instant(doc, "createdAt"), instant(doc, "expiresAt"), instant(doc, "revokedAt"),
                ApiKey.scopesOf(doc.getString("scopes")));
    }

    @SuppressWarnings("unchecked")
    private static FileRecord fileFrom(DocumentSnapshot doc) {
        return new FileRecord(doc.getString("tenantId"), doc.getString("fileId"), doc.getString("name"),
                instant(doc, "receivedAt"), (Map<String, Object>) doc.get("report"),
                (Map<String, String>) doc.get("columns"));
    }

    @SuppressWarnings("unchecked")
    private static TrainingRun runFrom(DocumentSnapshot doc) {
        return new TrainingRun(doc.getString("tenantId"), doc.getString("runId"), doc.getString("modelKind"),
                doc.getString("datasetId"), doc.getString("status"), instant(doc, "startedAt"),
                instant(doc, "finishedAt"), (Map<String, String>) doc.get("params"), numbers(doc, "metrics"),
                doc.getString("trackingRunId"), doc.getString("error"));
    }

    private static PredictionJob jobFrom(DocumentSnapshot doc) {
        return new PredictionJob(doc.getString("tenantId"), doc.getString("jobId"), doc.getString("status"),
                doc.getString("scope"), doc.getString("modelId"), doc.getLong("total").intValue(),
                doc.getLong("done").intValue(), instant(doc, "createdAt"), instant(doc, "finishedAt"),
                doc.getString("resultKey"), doc.getString("error"));
    }

    private static ModelVersion versionFrom(DocumentSnapshot doc) {
        return new ModelVersion(doc.getString("tenantId"), doc.getString("modelKind"), doc.getString("version"),
                doc.getString("artifactUri"), doc.getString("sha256"), numbers(doc, "metrics"),
                instant(doc, "createdAt"), doc.getString("status"), doc.getString("reason"));
    }

    /** A map of numbers as doubles, whatever number type Firestore hands back. */
    private static Map<String, Double> numbers(DocumentSnapshot doc, String field) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<?, ?> stored = (Map<?, ?>) doc.get(field);
        if (stored != null) {
            stored.forEach((name, value) -> numbers.put((String) name, ((Number) value).doubleValue()));
        }
        return numbers;
    }

    private static Timestamp timestamp(Instant time) {
        return time == null ? null : Timestamp.ofTimeSecondsAndNanos(time.getEpochSecond(), time.getNano());
    }

    private static Instant instant(DocumentSnapshot doc, String field) {
        Timestamp stored = doc.getTimestamp(field);
        return stored == null ? null : Instant.ofEpochSecond(stored.getSeconds(), stored.getNanos());
    }
}
