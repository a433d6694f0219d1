package com.csr.platform.metadata;

import com.csr.contracts.ids.CurrencyCodes;
import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.ids.TenantIds;
import com.csr.domain.json.EventJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The metadata store that needs nothing installed: one SQLite file, {@code <directory>/metadata.db}, which several
 * processes on one machine may share. The file is in WAL mode, so readers never wait for a writer; a process waits
 * up to {@value #BUSY_TIMEOUT_MS} ms for another's write; and every write is one {@code BEGIN IMMEDIATE}
 * transaction, which takes the file's write lock before it reads anything, so a promotion's compare-and-set cannot
 * interleave with another process's. Maps are kept as JSON text, times as microseconds since the epoch. The schema
 * is created when the store is opened.
 */
public final class EmbeddedMetadataStore implements MetadataStore {

    public static final String FILE_NAME = "metadata.db";
    static final int BUSY_TIMEOUT_MS = 30_000;
    private static final int SCHEMA_VERSION = 6;
    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS tenants (
                tenant_id  TEXT PRIMARY KEY,
                created_at INTEGER NOT NULL,
                currency   TEXT,
                notifications TEXT)""", """
            CREATE TABLE IF NOT EXISTS api_keys (
                tenant_id  TEXT NOT NULL,
                key_id     TEXT NOT NULL,
                sha256     TEXT NOT NULL UNIQUE,
                created_at INTEGER NOT NULL,
                revoked_at INTEGER,
                label      TEXT,
                expires_at INTEGER,
                PRIMARY KEY (tenant_id, key_id))""", """
            CREATE TABLE IF NOT EXISTS files (
                tenant_id   TEXT NOT NULL,
                file_id     TEXT NOT NULL,
                name        TEXT NOT NULL,
                received_at INTEGER NOT NULL,
                report      TEXT,
                columns     TEXT,
                PRIMARY KEY (tenant_id, file_id))""", """
            CREATE TABLE IF NOT EXISTS notifications (
                tenant_id       TEXT NOT NULL,
                notification_id TEXT NOT NULL,
                claimed_at      INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, notification_id))""", """
            CREATE TABLE IF NOT EXISTS training_runs (
                tenant_id       TEXT NOT NULL,
                run_id          TEXT NOT NULL,
                model_kind      TEXT NOT NULL,
                dataset_id      TEXT NOT NULL,
                status          TEXT NOT NULL,
                started_at      INTEGER NOT NULL,
                finished_at     INTEGER,
                params          TEXT NOT NULL,
                metrics         TEXT NOT NULL,
                tracking_run_id TEXT,
                error           TEXT,
                PRIMARY KEY (tenant_id, run_id))""", """
            CREATE TABLE IF NOT EXISTS model_versions (
                tenant_id    TEXT NOT NULL,
                model_kind   TEXT NOT NULL,
                version      TEXT NOT NULL,
                artifact_uri TEXT NOT NULL,
                sha256       TEXT NOT NULL,
                metrics      TEXT NOT NULL,
                created_at   INTEGER NOT NULL,
                status       TEXT NOT NULL,
                reason       TEXT,
                PRIMARY KEY (tenant_id, model_kind, version))""", """
            CREATE TABLE IF NOT EXISTS prediction_jobs (
                tenant_id   TEXT NOT NULL,
                job_id      TEXT NOT NULL,
                status      TEXT NOT NULL,
                scope       TEXT NOT NULL,
                model_id    TEXT,
                total       INTEGER NOT NULL,
                done        INTEGER NOT NULL,
                created_at  INTEGER NOT NULL,
                finished_at INTEGER,
                result_key  TEXT,
                error       TEXT,
                PRIMARY KEY (tenant_id, job_id))""", """
            CREATE INDEX IF NOT EXISTS training_runs_by_end ON training_runs (tenant_id, finished_at)""", """
            CREATE INDEX IF NOT EXISTS training_runs_by_start ON training_runs (tenant_id, started_at)""", """
            CREATE INDEX IF NOT EXISTS prediction_jobs_by_creation ON prediction_jobs (tenant_id, created_at)""", """
            CREATE INDEX IF NOT EXISTS prediction_jobs_by_end ON prediction_jobs (tenant_id, finished_at)""", """
            CREATE TABLE IF NOT EXISTS active_models (
                tenant_id  TEXT NOT NULL,
                model_kind TEXT NOT NULL,
                version    TEXT NOT NULL,
                PRIMARY KEY (tenant_id, model_kind))""");

    /** The events' JSON, but with NaN and infinities as JSON numbers, so that a report reads back as it was. */
    private static final ObjectMapper JSON = EventJson.MAPPER.copy()
            .configure(JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature(), false)
            .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature(), true);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Double>> NUMBERS = new TypeReference<>() {
    };


    /** A table of records kept under a tenant by one id. */
    private record Table<T>(String name, String idColumn, String what, Row<T> row, Comparator<T> order) {
    }

    private static final Table<ApiKey> API_KEYS = new Table<>("api_keys", "key_id", "API key",
            EmbeddedMetadataStore::apiKeyFrom, ListOrder.KEYS_OLDEST_FIRST);
    private static final Table<FileRecord> FILES = new Table<>("files", "file_id", "file",
            EmbeddedMetadataStore::fileFrom, ListOrder.FILES_OLDEST_FIRST);
    private static final Table<TrainingRun> RUNS = new Table<>("training_runs", "run_id", "run",
            EmbeddedMetadataStore::runFrom, ListOrder.RUNS_NEWEST_FIRST);
    private static final Table<PredictionJob> JOBS = new Table<>("prediction_jobs", "job_id", "prediction job",
            EmbeddedMetadataStore::jobFrom, ListOrder.JOBS_NEWEST_FIRST);

    private final Path file;
    private final Connection connection;
    /** A JDBC connection serves one statement at a time; the threads of this process take turns. */
    private final ReentrantLock turn = new ReentrantLock();

    /** Opens (creating if need be) {@code directory/metadata.db}. */
    public EmbeddedMetadataStore(Path directory) {
        this.file = directory.toAbsolutePath().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
            ownerOnly(file);
        } catch (IOException e) {
            throw new MetadataStoreException("cannot create the metadata directory " + file.getParent(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        try {
            this.connection = config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new MetadataStoreException("cannot open the metadata store " + file + ": " + e.getMessage(), e);
        }
        try {
            createSchema();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Makes the database file readable and writable by its owner only, creating it empty if need be (SQLite takes an
     * empty file as an empty database, and gives its WAL files the database's permissions): it holds webhook signing
     * secrets and the tenants' key hashes.
     */
    private static void ownerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        if (Files.notExists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
        } else if (!Files.getPosixFilePermissions(file).equals(owner)) {
            Files.setPosixFilePermissions(file, owner);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    private void createSchema() {
        write("create the schema", c -> {
            int version = first(c, rs -> rs.getInt(1), "PRAGMA user_version").orElse(0);
            if (version > SCHEMA_VERSION) {
                throw new MetadataStoreException(file + " has schema version " + version + "; this program knows up to "
                        + SCHEMA_VERSION + ": use a newer version of the platform", null);
            }
            try (Statement statement = c.createStatement()) {
                if (version == 1) {
                    // version 2 gave keys a label and an expiry
                    statement.execute("ALTER TABLE api_keys ADD COLUMN label TEXT");
                    statement.execute("ALTER TABLE api_keys ADD COLUMN expires_at INTEGER");
                }
                if (version == 1 || version == 2) {
                    // version 3 gave tenants a currency
                    statement.execute("ALTER TABLE tenants ADD COLUMN currency TEXT");
                }
                for (String table : SCHEMA) {
                    statement.execute(table);
                }
                // version 5 gave tenants notifications and files their column mapping
                addColumnIfMissing(c, "tenants", "notifications");
                addColumnIfMissing(c, "files", "columns");
                // version 6 gave keys scopes (none kept: every scope, as keys had before)
                addColumnIfMissing(c, "api_keys", "scopes");
                statement.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            return null;
        });
    }

    private static void addColumnIfMissing(Connection c, String table, String column) throws SQLException {
        if (list(c, row -> row.getString("name"), "PRAGMA table_info(" + table + ")").stream()
                .noneMatch(column::equals)) {
            update(c, "ALTER TABLE " + table + " ADD COLUMN " + column + " TEXT");
        }
    }

    @Override
    public Tenant createTenant(Tenant tenant) {
        String tenantId = tenant.tenantId();
        return write("create tenant " + tenantId, c -> {
            if (tenant(c, tenantId).isPresent()) {
                throw MetadataConflictException.tenantExists(tenantId);
            }
            update(c, "INSERT INTO tenants (tenant_id, created_at, currency, notifications) VALUES (?, ?, ?, ?)",
                    tenantId, micros(tenant.createdAt()), tenant.currency(),
                    json(NotificationSettings.toFields(tenant.notifications())));
            return tenant;
        });
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        TenantIds.require(tenantId);
        return inTurn("read tenant " + tenantId, c -> tenant(c, tenantId));
    }

    @Override
    public Optional<Tenant> setCurrency(String tenantId, String currency) {
        TenantIds.require(tenantId);
        String code = CurrencyCodes.optional(currency);
        return write("set the currency of tenant " + tenantId, c -> {
            Optional<Tenant> tenant = tenant(c, tenantId);
            if (tenant.isPresent()) {
                update(c, "UPDATE tenants SET currency = ? WHERE tenant_id = ?", code, tenantId);
            }
            return tenant.map(t -> t.withCurrency(code));
        });
    }

    @Override
    public Optional<Tenant> setNotifications(String tenantId, NotificationSettings settings) {
        TenantIds.require(tenantId);
        return write("set the notifications of tenant " + tenantId, c -> {
            Optional<Tenant> tenant = tenant(c, tenantId).map(t -> t.withNotifications(settings));
            if (tenant.isPresent()) {
                update(c, "UPDATE tenants SET notifications = ? WHERE tenant_id = ?",
                        json(NotificationSettings.toFields(tenant.get().notifications())), tenantId);
            }
            return tenant;
        });
    }

    @Override
    public boolean claimNotification(String tenantId, String notificationId, Instant at) {
        TenantIds.require(tenantId);
        RecordIds.require("notification id", notificationId);
        long claimedAt = micros(RecordValues.time("claim time", at));
        return write("claim notification " + notificationId + " of tenant " + tenantId, c -> update(c,
                "INSERT OR IGNORE INTO notifications (tenant_id, notification_id, claimed_at) VALUES (?, ?, ?)",
                tenantId, notificationId, claimedAt) == 1);
    }

    @Override
    public List<Tenant> tenants() {
        return inTurn("list tenants", c -> ListOrder.sorted(
                list(c, EmbeddedMetadataStore::tenantFrom, "SELECT * FROM tenants"), ListOrder.TENANTS));
    }

    @Override
    public void addApiKey(ApiKey key) {
        write("add API key " + key.keyId() + " of tenant " + key.tenantId(), c -> {
            if (first(c, EmbeddedMetadataStore::apiKeyFrom, "SELECT * FROM api_keys WHERE tenant_id = ? AND key_id = ?",
                    key.tenantId(), key.keyId()).isPresent()) {
                throw MetadataConflictException.keyIdTaken(key);
            }
            if (first(c, EmbeddedMetadataStore::apiKeyFrom, "SELECT * FROM api_keys WHERE sha256 = ?", key.sha256Hex())
                    .isPresent()) {
                throw MetadataConflictException.keyHashTaken(key);
            }
            update(c, "INSERT INTO api_keys (tenant_id, key_id, sha256, label, created_at, expires_at, revoked_at, "
                    + "scopes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", key.tenantId(), key.keyId(), key.sha256Hex(),
                    key.label(), micros(key.createdAt()), micros(key.expiresAt()), micros(key.revokedAt()),
                    key.scopeCodes());
            return null;
        });
    }

    @Override
    public Optional<ApiKey> apiKeyByHash(String sha256Hex) {
        RecordValues.sha256Hex("key hash", sha256Hex);
        return inTurn("look up an API key", c -> first(c, EmbeddedMetadataStore::apiKeyFrom,
                "SELECT * FROM api_keys WHERE sha256 = ?", sha256Hex));
    }

    @Override
    public List<ApiKey> apiKeys(String tenantId) {
        return all(API_KEYS, tenantId);
    }

    @Override
    public boolean revokeApiKey(String tenantId, String keyId, Instant at) {
        TenantIds.require(tenantId);
        RecordIds.require("API key id", keyId);
        long revokedAt = micros(RecordValues.time("revocation time", at));
        return write("revoke API key " + keyId + " of tenant " + tenantId, c -> {
            if (first(c, EmbeddedMetadataStore::apiKeyFrom, "SELECT * FROM api_keys WHERE tenant_id = ? AND key_id = ?",
                    tenantId, keyId).isEmpty()) {
                return false;
            }
            update(c, "UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND key_id = ? AND revoked_at IS NULL",
                    revokedAt, tenantId, keyId);
            return true;
        });
    }

    @Override
    public void recordFile(FileRecord f) {
        write("record file " + f.fileId() + " of tenant " + f.tenantId(), c -> update(c, """
                        INSERT OR REPLACE INTO files (tenant_id, file_id, name, received_at, report, columns)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                f.tenantId(), f.fileId(), f.name(), micros(f.receivedAt()), json(f.report()), json(f.columns())));
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
        write("record run " + r.runId() + " of tenant " + r.tenantId(), c -> update(c, """
                        INSERT OR REPLACE INTO training_runs (tenant_id, run_id, model_kind, dataset_id, status,
                            started_at, finished_at, params, metrics, tracking_run_id, error)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.tenantId(), r.runId(), r.modelKind(), r.datasetId(), r.status(), micros(r.startedAt()),
                micros(r.finishedAt()), json(r.params()), json(r.metrics()), r.trackingRunId(), r.error()));
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
        return latest(RUNS, "started_at DESC, run_id", tenantId, limit);
    }

    @Override
    public void recordPredictionJob(PredictionJob j) {
        write("record prediction job " + j.jobId() + " of tenant " + j.tenantId(), c -> update(c, """
                        INSERT OR REPLACE INTO prediction_jobs (tenant_id, job_id, status, scope, model_id, total, done,
                            created_at, finished_at, result_key, error)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                j.tenantId(), j.jobId(), j.status(), j.scope(), j.modelId(), j.total(), j.done(), micros(j.createdAt()),
                micros(j.finishedAt()), j.resultKey(), j.error()));
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
        return latest(JOBS, "created_at DESC, job_id", tenantId, limit);
    }

    @Override
    public void registerModelVersion(ModelVersion v) {
        write("register " + v.modelKind() + " model " + v.version() + " of tenant " + v.tenantId(), c -> {
            v.requireStatusAgreesWith(active(c, v.tenantId(), v.modelKind()).orElse(null));
            return update(c, """
                            INSERT OR REPLACE INTO model_versions (tenant_id, model_kind, version, artifact_uri, sha256,
                                metrics, created_at, status, reason)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    v.tenantId(), v.modelKind(), v.version(), v.artifactUri(), v.sha256(), json(v.metrics()),
                    micros(v.createdAt()), v.status(), v.reason());
        });
    }

    @Override
    public Optional<ModelVersion> modelVersion(String tenantId, String modelKind, String version) {
        TenantIds.require(tenantId);
        RecordIds.require("model kind", modelKind);
        RecordIds.require("model version", version);
        return inTurn("read " + modelKind + " model " + version + " of tenant " + tenantId,
                c -> first(c, EmbeddedMetadataStore::versionFrom,
                        "SELECT * FROM model_versions WHERE tenant_id = ? AND model_kind = ? AND version = ?",
                        tenantId, modelKind, version));
    }

    @Override
    public List<ModelVersion> modelVersions(String tenantId, String modelKind) {
        TenantIds.require(tenantId);
        RecordIds.require("model kind", modelKind);
        return inTurn("list the " + modelKind + " models of tenant " + tenantId, c -> ListOrder.sorted(
                list(c, EmbeddedMetadataStore::versionFrom,
                        "SELECT * FROM model_versions WHERE tenant_id = ? AND model_kind = ?", tenantId, modelKind),
                ListOrder.VERSIONS_NEWEST_FIRST));
    }

    @Override
    public boolean promote(String tenantId, String modelKind, String version, String expectedActive) {
        TenantIds.require(tenantId);
        RecordIds.require("model kind", modelKind);
        RecordIds.require("model version", version);
        return write("promote " + modelKind + " model " + version + " of tenant " + tenantId, c -> {
            if (first(c, row -> true,
                    "SELECT 1 FROM model_versions WHERE tenant_id = ? AND model_kind = ? AND version = ?",
                    tenantId, modelKind, version).isEmpty()) {
                throw ModelVersion.notRegistered(tenantId, modelKind, version);
            }
            String active = active(c, tenantId, modelKind).orElse(null);
            if (!Objects.equals(active, expectedActive)) {
                return false;
            }
            if (version.equals(active)) {
                return true;
            }
            String setStatus =
                    "UPDATE model_versions SET status = ? WHERE tenant_id = ? AND model_kind = ? AND version = ?";
            if (active != null) {
                update(c, setStatus, ModelVersion.RETIRED, tenantId, modelKind, active);
            }
            update(c, setStatus, ModelVersion.ACTIVE, tenantId, modelKind, version);
            update(c, "INSERT OR REPLACE INTO active_models (tenant_id, model_kind, version) VALUES (?, ?, ?)",
                    tenantId, modelKind, version);
            return true;
        });
    }

    @Override
    public Optional<String> activeVersion(String tenantId, String modelKind) {
        TenantIds.require(tenantId);
        RecordIds.require("model kind", modelKind);
        return inTurn("read the active " + modelKind + " model of tenant " + tenantId,
                c -> active(c, tenantId, modelKind));
    }

    @Override
    public void close() {
        turn.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new MetadataStoreException("cannot close the metadata store " + file, e);
        } finally {
            turn.unlock();
        }
    }

    private <T> Optional<T> byId(Table<T> table, String tenantId, String id) {
        TenantIds.require(tenantId);
        RecordIds.require(table.what() + " id", id);
        return inTurn("read " + table.what() + " " + id + " of tenant " + tenantId, c -> first(c, table.row(),
                "SELECT * FROM " + table.name() + " WHERE tenant_id = ? AND " + table.idColumn() + " = ?",
                tenantId, id));
    }

    private <T> List<T> all(Table<T> table, String tenantId) {
        TenantIds.require(tenantId);
        return inTurn("list the " + table.what() + "s of tenant " + tenantId, c -> ListOrder.sorted(
                list(c, table.row(), "SELECT * FROM " + table.name() + " WHERE tenant_id = ?", tenantId),
                table.order()));
    }

    /** The records of a table with a {@code finished_at} that ended after {@code since} (by its index). */
    private <T> List<T> endedAfter(Table<T> table, String tenantId, Instant since) {
        TenantIds.require(tenantId);
        return inTurn("list the " + table.what() + "s of tenant " + tenantId + " ended after " + since,
                c -> ListOrder.sorted(list(c, table.row(), "SELECT * FROM " + table.name()
                        + " WHERE tenant_id = ? AND finished_at > ?", tenantId, micros(since)), table.order()));
    }

    /** The first {@code limit} records of a table in {@code order} (an index's), in its list order. */
    private <T> List<T> latest(Table<T> table, String order, String tenantId, int limit) {
        TenantIds.require(tenantId);
        return inTurn("list the " + limit + " newest " + table.what() + "s of tenant " + tenantId,
                c -> ListOrder.sorted(list(c, table.row(), "SELECT * FROM " + table.name()
                        + " WHERE tenant_id = ? ORDER BY " + order + " LIMIT ?", tenantId, Math.max(0, limit)),
                        table.order()));
    }

    private static Optional<Tenant> tenant(Connection c, String tenantId) throws SQLException {
        return first(c, EmbeddedMetadataStore::tenantFrom, "SELECT * FROM tenants WHERE tenant_id = ?", tenantId);
    }

    private static Optional<String> active(Connection c, String tenantId, String modelKind) throws SQLException {
        return first(c, rs -> rs.getString("version"),
                "SELECT version FROM active_models WHERE tenant_id = ? AND model_kind = ?", tenantId, modelKind);
    }

    /** Work on the connection, which may throw what JDBC throws. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Reads one record from the current row. */
    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Works on the connection in this process's turn; a JDBC failure says what was being done. */
    private <T> T inTurn(String what, Work<T> work) {
        turn.lock();
        try {
            return work.on(connection);
        } catch (SQLException e) {
            throw new MetadataStoreException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
        } finally {
            turn.unlock();
        }
    }

    /** Runs the work in one write transaction, which waits for (and then holds) the file's write lock. */
    private <T> T write(String what, Work<T> work) {
        return inTurn(what, c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    T result = work.on(c);
                    statement.execute("COMMIT");
                    return result;
                } catch (SQLException | RuntimeException e) {
                    try {
                        statement.execute("ROLLBACK");
                    } catch (SQLException rollbackFailed) {
                        e.addSuppressed(rollbackFailed);
                    }
                    throw e;
                }
            }
        });
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    private static <T> List<T> list(Connection c, Row<T> row, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> records = new ArrayList<>();
                while (rows.next()) {
                    records.add(row.read(rows));
                }
                return records;
            }
        }
    }

    private static <T> Optional<T> first(Connection c, Row<T> row, String sql, Object... params) throws SQLException {
        return list(c, row, sql, params).stream().findFirst();
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    private static Tenant tenantFrom(ResultSet row) throws SQLException {
        return new Tenant(row.getString("tenant_id"), instant(row, "created_at"), row.getString("currency"),
                NotificationSettings.fromFields(fromJson(row.getString("notifications"), TEXTS)));
    }

    private static ApiKey apiKeyFrom(ResultSet row) throws SQLException {
        return new ApiKey(row.getString("tenant_id"), row.getString("key_id"), row.getString("sha256"),
                row.getString("label"), instant(row, "created_at"), instant(row, "expires_at"),
                instant(row, "revoked_at"), ApiKey.scopesOf(row.getString("scopes")));
    }

    private static FileRecord fileFrom(ResultSet row) throws SQLException {
        return new FileRecord(row.getString("tenant_id"), row.getString("file_id"), row.getString("name"),
                instant(row, "received_at"), fromJson(row.getString("report"), JSON_OBJECT),
                fromJson(row.getString("columns"), TEXTS));
    }

    private static TrainingRun runFrom(ResultSet row) throws SQLException {
        return new TrainingRun(row.getString("tenant_id"), row.getString("run_id"), row.getString("model_kind"),
                row.getString("dataset_id"), row.getString("status"), instant(row, "started_at"),
                instant(row, "finished_at"), fromJson(row.getString("params"), TEXTS),
                fromJson(row.getString("metrics"), NUMBERS), row.getString("tracking_run_id"), row.getString("error"));
    }

    private static PredictionJob jobFrom(ResultSet row) throws SQLException {
        return new PredictionJob(row.getString("tenant_id"), row.getString("job_id"), row.getString("status"),
                row.getString("scope"), row.getString("model_id"), row.getInt("total"), row.getInt("done"),
                instant(row, "created_at"), instant(row, "finished_at"), row.getString("result_key"),
                row.getString("error"));
    }

    private static ModelVersion versionFrom(ResultSet row) throws SQLException {
        return new ModelVersion(row.getString("tenant_id"), row.getString("model_kind"), row.getString("version"),
                row.getString("artifact_uri"), row.getString("sha256"), fromJson(row.getString("metrics"), NUMBERS),
                instant(row, "created_at"), row.getString("status"), row.getString("reason"));
    }

    private static Long micros(Instant time) {
        return time == null ? null : Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L),
                time.getNano() / 1_000L);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long micros = row.getLong(column);
        return row.wasNull() ? null
                : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static String json(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return text == null ? null : JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds something unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
