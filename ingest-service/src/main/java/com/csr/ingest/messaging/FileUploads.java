package com.csr.ingest.messaging;

import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.FileLimitException;
import com.csr.domain.transactions.FileLimits;
import com.csr.domain.transactions.FilePreview;
import com.csr.domain.transactions.InvalidTransactionFileException;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import com.csr.ingest.config.IngestConfig;
import com.csr.ingest.service.ReportView;
import com.csr.platform.kafka.RawRowPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ServiceUnavailableException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;

/**
 * Takes a transaction file uploaded over HTTP and publishes it row by row to {@code transactions.raw}, as a data
 * engineer would. The whole file is read once first, so a file the reader refuses is refused before any row is
 * published: a file refused half-way would leave rows on the topic that never make a complete file. Files are read
 * within the {@code csr.ingest.limits.*} settings: a file over one is refused with a {@link FileLimitException},
 * which the problem mapper answers 413 (rows, bytes) or 400 (a line, a cell).
 */
@ApplicationScoped
public class FileUploads {

    /** File ids name Kafka keys and URLs: a safe alphabet, and no colon, the key separator. */
    private static final Pattern FILE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** What the reader's UTF-8 decoder puts where bytes are not UTF-8. */
    private static final char NOT_UTF_8 = '\uFFFD';
    /** How long publishing may wait for the broker before the upload is answered 503. */
    private static final int MAX_BLOCK_MS = 10_000;

    private static final System.Logger LOG = System.getLogger(FileUploads.class.getName());

    private final KafkaClients clients;
    private final ReportView reports;
    private final FileLimits limits;

    FileUploads(KafkaClients clients, ReportView reports, IngestConfig.Limits limits) {
        this.clients = clients;
        this.reports = reports;
        this.limits = limits.fileLimits();
    }

    /**
     * What was accepted.
     *
     * @param fileId  the file's id: the SHA-256 of its bytes unless one was given
     * @param rows    data rows in the file
     * @param columns the column mapping it is read with, as its JSON document; empty when the header names them
     */
    public record Accepted(String fileId, long rows, Map<String, String> columns) {
    }

    /**
     * Checks and publishes an uploaded file; a file already reported is accepted again without being republished.
     *
     * @param fileId  the id to use, or null for the SHA-256 of the bytes
     * @param columns an explicit column mapping, or null for header aliases
     * @param asOf    the last known date (YYYY-MM-DD), or null for the file's last date
     * @throws BadRequestException         naming what makes the file or a parameter unusable
     * @throws FileLimitException          naming the limit the file is over, and the row
     * @throws ServiceUnavailableException when Kafka does not take the rows
     */
    public Accepted accept(String tenantId, Path file, String fileId, String columns, String asOf) {
        ColumnMapping mapping = mapping(columns);
        requireDate(asOf);
        if (fileId != null && !FILE_ID.matcher(fileId).matches()) {
            throw new BadRequestException("invalid file_id '" + fileId
                    + "': use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        long rows = readableRows(file, mapping);
        String id = fileId != null ? fileId : RawRowPublisher.sha256(file);
        if (reports.isReported(tenantId, id)) {
            return new Accepted(id, rows, mapping.toDocument());
        }
        Map<String, Object> settings = new HashMap<>(RawRowPublisher.producerSettings());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        try (RawRowPublisher publisher = new RawRowPublisher(clients.producer(settings))) {
            return new Accepted(id, publisher.publish(tenantId, file, id, columns, asOf, limits).rows(),
                    mapping.toDocument());
        } catch (KafkaException | IllegalStateException e) {
            // the broker's own words name hosts and internals: they go to the log, the tenant is told what to do
            LOG.log(System.Logger.Level.WARNING, "file " + id + " of tenant " + tenantId + " not published: "
                    + e.getMessage());
            throw new ServiceUnavailableException("the platform cannot take files right now (its message broker is "
                    + "not answering); nothing of this file was counted: upload it again in a few minutes");
        }
    }

    /**
     * The first rows of a file as ingestion would read them with {@code columns}; nothing is published.
     *
     * @throws BadRequestException naming what makes the file or the mapping unusable
     * @throws FileLimitException  naming the limit the first rows (or a workbook's parts) are over
     */
    public FilePreview preview(Path file, String columns, int rows) {
        if (rows < 1 || rows > FilePreview.MAX_ROWS) {
            throw new BadRequestException("rows: 1 to " + FilePreview.MAX_ROWS);
        }
        try {
            return FilePreview.of(file, mapping(columns), rows, limits);
        } catch (FileLimitException e) {
            throw e;
        } catch (InvalidTransactionFileException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static ColumnMapping mapping(String columns) {
        try {
            return ColumnMapping.parse(columns);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("columns: " + e.getMessage());
        }
    }

    private static void requireDate(String asOf) {
        if (asOf != null) {
            try {
                LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new BadRequestException("as_of must be a date, YYYY-MM-DD; got '" + asOf + "'");
            }
        }
    }

    /** Reads every row as ingestion will; returns how many there are. */
    private long readableRows(Path file, ColumnMapping mapping) {
        try (RowSource source = TransactionFiles.open(file, mapping, limits)) {
            requireUtf8(source.header(), 0);
            String[] cells;
            while ((cells = source.next()) != null) {
                requireUtf8(List.of(cells), source.rowNumber());
            }
            return source.rowNumber();
        } catch (FileLimitException e) {
            throw e;
        } catch (InvalidTransactionFileException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static void requireUtf8(List<String> cells, long row) {
        for (String cell : cells) {
            if (cell.indexOf(NOT_UTF_8) >= 0) {
                throw new BadRequestException("the file is not UTF-8 text: " + (row == 0 ? "its header" : "data row "
                        + row) + " holds bytes that are not UTF-8 (a Latin-1 or Windows export?); save it as UTF-8");
            }
        }
    }
}
