package com.csr.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract against SQLite, plus what only a file shared by several processes can show. */
class EmbeddedMetadataStoreTest extends MetadataStoreContract {

    @TempDir
    Path directory;

    @Override
    MetadataStore openStore() {
        return new EmbeddedMetadataStore(directory);
    }

    @Test
    void itsFilesAreTheOwnersOnlyFromTheStartAndAnOlderFileIsMadeSo(@TempDir Path old) throws Exception {
        store.createTenant("acme", T0);
        for (String name : List.of(EmbeddedMetadataStore.FILE_NAME, EmbeddedMetadataStore.FILE_NAME + "-wal")) {
            assertThat(Files.getPosixFilePermissions(directory.resolve(name))).as(name)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        Path readable = old.resolve(EmbeddedMetadataStore.FILE_NAME);
        Files.createFile(readable, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        new EmbeddedMetadataStore(old).close();
        assertThat(Files.getPosixFilePermissions(readable)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void keepsEverythingInOneFileThatOutlivesTheProcess() {
        store.createTenant("acme", T0);
        store.registerModelVersion(version("acme", "churn", "v1", T1));
        store.promote("acme", "churn", "v1", null);
        store.close();

        store = new EmbeddedMetadataStore(directory);

        assertThat(directory.resolve(EmbeddedMetadataStore.FILE_NAME)).isRegularFile();
        assertThat(store.tenants()).containsExactly(new Tenant("acme", T0));
        assertThat(store.activeVersion("acme", "churn")).contains("v1");
    }

    @Test
    void exactlyOneOfTwoProcessesPromotingAtTheSameTimeWins() throws Exception {
        int rounds = 20;
        for (int round = 0; round < rounds; round++) {
            for (String version : List.of("a", "b")) {
                store.registerModelVersion(version("acme", PromotingProcess.kind(round), version, T0));
            }
        }
        long startAt = System.currentTimeMillis() + 3_000;
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        try {
            for (String version : List.of("a", "b")) {
                Path output = directory.resolve("process-" + version + ".out");
                processes.add(PromotingProcess.start(directory, version, rounds, startAt, output));
                outputs.add(output);
            }
            for (Process process : processes) {
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ended in time").isTrue();
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
        for (int i = 0; i < processes.size(); i++) {
            assertThat(processes.get(i).exitValue()).as(Files.readString(outputs.get(i))).isZero();
        }

        Map<String, Boolean> a = PromotingProcess.results(Files.readAllLines(outputs.get(0)));
        Map<String, Boolean> b = PromotingProcess.results(Files.readAllLines(outputs.get(1)));
        for (int round = 0; round < rounds; round++) {
            String kind = PromotingProcess.kind(round);
            assertThat(List.of(a.get(kind), b.get(kind))).as(kind).containsExactlyInAnyOrder(true, false);
            assertThat(store.activeVersion("acme", kind)).contains(a.get(kind) ? "a" : "b");
            assertThat(statuses("acme", kind).values()).as(kind).containsOnlyOnce("active");
        }
    }

    @Test
    void refusesAFileWrittenByANewerVersionOfThePlatform() throws SQLException {
        store.close();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:sqlite:" + directory.resolve(EmbeddedMetadataStore.FILE_NAME));
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }

        assertThatThrownBy(() -> new EmbeddedMetadataStore(directory))
                .isInstanceOf(MetadataStoreException.class).hasMessageContaining("has schema version 99");
    }

    @Test
    void upgradesAFileOfTheFirstVersionKeepingItsKeysAndTenants(@TempDir Path old) throws SQLException {
        oldFile(old, 1,
                "CREATE TABLE tenants (tenant_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL)",
                "INSERT INTO tenants VALUES ('acme', 1000000)",
                "CREATE TABLE api_keys (tenant_id TEXT NOT NULL, key_id TEXT NOT NULL, "
                        + "sha256 TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, revoked_at INTEGER, "
                        + "PRIMARY KEY (tenant_id, key_id))",
                "INSERT INTO api_keys VALUES ('acme', 'k1', '" + ApiKey.hashOf("s") + "', 1000000, NULL)");

        try (MetadataStore upgraded = new EmbeddedMetadataStore(old)) {
            ApiKey key = upgraded.apiKeyByHash(ApiKey.hashOf("s")).orElseThrow();
            assertThat(key.keyId()).isEqualTo("k1");
            assertThat(key.label()).isNull();
            assertThat(key.expiresAt()).isNull();
            assertThat(key.scopes()).as("a key from before scopes may do everything, as it could")
                    .isEqualTo(com.csr.contracts.ids.KeyScope.ALL);
            assertThat(upgraded.tenants()).containsExactly(new Tenant("acme", Instant.ofEpochSecond(1)));
            assertThat(upgraded.setCurrency("acme", "EUR"))
                    .contains(new Tenant("acme", Instant.ofEpochSecond(1), "EUR"));
        }
        assertThat(schemaVersion(old)).isEqualTo(6);
    }

    @Test
    void upgradesAFileOfTheSecondVersionGivingItsTenantsNoCurrency(@TempDir Path old) throws SQLException {
        oldFile(old, 2,
                "CREATE TABLE tenants (tenant_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL)",
                "INSERT INTO tenants VALUES ('acme', 1000000)",
                "INSERT INTO tenants VALUES ('beta', 2000000)");

        try (MetadataStore upgraded = new EmbeddedMetadataStore(old)) {
            assertThat(upgraded.tenants()).containsExactly(new Tenant("acme", Instant.ofEpochSecond(1)),
                    new Tenant("beta", Instant.ofEpochSecond(2)));
            upgraded.setCurrency("beta", "USD");
        }
        try (MetadataStore reopened = new EmbeddedMetadataStore(old)) {
            assertThat(reopened.tenant("beta")).contains(new Tenant("beta", Instant.ofEpochSecond(2), "USD"));
            assertThat(reopened.tenant("acme").orElseThrow().currency()).isNull();
        }
        assertThat(schemaVersion(old)).isEqualTo(6);
    }

    @Test
    void upgradesAFileOfTheThirdVersionWithATableForPredictionJobs(@TempDir Path old) throws SQLException {
        oldFile(old, 3,
                "CREATE TABLE tenants (tenant_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, currency TEXT)",
                "INSERT INTO tenants VALUES ('acme', 1000000, 'EUR')");

        try (MetadataStore upgraded = new EmbeddedMetadataStore(old)) {
            assertThat(upgraded.tenant("acme").orElseThrow().currency()).isEqualTo("EUR");
            PredictionJob job = new PredictionJob("acme", "p1", PredictionJob.QUEUED, PredictionJob.ALL_CUSTOMERS,
                    null, 0, 0, Instant.ofEpochSecond(5), null, null, null);
            upgraded.recordPredictionJob(job);
            assertThat(upgraded.predictionJobs("acme")).containsExactly(job);
        }
        assertThat(schemaVersion(old)).isEqualTo(6);
    }

    @Test
    void upgradesAFileOfTheFourthVersionGivingTenantsNotificationsAndFilesTheirMapping(@TempDir Path old)
            throws SQLException {
        oldFile(old, 4,
                "CREATE TABLE tenants (tenant_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, currency TEXT)",
                "INSERT INTO tenants VALUES ('acme', 1000000, 'EUR')",
                "CREATE TABLE files (tenant_id TEXT NOT NULL, file_id TEXT NOT NULL, name TEXT NOT NULL, "
                        + "received_at INTEGER NOT NULL, report TEXT, PRIMARY KEY (tenant_id, file_id))",
                "INSERT INTO files VALUES ('acme', 'f1', 'old.csv', 1000000, NULL)");

        try (MetadataStore upgraded = new EmbeddedMetadataStore(old)) {
            assertThat(upgraded.file("acme", "f1").orElseThrow().columns()).isNull();
            NotificationSettings mail = new NotificationSettings("ops@acme.example", null, null,
                    Instant.ofEpochSecond(9));
            assertThat(upgraded.setNotifications("acme", mail)).contains(
                    new Tenant("acme", Instant.ofEpochSecond(1), "EUR", mail));
            assertThat(upgraded.claimNotification("acme", "job-1", Instant.ofEpochSecond(9))).isTrue();
        }
        try (MetadataStore reopened = new EmbeddedMetadataStore(old)) {
            assertThat(reopened.tenant("acme").orElseThrow().notifications().email()).isEqualTo("ops@acme.example");
            assertThat(reopened.claimNotification("acme", "job-1", Instant.ofEpochSecond(10))).isFalse();
        }
        assertThat(schemaVersion(old)).isEqualTo(6);
    }

    /** A metadata file as an older version of the platform left it. */
    private static void oldFile(Path directory, int version, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:sqlite:" + directory.resolve(EmbeddedMetadataStore.FILE_NAME));
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = " + version);
        }
    }

    private static int schemaVersion(Path directory) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:sqlite:" + directory.resolve(EmbeddedMetadataStore.FILE_NAME));
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("PRAGMA user_version")) {
            return version.getInt(1);
        }
    }
}
