package com.csr.ingest.service;

import com.csr.core.events.IngestReport;
import com.csr.core.ingest.IncomingFile;
import com.csr.ingest.messaging.IngestOutput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Opens arriving files onto the output topics, and closes each with its report, published only once the broker
 * holds everything the file gave, then noted so the file is counted once — in the metrics too:
 * {@code csr_ingest_files_total{status}}, {@code csr_ingest_rows_read_total}, {@code csr_ingest_rows_kept_total} and
 * {@code csr_ingest_rows_rejected_total{reason}}, counted from the reports, so read = kept + rejected.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    private final IngestOutput output;
    private final ReportView reports;
    private final FileRecords files;
    private final MeterRegistry meters;
    private final Counter rowsRead;
    private final Counter rowsKept;

    IngestionService(IngestOutput output, ReportView reports, FileRecords files, MeterRegistry meters) {
        this.output = output;
        this.reports = reports;
        this.files = files;
        this.meters = meters;
        this.rowsRead = Counter.builder("csr.ingest.rows.read").description("Rows read from reported files")
                .register(meters);
        this.rowsKept = Counter.builder("csr.ingest.rows.kept").description("Rows kept, cleaned, of reported files")
                .register(meters);
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
        count(report);
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

    private void count(IngestReport report) {
        Counter.builder("csr.ingest.files").description("Files reported, by status").tag("status", report.status())
                .register(meters).increment();
        rowsRead.increment(report.rowsRead());
        rowsKept.increment(report.rowsKept());
        report.rejected().forEach((reason, rows) -> Counter.builder("csr.ingest.rows.rejected")
                .description("Rows rejected from reported files, by reason").tag("reason", reason).register(meters)
                .increment(rows));
    }
}
