package com.csr.ingest.service;

import com.csr.contracts.events.IngestReport;
import com.csr.domain.json.EventJson;
import com.csr.platform.metadata.FileRecord;
import com.csr.platform.metadata.MetadataStore;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The tenant's files in the metadata store: an upload as it is accepted (under the name it was uploaded with), and
 * every file with its quality report once ingested. Each is a read-then-write, serialised within this instance (an
 * upload's answer and its report race: ingestion can finish first); an upload answered by one instance while
 * another ingests it can still lose the upload name to the file id. {@code ingest.reports} stays the source of truth
 * for counting a file once.
 *
 * <p>A write the store refuses (it is down) is kept and tried again every {@link #RETRY} until it is taken, so a
 * file ingested during an outage gets its record when the store is back; and every report read from
 * {@code ingest.reports} whose file has no record with a report gets one ({@link #reconcile}), which also covers an
 * instance that stopped during the outage.
 */
@ApplicationScoped
public class FileRecords {

    private static final Logger LOG = Logger.getLogger(FileRecords.class);
    /** How often writes the store refused are tried again. */
    static final Duration RETRY = Duration.ofSeconds(10);
    /** Writes kept for a later try at most; beyond, the oldest is given up (its file's report, on the topic, is not). */
    static final int MAX_WAITING = 10_000;

    private final MetadataStore metadata;
    /** Writes the store refused, by file (a later write of a file replaces an earlier one), oldest first. */
    private final Map<String, Runnable> waiting = new LinkedHashMap<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "file-records-retry");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public FileRecords(MetadataStore metadata) {
        this(metadata, RETRY);
    }

    FileRecords(MetadataStore metadata, Duration retry) {
        this.metadata = metadata;
        retries.scheduleWithFixedDelay(this::retryWaiting, retry.toMillis(), retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * An upload accepted under {@code name}, read with {@code columns}; its report comes later.
     *
     * @param mapping the column mapping the file is read with, as its document; empty when its header names them
     */
    public synchronized void received(String tenantId, String fileId, String name, Map<String, String> mapping) {
        write(tenantId, fileId, "received", () -> {
            Optional<FileRecord> known = metadata.file(tenantId, fileId);
            if (known.isEmpty()) {
                metadata.recordFile(new FileRecord(tenantId, fileId, name, Instant.now(), null, mapping));
            } else if (known.get().name().equals(fileId) && !name.equals(fileId)) {
                // its report came first (ingestion can beat the upload's answer): keep the report, add the name
                metadata.recordFile(new FileRecord(tenantId, fileId, name, known.get().receivedAt(),
                        known.get().report(), mapping));
            }
        });
    }

    /**
     * A file's quality report, kept with the name and time it was received (its id when it came over Kafka) and the
     * column mapping it was read with (its upload's, else the one its start marker gave).
     */
    public synchronized void reported(IngestReport report) {
        write(report.tenantId(), report.fileId(), "reported", () -> record(report));
    }

    /**
     * A report read from {@code ingest.reports}: recorded if the store has no record of its file with a report (one
     * written while the store was down, by an instance that stopped before it was back). A store that cannot be read
     * now leaves it to the next reading.
     */
    public synchronized void reconcile(IngestReport report) {
        try {
            if (metadata.file(report.tenantId(), report.fileId()).map(FileRecord::report).isEmpty()) {
                write(report.tenantId(), report.fileId(), "reported", () -> record(report));
            }
        } catch (RuntimeException storeDown) {
            LOG.debugf("file %s of tenant %s not reconciled now: %s", report.fileId(), report.tenantId(),
                    storeDown.getMessage());
        }
    }

    public Optional<FileRecord> file(String tenantId, String fileId) {
        return metadata.file(tenantId, fileId);
    }

    /** Writes kept for a later try. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void record(IngestReport report) {
        Optional<FileRecord> known = metadata.file(report.tenantId(), report.fileId());
        Map<String, Object> values = EventJson.MAPPER.convertValue(report, new TypeReference<>() { });
        metadata.recordFile(new FileRecord(report.tenantId(), report.fileId(),
                known.map(FileRecord::name).orElse(report.fileId()),
                known.map(FileRecord::receivedAt).orElse(Instant.now()), values,
                known.map(FileRecord::columns).orElse(report.columns())));
    }

    private void write(String tenantId, String fileId, String what, Runnable write) {
        String key = tenantId + "/" + fileId + "/" + what;
        try {
            write.run();
            waiting.remove(key);
        } catch (RuntimeException e) {
            if (waiting.remove(key) == null) {
                LOG.errorf("file %s of tenant %s could not be recorded in the metadata store (tried again every %d"
                        + " s): %s", fileId, tenantId, RETRY.toSeconds(), e.getMessage());
            }
            waiting.put(key, write);
            if (waiting.size() > MAX_WAITING) {
                String oldest = waiting.keySet().iterator().next();
                waiting.remove(oldest);
                LOG.errorf("more than %d file records wait for the metadata store: %s given up", MAX_WAITING, oldest);
            }
        }
    }

    private synchronized void retryWaiting() {
        for (Map.Entry<String, Runnable> next : Map.copyOf(waiting).entrySet()) {
            try {
                next.getValue().run();
                waiting.remove(next.getKey());
                LOG.infof("file record %s written now that the metadata store takes writes", next.getKey());
            } catch (RuntimeException stillDown) {
                return; // the next try, after the delay
            }
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        retries.shutdownNow();
    }
}
