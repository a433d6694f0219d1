package com.csr.core.metadata;

import com.csr.core.tenants.TenantIds;
import java.time.Instant;

/**
 * A retailer using the platform.
 *
 * @param tenantId  its id ({@link TenantIds})
 * @param createdAt when it was created
 */
public record Tenant(String tenantId, Instant createdAt) {

    public Tenant {
        TenantIds.require(tenantId);
        createdAt = RecordValues.time("createdAt", createdAt);
    }
}
