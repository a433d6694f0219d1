package com.csr.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.csr.contracts.events.IngestReport;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.FileRecord;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.MetadataStoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File records written while the metadata store is down are not lost (security review M8). */
class FileRecordsTest {

    @TempDir
    Path directory;

    /** The real store, behind a switch that makes every call fail as a store that is down does. */
    private static MetadataStore outageOf(MetadataStore store, AtomicBoolean down) {
        return (MetadataStore) Proxy.newProxyInstance(MetadataStore.class.getClassLoader(),
                new Class<?>[] {MetadataStore.class}, (proxy, method, args) -> {
                    if (down.get() && !method.getName().equals("close")) {
                        throw new MetadataStoreException("the metadata store is down", null);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static IngestReport report(String tenant, String fileId) {
        return new IngestReport(tenant, fileId, "completed", 3, 2, 0, 5.0, Map.of("duplicate", 1L), Map.of(),
                "2010-01-31", "2026-12-06T00:00:00Z", null);
    }

    @Test
    void aRecordRefusedDuringAnOutageIsWrittenWhenTheStoreIsBack() {
        AtomicBoolean down = new AtomicBoolean(true);
        try (MetadataStore store = new EmbeddedMetadataStore(directory)) {
            FileRecords records = new FileRecords(outageOf(store, down), Duration.ofMillis(100));
            records.received("acme", "f1", "march.csv", Map.of());
            records.reported(report("acme", "f1"));
            assertThat(records.waiting()).isEqualTo(2);
            assertThat(store.file("acme", "f1")).isEmpty();

            down.set(false);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(records.waiting()).isZero());
            FileRecord kept = store.file("acme", "f1").orElseThrow();
            assertThat(kept.name()).isEqualTo("march.csv");
            assertThat(kept.report()).containsEntry("rows_read", 3L);
        }
    }

    @Test
    void aReportReadFromTheTopicWhoseFileHasNoRecordGetsOneAndARecordedOneIsLeftAlone() {
        try (MetadataStore store = new EmbeddedMetadataStore(directory)) {
            FileRecords records = new FileRecords(store, Duration.ofSeconds(10));
            records.received("acme", "f2", "april.csv", Map.of());
            records.reported(report("acme", "f2"));
            FileRecord recorded = store.file("acme", "f2").orElseThrow();

            records.reconcile(report("acme", "f3"));
            records.reconcile(report("acme", "f2"));

            assertThat(store.file("acme", "f3")).get().extracting(FileRecord::name).isEqualTo("f3");
            assertThat(store.file("acme", "f2")).contains(recorded);
        }
    }
}
