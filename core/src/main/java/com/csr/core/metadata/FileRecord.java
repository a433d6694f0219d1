package com.csr.core.metadata;

import com.csr.core.tenants.RecordIds;
import com.csr.core.tenants.TenantIds;
import java.time.Instant;
import java.util.Map;

/**
 * A transaction file a tenant uploaded or published, and its quality report once it is ingested.
 *
 * @param tenantId   whose file
 * @param fileId     its id (the SHA-256 of its bytes, for files the platform receives)
 * @param name       the name it was uploaded under
 * @param receivedAt when it arrived
 * @param report     the quality report as JSON values (e.g. an {@code IngestReport} converted to a map);
 *                   {@code null} until the file is ingested
 */
public record FileRecord(String tenantId, String fileId, String name, Instant receivedAt, Map<String, Object> report) {

    public FileRecord {
        TenantIds.require(tenantId);
        RecordIds.require("file id", fileId);
        RecordValues.required("file name", name);
        receivedAt = RecordValues.time("receivedAt", receivedAt);
        report = RecordValues.jsonObject("report", report);
    }
}
