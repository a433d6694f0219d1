package com.csr.platform.metadata;

import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.ids.TenantIds;
import java.time.Instant;
import java.util.Map;

/**
 * A transaction file a tenant uploaded or published, the column mapping it was read with, and its quality report
 * once it is ingested.
 *
 * @param tenantId   whose file
 * @param fileId     its id (the SHA-256 of its bytes, for files the platform receives)
 * @param name       the name it was uploaded under
 * @param receivedAt when it arrived
 * @param report     the quality report as JSON values (e.g. an {@code IngestReport} converted to a map);
 *                   {@code null} until the file is ingested
 * @param columns    the column mapping it was read with, as the mapping document (e.g. {@code customer_id} to
 *                   {@code Customer ID}); {@code null} when its header named the columns
 */
public record FileRecord(String tenantId, String fileId, String name, Instant receivedAt, Map<String, Object> report,
                         Map<String, String> columns) {

    public FileRecord {
        TenantIds.require(tenantId);
        RecordIds.require("file id", fileId);
        RecordValues.required("file name", name);
        receivedAt = RecordValues.time("receivedAt", receivedAt);
        report = RecordValues.jsonObject("report", report);
        columns = columns == null || columns.isEmpty() ? null : RecordValues.copy("columns", columns);
    }

    /** A file whose header named its columns. */
    public FileRecord(String tenantId, String fileId, String name, Instant receivedAt, Map<String, Object> report) {
        this(tenantId, fileId, name, receivedAt, report, null);
    }

    /** The same file with its quality report. */
    public FileRecord withReport(Map<String, Object> report) {
        return new FileRecord(tenantId, fileId, name, receivedAt, report, columns);
    }
}
