package com.csr.ingest.rest;

import com.csr.core.api.Problem;
import com.csr.core.tenants.TenantIds;
import jakarta.ws.rs.BadRequestException;

/** The tenant a request speaks for, from its {@code X-Tenant-Id} header; a missing or invalid one is a 400. */
final class TenantHeader {

    private TenantHeader() {
    }

    static String require(String header) {
        if (header == null || header.isBlank()) {
            throw new BadRequestException("missing the " + Problem.TENANT_HEADER + " header: say which tenant");
        }
        try {
            return TenantIds.require(header);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Problem.TENANT_HEADER + ": " + e.getMessage());
        }
    }
}
