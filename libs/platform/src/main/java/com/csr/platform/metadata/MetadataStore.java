package com.csr.platform.metadata;

import com.csr.contracts.problems.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the platform records about its tenants: the tenants (with their currency and where they are notified), their
 * API keys (hashes only), uploaded files (with their column mapping and quality report), the notifications sent, training runs, model versions and which version of each kind is
 * active.
 *
 * <p>Everything is filed under a tenant. Every method checks the tenant id ({@link com.csr.contracts.ids.TenantIds})
 * and the other ids ({@link com.csr.contracts.ids.RecordIds}), throwing {@link IllegalArgumentException} for an
 * invalid one, and never returns another tenant's records. A record may be filed under a tenant that was not
 * created (yet). Lists are small (a tenant's own records) and come sorted as each method says. The store itself
 * failing throws {@link MetadataStoreException}. Implementations are safe for concurrent use.
 */
public interface MetadataStore extends AutoCloseable {

    /**
     * Records a new tenant, with its currency if it has one.
     *
     * @return the tenant as recorded
     * @throws MetadataConflictException when the tenant exists
     */
    Tenant createTenant(Tenant tenant);

    /**
     * Records a new tenant without a currency of its own.
     *
     * @throws MetadataConflictException when the tenant exists
     */
    default Tenant createTenant(String tenantId, Instant createdAt) {
        return createTenant(new Tenant(tenantId, createdAt));
    }

    Optional<Tenant> tenant(String tenantId);

    /**
     * Sets the tenant's currency, or clears it.
     *
     * @param currency an ISO 4217 code ({@link com.csr.contracts.ids.CurrencyCodes}); {@code null}: none of its own
     * @return the tenant as now recorded; empty, changing nothing, when there is no such tenant
     * @throws IllegalArgumentException for a code that names no currency
     */
    Optional<Tenant> setCurrency(String tenantId, String currency);

    /**
     * Sets where the tenant is notified, or clears it.
     *
     * @param settings {@code null} or empty: nowhere
     * @return the tenant as now recorded; empty, changing nothing, when there is no such tenant
     */
    Optional<Tenant> setNotifications(String tenantId, NotificationSettings settings);

    /**
     * Claims the sending of one notification, once: of all the callers claiming the same id for one tenant, across
     * processes, exactly one gets true.
     *
     * @param notificationId what is notified, e.g. {@code training-<id>}
     * @return true for the first claim; false when it was claimed before
     */
    boolean claimNotification(String tenantId, String notificationId, Instant at);

    /** Every tenant, by id. */
    List<Tenant> tenants();

    /**
     * Records a new key.
     *
     * @throws MetadataConflictException when the tenant has a key with that id, or any tenant a key with that hash
     */
    void addApiKey(ApiKey key);

    /** The key with that hash, whichever tenant's it is, revoked or not: the caller decides what a revoked key gets. */
    Optional<ApiKey> apiKeyByHash(String sha256Hex);

    /** The tenant's keys, oldest first. */
    List<ApiKey> apiKeys(String tenantId);

    /**
     * Revokes one of the tenant's keys; a key already revoked keeps its first revocation time.
     *
     * @return false when the tenant has no such key (another tenant's key is never touched)
     */
    boolean revokeApiKey(String tenantId, String keyId, Instant at);

    /** Records a file, or replaces what was recorded about it (e.g. its report once ingested). */
    void recordFile(FileRecord file);

    Optional<FileRecord> file(String tenantId, String fileId);

    /** The tenant's files, oldest first. */
    List<FileRecord> files(String tenantId);

    /** Records a run, or replaces what was recorded about it (e.g. when it finishes). */
    void recordRun(TrainingRun run);

    Optional<TrainingRun> run(String tenantId, String runId);

    /** The tenant's runs, newest first. */
    List<TrainingRun> runs(String tenantId);

    /**
     * The tenant's runs that ended after {@code since}, newest first: what ended lately, read without the whole
     * history (the notifier asks this every few seconds).
     */
    List<TrainingRun> runsEndedAfter(String tenantId, Instant since);

    /** The tenant's {@code limit} newest runs (by when they started), newest first, read without the rest. */
    List<TrainingRun> latestRuns(String tenantId, int limit);

    /** Records a batch prediction job, or replaces what was recorded about it (its progress, its end). */
    void recordPredictionJob(PredictionJob job);

    Optional<PredictionJob> predictionJob(String tenantId, String jobId);

    /** The tenant's batch prediction jobs, newest first. */
    List<PredictionJob> predictionJobs(String tenantId);

    /** The tenant's batch prediction jobs that ended after {@code since}, newest first. */
    List<PredictionJob> predictionJobsEndedAfter(String tenantId, Instant since);

    /** The tenant's {@code limit} newest batch prediction jobs (by when they were made), newest first. */
    List<PredictionJob> latestPredictionJobs(String tenantId, int limit);

    /**
     * Records a model version, or replaces what was recorded about it. Only {@link #promote} changes which version
     * is active: a version is recorded as {@value ModelVersion#ACTIVE} exactly when it is the active one.
     *
     * @throws MetadataConflictException when the status says otherwise
     */
    void registerModelVersion(ModelVersion version);

    Optional<ModelVersion> modelVersion(String tenantId, String modelKind, String version);

    /** The tenant's versions of one kind, newest first. */
    List<ModelVersion> modelVersions(String tenantId, String modelKind);

    /**
     * Puts a version in service, atomically and only if the version in service is the one the caller saw
     * (compare-and-set): of several callers promoting with the same {@code expectedActive}, at most one succeeds. In
     * the same transaction the version becomes {@value ModelVersion#ACTIVE} and the one it replaces
     * {@value ModelVersion#RETIRED}. Promoting the active version again changes nothing and succeeds.
     *
     * @param expectedActive the version the caller saw active; {@code null} for none yet
     * @return false, changing nothing, when another version (or none) is active
     * @throws NotFoundException when the version is not registered
     */
    boolean promote(String tenantId, String modelKind, String version, String expectedActive);

    /** The version of that kind in service, if one has been promoted. */
    Optional<String> activeVersion(String tenantId, String modelKind);

    /** Releases the store's connection; the records stay. */
    @Override
    void close();
}
