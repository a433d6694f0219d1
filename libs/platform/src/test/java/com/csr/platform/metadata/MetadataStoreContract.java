package com.csr.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.contracts.problems.NotFoundException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link MetadataStore} must do, run against each implementation by a subclass that says how to open one.
 * Every test starts from an empty store.
 */
abstract class MetadataStoreContract {

    static final Instant T0 = Instant.parse("2024-03-01T09:00:00.123456Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final Instant T2 = T0.plusSeconds(120);
    static final Instant T3 = T0.plusSeconds(180);

    /** The store under test, opened before each test. */
    MetadataStore store;

    /** A new store over the same records as every other opened in this test (another connection, or client). */
    abstract MetadataStore openStore();

    /** How many rounds the promotion race runs. */
    int raceRounds() {
        return 10;
    }

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createsATenantOnceAndRefusesASecondWithTheSameId() {
        Tenant acme = store.createTenant("acme", T0.plusNanos(789));

        assertThat(acme).as("kept to the microsecond").isEqualTo(new Tenant("acme", T0));
        assertThat(store.tenant("acme")).contains(acme);
        assertThat(store.tenant("nobody")).isEmpty();
        assertThatThrownBy(() -> store.createTenant("acme", T1))
                .isInstanceOf(MetadataConflictException.class).hasMessage("tenant acme exists");
        store.createTenant("beta", T1);
        assertThat(store.tenants()).containsExactly(acme, new Tenant("beta", T1));
    }

    @Test
    void keepsATenantsCurrencyInUpperCaseAndSetsOrClearsItForThatTenantOnly() {
        Tenant acme = store.createTenant(new Tenant("acme", T0, "eur"));
        store.createTenant("beta", T1);

        assertThat(acme).isEqualTo(new Tenant("acme", T0, "EUR"));
        assertThat(store.tenant("acme")).contains(acme);
        assertThat(store.tenant("beta").orElseThrow().currency()).as("none of its own").isNull();

        assertThat(store.setCurrency("beta", "usd")).contains(new Tenant("beta", T1, "USD"));
        assertThat(store.tenant("beta")).contains(new Tenant("beta", T1, "USD"));
        assertThat(store.tenant("acme")).as("another tenant's is untouched").contains(acme);

        assertThat(store.setCurrency("acme", null)).contains(new Tenant("acme", T0));
        assertThat(store.tenants()).containsExactly(new Tenant("acme", T0), new Tenant("beta", T1, "USD"));

        assertThat(store.setCurrency("nobody", "EUR")).as("no such tenant").isEmpty();
        assertThat(store.tenant("nobody")).isEmpty();
    }

    @Test
    void setsOrClearsWhereATenantIsNotifiedForThatTenantOnlyAndKeepsItsCurrency() {
        store.createTenant(new Tenant("acme", T0, "EUR"));
        store.createTenant("beta", T1);
        NotificationSettings both = new NotificationSettings("ops@acme.example", "https://hooks.acme.example/csr",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", T1);

        assertThat(store.setNotifications("acme", both)).contains(new Tenant("acme", T0, "EUR", both));
        assertThat(store.tenant("acme")).contains(new Tenant("acme", T0, "EUR", both));
        assertThat(store.tenant("beta").orElseThrow().notifications()).as("another tenant's is untouched").isNull();
        assertThat(store.setCurrency("acme", "GBP")).contains(new Tenant("acme", T0, "GBP", both));

        NotificationSettings mailOnly = new NotificationSettings("ops@acme.example", null, null, T2);
        store.setNotifications("acme", mailOnly);
        assertThat(store.tenants()).containsExactly(new Tenant("acme", T0, "GBP", mailOnly), new Tenant("beta", T1));

        assertThat(store.setNotifications("acme", null)).contains(new Tenant("acme", T0, "GBP"));
        assertThat(store.tenant("acme").orElseThrow().notifications()).isNull();
        assertThat(store.setNotifications("nobody", mailOnly)).as("no such tenant").isEmpty();
    }

    @Test
    void claimsANotificationOncePerTenant() {
        assertThat(store.claimNotification("acme", "training-20260101T000000Z", T1)).isTrue();
        assertThat(store.claimNotification("acme", "training-20260101T000000Z", T2)).as("claimed before").isFalse();
        assertThat(store.claimNotification("beta", "training-20260101T000000Z", T2)).as("another tenant's")
                .isTrue();
        assertThat(store.claimNotification("acme", "job-1", T2)).isTrue();
        assertThatThrownBy(() -> store.claimNotification("acme", "no/slash", T2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheColumnMappingAFileWasReadWith() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("customer_id", "Customer ID");
        columns.put("order_datetime", "InvoiceDate");
        columns.put("order_total", "3");
        FileRecord mapped = new FileRecord("acme", "f1", "export.csv", T1, null, columns);
        store.recordFile(mapped);
        store.recordFile(mapped.withReport(Map.of("rows_read", 3L)));

        FileRecord read = store.file("acme", "f1").orElseThrow();
        assertThat(read.columns()).isEqualTo(columns);
        assertThat(read.report()).containsEntry("rows_read", 3L);
        assertThat(new FileRecord("acme", "f2", "b.csv", T1, null, Map.of()).columns()).as("none is null").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EU", "EURO", "XYZ", " EUR", "GBP ", "€", "12"})
    void refusesACurrencyThatIsNoIso4217Code(String currency) {
        store.createTenant(new Tenant("acme", T0, "GBP"));

        assertThatThrownBy(() -> store.setCurrency("acme", currency))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid currency");
        assertThatThrownBy(() -> store.createTenant(new Tenant("beta", T0, currency)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid currency");
        assertThat(store.tenants()).containsExactly(new Tenant("acme", T0, "GBP"));
    }

    @Test
    void findsAKeyByTheHashOfItsSecretAndStillFindsItRevoked() {
        ApiKey key = key("acme", "k1", "secret-1", T0);
        store.addApiKey(key);

        assertThat(store.apiKeyByHash(ApiKey.hashOf("secret-1"))).contains(key);
        assertThat(store.apiKeyByHash(ApiKey.hashOf("secret-2"))).isEmpty();

        assertThat(store.revokeApiKey("acme", "k1", T1)).isTrue();
        ApiKey revoked = store.apiKeyByHash(ApiKey.hashOf("secret-1")).orElseThrow();
        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.revokedAt()).isEqualTo(T1);
        assertThat(store.revokeApiKey("acme", "k1", T2)).as("revoked again").isTrue();
        assertThat(store.apiKeyByHash(ApiKey.hashOf("secret-1")).orElseThrow().revokedAt())
                .as("the first revocation counts").isEqualTo(T1);
        assertThat(store.revokeApiKey("acme", "k9", T1)).as("no such key").isFalse();

        ApiKey second = key("acme", "k2", "secret-2", T2);
        store.addApiKey(second);
        assertThat(store.apiKeys("acme")).containsExactly(revoked, second);
    }

    @Test
    void keepsWhatEachKeyMayDo() {
        store.createTenant(new Tenant("acme", T0));
        ApiKey reader = new ApiKey("acme", "k-read", ApiKey.hashOf("secret-r"), "dashboard", T0, null, null,
                java.util.Set.of(com.csr.contracts.ids.KeyScope.READ));
        store.addApiKey(reader);
        store.addApiKey(key("acme", "k-all", "secret-a", T0));

        assertThat(store.apiKeyByHash(ApiKey.hashOf("secret-r")).orElseThrow().scopes())
                .containsExactly(com.csr.contracts.ids.KeyScope.READ);
        assertThat(store.apiKeyByHash(ApiKey.hashOf("secret-a")).orElseThrow().scopes())
                .isEqualTo(com.csr.contracts.ids.KeyScope.ALL);
        assertThat(store.apiKeys("acme")).contains(reader);
    }

    @Test
    void aTenantCannotRevokeAnotherTenantsKey() {
        ApiKey key = key("acme", "k1", "secret-1", T0);
        store.addApiKey(key);

        assertThat(store.revokeApiKey("beta", "k1", T1)).isFalse();

        assertThat(store.apiKeyByHash(key.sha256Hex())).contains(key);
        assertThat(store.apiKeys("beta")).isEmpty();
    }

    @Test
    void refusesAKeyWhoseIdOrSecretIsTaken() {
        store.addApiKey(key("acme", "k1", "secret-1", T0));

        assertThatThrownBy(() -> store.addApiKey(key("acme", "k1", "secret-2", T1)))
                .isInstanceOf(MetadataConflictException.class).hasMessage("tenant acme already has an API key k1");
        assertThatThrownBy(() -> store.addApiKey(key("beta", "k9", "secret-1", T1)))
                .isInstanceOf(MetadataConflictException.class).hasMessageNotContaining("acme");
        store.addApiKey(key("beta", "k1", "secret-3", T1));

        assertThat(store.apiKeys("acme")).extracting(ApiKey::sha256Hex).containsExactly(ApiKey.hashOf("secret-1"));
        assertThat(store.apiKeys("beta")).extracting(ApiKey::sha256Hex).containsExactly(ApiKey.hashOf("secret-3"));
    }

    @Test
    void replacesAFileWhenItsReportArrivesAndListsFilesOldestFirst() {
        FileRecord later = new FileRecord("acme", "f2", "march.csv", T2, null);
        FileRecord first = new FileRecord("acme", "f1", "february.csv.gz", T1, null);
        store.recordFile(later);
        store.recordFile(first);
        assertThat(store.files("acme")).containsExactly(first, later);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("rows_read", 525_461);
        report.put("kept_revenue", 8_832_003.25);
        report.put("rejected", Map.of("duplicate", 6_765L, "missing_customer", 107_927L));
        report.put("reasons", List.of("duplicate", "missing_customer"));
        report.put("complete", true);
        report.put("error", null);
        FileRecord ingested = new FileRecord("acme", "f1", "february.csv.gz", T1, report);
        store.recordFile(ingested);

        FileRecord read = store.file("acme", "f1").orElseThrow();
        assertThat(read).isEqualTo(ingested);
        assertThat(read.report().get("rows_read")).as("whole numbers come back as Long").isEqualTo(525_461L);
        assertThat(read.report()).containsEntry("error", null);
        assertThat(store.files("acme")).containsExactly(ingested, later);
        assertThat(store.file("acme", "f3")).isEmpty();
    }

    @Test
    void recordsARunWhenItStartsAndAgainWhenItEnds() {
        TrainingRun running = new TrainingRun("acme", "r1", "churn", "ds-1", TrainingRun.RUNNING, T1, null,
                Map.of("algorithm", "xgboost", "seed", "42"), null, null, null);
        store.recordRun(running);
        assertThat(store.run("acme", "r1")).contains(running);

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("roc_auc", 0.726);
        metrics.put("brier", 0.207);
        metrics.put("lift_top_decile", Double.NaN);
        TrainingRun finished = new TrainingRun("acme", "r1", "churn", "ds-1", TrainingRun.FINISHED, T1, T2,
                running.params(), metrics, "0f1e2d3c4b5a", null);
        store.recordRun(finished);
        TrainingRun failed = new TrainingRun("acme", "r2", "ltv", "ds-2", TrainingRun.FAILED, T3, T3, null, null,
                null, "no customer has a purchase after the cutoff");
        store.recordRun(failed);

        assertThat(store.run("acme", "r1")).contains(finished);
        assertThat(store.runs("acme")).containsExactly(failed, finished);
        assertThat(store.run("acme", "r3")).isEmpty();
    }

    @Test
    void givesTheRunsAndJobsThatEndedAfterATimeOrTheNewestFewWithoutTheRest() {
        TrainingRun early = new TrainingRun("acme", "r1", "churn", "ds-1", TrainingRun.FINISHED, T1, T1, null, null,
                null, null);
        TrainingRun late = new TrainingRun("acme", "r2", "ltv", "ds-2", TrainingRun.FAILED, T2, T3, null, null,
                null, "no customer has a purchase after the cutoff");
        TrainingRun running = new TrainingRun("acme", "r3", "segment", "ds-3", TrainingRun.RUNNING, T3, null, null,
                null, null, null);
        TrainingRun otherTenants = new TrainingRun("beta", "r4", "ltv", "ds-4", TrainingRun.FINISHED, T3, T3, null,
                null, null, null);
        for (TrainingRun run : List.of(early, late, running, otherTenants)) {
            store.recordRun(run);
        }
        PredictionJob ended = new PredictionJob("acme", "p1", PredictionJob.QUEUED, PredictionJob.ALL_CUSTOMERS,
                null, 0, 0, T1, null, null, null).running(5).finished("tenants/acme/predictions/p1.csv", T3);
        PredictionJob endedBefore = new PredictionJob("acme", "p2", PredictionJob.QUEUED,
                PredictionJob.ALL_CUSTOMERS, null, 0, 0, T1, null, null, null).running(5).failed("stopped", T1);
        PredictionJob queued = new PredictionJob("acme", "p3", PredictionJob.QUEUED, PredictionJob.ALL_CUSTOMERS,
                null, 0, 0, T3, null, null, null);
        for (PredictionJob job : List.of(ended, endedBefore, queued)) {
            store.recordPredictionJob(job);
        }

        assertThat(store.runsEndedAfter("acme", T2)).containsExactly(late);
        assertThat(store.runsEndedAfter("acme", T3)).isEmpty();
        assertThat(store.runsEndedAfter("acme", T0)).containsExactly(late, early);
        assertThat(store.predictionJobsEndedAfter("acme", T2)).containsExactly(ended);
        assertThat(store.predictionJobsEndedAfter("beta", T0)).isEmpty();

        // the newest few, without the rest
        assertThat(store.latestRuns("acme", 2)).containsExactly(running, late);
        assertThat(store.latestRuns("acme", 10)).containsExactly(running, late, early);
        assertThat(store.latestPredictionJobs("acme", 1)).containsExactly(queued);
        assertThat(store.latestPredictionJobs("beta", 5)).isEmpty();
    }

    @Test
    void recordsAPredictionJobAsItGoesAndListsJobsNewestFirst() {
        PredictionJob queued = new PredictionJob("acme", "p1", PredictionJob.QUEUED, PredictionJob.ALL_CUSTOMERS,
                null, 0, 0, T1, null, null, null);
        store.recordPredictionJob(queued);
        assertThat(store.predictionJob("acme", "p1")).contains(queued);

        PredictionJob halfway = queued.running(4285).progressed(2000);
        store.recordPredictionJob(halfway);
        assertThat(store.predictionJob("acme", "p1")).contains(halfway);
        PredictionJob finished = halfway.finished("tenants/acme/predictions/p1.csv", T2);
        store.recordPredictionJob(finished);
        PredictionJob failed = new PredictionJob("acme", "p2", PredictionJob.QUEUED, PredictionJob.LISTED_CUSTOMERS,
                "ds-1", 0, 0, T3, null, null, null).running(10).failed("the churn service is unavailable", T3);
        store.recordPredictionJob(failed);

        assertThat(store.predictionJob("acme", "p1")).contains(finished);
        assertThat(finished.done()).isEqualTo(4285);
        assertThat(store.predictionJobs("acme")).containsExactly(failed, finished);
        assertThat(store.predictionJobs("beta")).isEmpty();
        assertThat(store.predictionJob("beta", "p1")).isEmpty();
    }

    @Test
    void registersModelVersionsAndListsThemNewestFirst() {
        ModelVersion v1 = version("acme", "churn", "v1", T1);
        ModelVersion v2 = new ModelVersion("acme", "churn", "v2", "file:///models/v2", sha256("v2"),
                Map.of("roc_auc", 0.70), T2, ModelVersion.REGISTERED, "ROC-AUC below the active version's");
        store.registerModelVersion(v1);
        store.registerModelVersion(v2);

        assertThat(store.modelVersions("acme", "churn")).containsExactly(v2, v1);
        assertThat(store.modelVersion("acme", "churn", "v1")).contains(v1);
        assertThat(store.modelVersion("acme", "ltv", "v1")).isEmpty();
        assertThat(store.modelVersions("acme", "ltv")).isEmpty();
        assertThat(store.activeVersion("acme", "churn")).isEmpty();

        ModelVersion rescored = new ModelVersion("acme", "churn", "v1", v1.artifactUri(), v1.sha256(),
                Map.of("roc_auc", 0.731, "pr_auc", 0.62), T1, ModelVersion.REGISTERED, null);
        store.registerModelVersion(rescored);
        assertThat(store.modelVersion("acme", "churn", "v1")).contains(rescored);
    }

    @Test
    void promotesOnlyFromTheVersionTheCallerSawActive() {
        for (String v : List.of("v1", "v2", "v3")) {
            store.registerModelVersion(version("acme", "churn", v, T0));
        }

        assertThat(store.promote("acme", "churn", "v1", "v2")).as("v2 was never active").isFalse();
        assertThat(store.activeVersion("acme", "churn")).isEmpty();
        assertThat(statuses("acme", "churn")).containsOnly(
                Map.entry("v1", "registered"), Map.entry("v2", "registered"), Map.entry("v3", "registered"));

        assertThat(store.promote("acme", "churn", "v1", null)).isTrue();
        assertThat(store.activeVersion("acme", "churn")).contains("v1");

        assertThat(store.promote("acme", "churn", "v2", null)).as("v1 is active now").isFalse();
        assertThat(store.promote("acme", "churn", "v2", "v3")).isFalse();
        assertThat(store.activeVersion("acme", "churn")).contains("v1");
        assertThat(statuses("acme", "churn")).containsOnly(
                Map.entry("v1", "active"), Map.entry("v2", "registered"), Map.entry("v3", "registered"));

        assertThat(store.promote("acme", "churn", "v2", "v1")).isTrue();
        assertThat(store.activeVersion("acme", "churn")).contains("v2");
        assertThat(statuses("acme", "churn")).containsOnly(
                Map.entry("v1", "retired"), Map.entry("v2", "active"), Map.entry("v3", "registered"));

        assertThat(store.promote("acme", "churn", "v2", "v2")).as("already active").isTrue();
        assertThat(store.promote("acme", "churn", "v1", "v2")).as("rolled back").isTrue();
        assertThat(statuses("acme", "churn")).containsOnly(
                Map.entry("v1", "active"), Map.entry("v2", "retired"), Map.entry("v3", "registered"));

        assertThatThrownBy(() -> store.promote("acme", "churn", "v9", "v1"))
                .isInstanceOf(NotFoundException.class).hasMessage("tenant acme has no churn model version v9");
        assertThat(store.activeVersion("acme", "churn")).contains("v1");
    }

    @Test
    void onlyPromotionChangesWhichVersionIsActive() {
        ModelVersion v1 = version("acme", "churn", "v1", T1);
        assertThatThrownBy(() -> store.registerModelVersion(withStatus(v1, ModelVersion.ACTIVE)))
                .isInstanceOf(MetadataConflictException.class).hasMessageContaining("promote it instead");
        store.registerModelVersion(v1);
        store.promote("acme", "churn", "v1", null);

        assertThatThrownBy(() -> store.registerModelVersion(v1))
                .isInstanceOf(MetadataConflictException.class).hasMessageContaining("v1 of tenant acme is active");
        ModelVersion activeWithNewMetrics = new ModelVersion("acme", "churn", "v1", v1.artifactUri(), v1.sha256(),
                Map.of("roc_auc", 0.75), T1, ModelVersion.ACTIVE, null);
        store.registerModelVersion(activeWithNewMetrics);
        assertThat(store.modelVersion("acme", "churn", "v1")).contains(activeWithNewMetrics);
    }

    @Test
    void exactlyOneOfTwoRacingPromotionsWins() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (MetadataStore other = openStore()) {
            String active = null;
            for (int round = 0; round < raceRounds(); round++) {
                String a = "a" + round;
                String b = "b" + round;
                store.registerModelVersion(version("acme", "churn", a, T0));
                store.registerModelVersion(version("acme", "churn", b, T0));
                String expected = active;
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Boolean> aWon = threads.submit(() -> {
                    start.await();
                    return store.promote("acme", "churn", a, expected);
                });
                Future<Boolean> bWon = threads.submit(() -> {
                    start.await();
                    return other.promote("acme", "churn", b, expected);
                });

                assertThat(List.of(aWon.get(30, TimeUnit.SECONDS), bWon.get(30, TimeUnit.SECONDS)))
                        .as("round %d", round).containsExactlyInAnyOrder(true, false);
                String winner = aWon.get() ? a : b;
                assertThat(store.activeVersion("acme", "churn")).contains(winner);
                assertThat(other.activeVersion("acme", "churn")).contains(winner);
                Map<String, String> statuses = statuses("acme", "churn");
                assertThat(statuses.values()).as("round %d", round).containsOnlyOnce("active");
                assertThat(statuses).containsEntry(winner, "active")
                        .containsEntry(winner.equals(a) ? b : a, "registered");
                if (expected != null) {
                    assertThat(statuses).containsEntry(expected, "retired");
                }
                active = winner;
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void keepsTenantsApartEvenUnderTheSameIds() {
        for (String tenant : List.of("acme", "beta")) {
            store.createTenant(tenant, T0);
            store.addApiKey(key(tenant, "k1", "secret-of-" + tenant, T0));
            store.recordFile(new FileRecord(tenant, "f1", tenant + ".csv", T0, Map.of("tenant", tenant)));
            store.recordRun(new TrainingRun(tenant, "r1", "churn", "ds-" + tenant, TrainingRun.RUNNING, T0, null,
                    null, null, null, null));
            store.registerModelVersion(new ModelVersion(tenant, "churn", "v1", "file:///" + tenant, sha256(tenant),
                    null, T0, ModelVersion.REGISTERED, null));
        }
        store.promote("acme", "churn", "v1", null);
        store.revokeApiKey("acme", "k1", T1);

        for (String tenant : List.of("acme", "beta")) {
            assertThat(store.apiKeys(tenant)).singleElement()
                    .extracting(ApiKey::sha256Hex).isEqualTo(ApiKey.hashOf("secret-of-" + tenant));
            assertThat(store.files(tenant)).singleElement().extracting(FileRecord::name).isEqualTo(tenant + ".csv");
            assertThat(store.file(tenant, "f1").orElseThrow().report()).containsEntry("tenant", tenant);
            assertThat(store.runs(tenant)).singleElement()
                    .extracting(TrainingRun::datasetId).isEqualTo("ds-" + tenant);
            assertThat(store.modelVersions(tenant, "churn")).singleElement()
                    .extracting(ModelVersion::artifactUri).isEqualTo("file:///" + tenant);
        }
        assertThat(store.apiKeyByHash(ApiKey.hashOf("secret-of-beta")).orElseThrow().isRevoked()).isFalse();
        assertThat(store.activeVersion("beta", "churn")).isEmpty();
        assertThat(store.modelVersion("beta", "churn", "v1").orElseThrow().status()).isEqualTo("registered");
        assertThat(store.promote("beta", "churn", "v1", "v1")).as("acme's active version is not beta's").isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"../x", "a/b", " acme", "-acme", "ac.me", "tenants/acme/files",
            "a1234567890123456789012345678901234567890123456789012345678901234"})
    void refusesAnInvalidTenantIdEverywhere(String tenantId) {
        List<ThrowingCallable> calls = List.of(
                () -> store.createTenant(tenantId, T0),
                () -> store.tenant(tenantId),
                () -> store.setCurrency(tenantId, "EUR"),
                () -> store.addApiKey(new ApiKey(tenantId, "k1", ApiKey.hashOf("s"), null, T0, null, null)),
                () -> store.apiKeys(tenantId),
                () -> store.revokeApiKey(tenantId, "k1", T0),
                () -> store.recordFile(new FileRecord(tenantId, "f1", "x.csv", T0, null)),
                () -> store.file(tenantId, "f1"),
                () -> store.files(tenantId),
                () -> store.run(tenantId, "r1"),
                () -> store.runs(tenantId),
                () -> store.modelVersion(tenantId, "churn", "v1"),
                () -> store.modelVersions(tenantId, "churn"),
                () -> store.promote(tenantId, "churn", "v1", null),
                () -> store.activeVersion(tenantId, "churn"));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid tenant id");
        }
        assertThat(store.tenants()).isEmpty();
    }

    @Test
    void refusesInvalidIdsOfWhatIsKeptUnderATenant() {
        assertThatThrownBy(() -> store.file("acme", "../beta/files/f1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid file id");
        assertThatThrownBy(() -> store.modelVersion("acme", "churn", "v1/../../v2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid model version");
        assertThatThrownBy(() -> store.activeVersion("acme", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid model kind");
        assertThatThrownBy(() -> store.revokeApiKey("acme", "k1/x", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid API key id");
        assertThatThrownBy(() -> store.apiKeyByHash("not-a-hash"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid key hash");
    }

    static ApiKey key(String tenantId, String keyId, String secret, Instant createdAt) {
        return new ApiKey(tenantId, keyId, ApiKey.hashOf(secret), "key " + keyId, createdAt, createdAt.plusSeconds(86_400), null);
    }

    static ModelVersion version(String tenantId, String kind, String version, Instant createdAt) {
        return new ModelVersion(tenantId, kind, version, "file:///artifacts/tenants/" + tenantId + "/models/" + kind
                + "/" + version, sha256(version), Map.of("roc_auc", 0.72), createdAt, ModelVersion.REGISTERED, null);
    }

    static ModelVersion withStatus(ModelVersion v, String status) {
        return new ModelVersion(v.tenantId(), v.modelKind(), v.version(), v.artifactUri(), v.sha256(), v.metrics(),
                v.createdAt(), status, v.reason());
    }

    /** A stand-in checksum of a model file. */
    static String sha256(String content) {
        return ApiKey.hashOf(content);
    }

    /** Each version's status, by version. */
    Map<String, String> statuses(String tenantId, String kind) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (ModelVersion v : store.modelVersions(tenantId, kind)) {
            statuses.put(v.version(), v.status());
        }
        return statuses;
    }
}
