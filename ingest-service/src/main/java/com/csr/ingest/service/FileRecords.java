package com.csr.ingest.service;

import com.csr.contracts.events.IngestReport;
import com.csr.domain.json.EventJson;
import com.csr.platform.metadata.FileRecord;
import com.csr.platform.metadata.MetadataStore;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The tenant's files in the metadata store: an upload as it is accepted (under the name it was uploaded with), and
 * every file with its quality report once ingested. Each is a read-then-write, serialised within this instance (an
 * upload's answer and its report race: ingestion can finish first); an upload answered by one instance while
 * another ingests it can still lose the upload name to the file id. {@code ingest.reports} stays the source of truth
 * for counting a file once; a metadata store that cannot be written is logged, and ingestion goes on.
 */
@ApplicationScoped
public class FileRecords {

    private static final Logger LOG = Logger.getLogger(FileRecords.class);

    private final MetadataStore metadata;

    FileRecords(MetadataStore metadata) {
        this.metadata = metadata;
    }

    /**
     * An upload accepted under {@code name}, read with {@code columns}; its report comes later.
     *
     * @param mapping the column mapping the file is read with, as its document; empty when its header names them
     */
    public synchronized void received(String tenantId, String fileId, String name, Map<String, String> mapping) {
        write(tenantId, fileId, () -> {
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
        write(report.tenantId(), report.fileId(), () -> {
            Optional<FileRecord> known = metadata.file(report.tenantId(), report.fileId());
            Map<String, Object> values = EventJson.MAPPER.convertValue(report, new TypeReference<>() { });
            metadata.recordFile(new FileRecord(report.tenantId(), report.fileId(),
                    known.map(FileRecord::name).orElse(report.fileId()),
                    known.map(FileRecord::receivedAt).orElse(Instant.now()), values,
                    known.map(FileRecord::columns).orElse(report.columns())));
        });
    }

    public Optional<FileRecord> file(String tenantId, String fileId) {
        return metadata.file(tenantId, fileId);
    }

    private static void write(String tenantId, String fileId, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.errorf("file %s of tenant %s could not be recorded in the metadata store: %s", fileId, tenantId,
                    e.getMessage());
        }
    }
}
