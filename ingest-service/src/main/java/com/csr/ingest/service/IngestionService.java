package com.csr.ingest.service;

import com.csr.core.events.IngestReport;
import com.csr.core.ingest.IncomingFile;
import com.csr.ingest.messaging.IngestOutput;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Opens arriving files onto the output topics, and closes each with its report, published only once the broker
 * holds everything the file gave, then noted so the file is counted once.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    private final IngestOutput output;
    private final ReportView reports;
    private final FileRecords files;

    IngestionService(IngestOutput output, ReportView reports, FileRecords files) {
        this.output = output;
        this.reports = reports;
        this.files = files;
    }

    /** A file whose clean and rejected rows go out as they are known. */
    public IncomingFile open(String tenantId, String fileId) {
        return new IncomingFile(tenantId, fileId, output);
    }

    /**
     * Publishes a complete file's report and notes the file as counted.
     *
     * @throws org.apache.kafka.common.KafkaException when any of the file's output was refused; the file is then not
     *                                                reported and must be read again
     */
    public void complete(IngestReport report) {
        output.publishReport(report);
        reports.record(report);
        files.reported(report);
        LOG.infof("file %s of tenant %s: %s, %d rows read, %d kept", report.fileId(), report.tenantId(),
                report.status(), report.rowsRead(), report.rowsKept());
    }

    /**
     * Reports a file the cleaner tripped over, once: otherwise it would be read again forever and hold back its
     * partition's offsets.
     */
    public void fail(String tenantId, String fileId, RuntimeException e) {
        LOG.errorf(e, "cannot clean file %s of tenant %s", fileId, tenantId);
        complete(new IngestReport(tenantId, fileId, "failed", 0, 0, 0, 0, Map.of(), Map.of(), null,
                Instant.now().toString(), "the file could not be cleaned: " + e.getMessage()));
    }
}
