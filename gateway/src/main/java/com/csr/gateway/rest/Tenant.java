package com.csr.gateway.rest;

import com.csr.core.api.Problem;
import com.csr.core.tenants.TenantIds;

/** The tenant of a request, from its header; a missing or malformed one is a bad request. */
final class Tenant {

    private Tenant() {
    }

    static String of(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("the " + Problem.TENANT_HEADER + " header is required");
        }
        return TenantIds.require(header.trim());
    }
}
