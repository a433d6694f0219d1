package com.csr.ingest.service;

import com.csr.contracts.events.IngestReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Notes each file whose report is published as counted, so it is counted once — in the metrics too:
 * {@code csr_ingest_files_total{status}}, {@code csr_ingest_rows_read_total}, {@code csr_ingest_rows_kept_total} and
 * {@code csr_ingest_rows_rejected_total{reason}}, counted from the reports, so read = kept + rejected.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    private final ReportView reports;
    private final FileRecords files;
    private final MeterRegistry meters;
    private final Counter rowsRead;
    private final Counter rowsKept;

    IngestionService(ReportView reports, FileRecords files, MeterRegistry meters) {
        this.reports = reports;
        this.files = files;
        this.meters = meters;
        this.rowsRead = Counter.builder("csr.ingest.rows.read").description("Rows read from reported files")
                .register(meters);
        this.rowsKept = Counter.builder("csr.ingest.rows.kept").description("Rows kept, cleaned, of reported files")
                .register(meters);
    }

    /** Notes a file whose report is published (committed with its rows) as counted: the view, its record, the metrics. */
    public void completed(IngestReport report) {
        reports.record(report);
        files.reported(report);
        count(report);
        if ("failed".equals(report.status())) {
            LOG.warnf("file %s of tenant %s failed: %s", report.fileId(), report.tenantId(), report.error());
        } else {
            LOG.infof("file %s of tenant %s: %s, %d rows read, %d kept", report.fileId(), report.tenantId(),
                    report.status(), report.rowsRead(), report.rowsKept());
        }
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
