package com.csr.ingest.service;

import com.csr.core.events.IngestReport;
import com.csr.core.ingest.FileAssembly;
import com.csr.core.ingest.FileIngestion;
import com.csr.ingest.messaging.IngestOutput;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Cleans a complete file, publishes what it gave, and notes the file as reported so it is counted once. */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    private final IngestOutput output;
    private final ReportView reports;

    IngestionService(IngestOutput output, ReportView reports) {
        this.output = output;
        this.reports = reports;
    }

    /**
     * Ingests a file once every row has arrived.
     *
     * @throws org.apache.kafka.common.KafkaException when its output could not be published; the file is then not
     *                                                reported and must be read again
     */
    public IngestReport ingest(FileAssembly file) {
        FileIngestion.Result result = clean(file);
        output.publish(result);
        reports.record(result.report());
        LOG.infof("file %s of tenant %s: %s, %d rows read, %d kept", file.fileId(), file.tenantId(),
                result.report().status(), result.report().rowsRead(), result.report().rowsKept());
        return result.report();
    }

    private static FileIngestion.Result clean(FileAssembly file) {
        try {
            return FileIngestion.ingest(file);
        } catch (RuntimeException e) {
            // a file the cleaner trips over is still reported, once: otherwise it would be read again forever and
            // hold back its partition's offsets
            LOG.errorf(e, "cannot clean file %s of tenant %s", file.fileId(), file.tenantId());
            return new FileIngestion.Result(List.of(), List.of(), new IngestReport(file.tenantId(), file.fileId(),
                    "failed", 0, 0, 0, 0, Map.of(), Map.of(), null, Instant.now().toString(),
                    "the file could not be cleaned: " + e.getMessage()));
        }
    }
}
