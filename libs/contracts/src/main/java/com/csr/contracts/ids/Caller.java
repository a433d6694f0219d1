package com.csr.contracts.ids;

import java.time.Instant;
import java.util.Set;

/**
 * Who a request speaks for: the tenant its API key belongs to, and what the key may do. Every tenant-scoped read and
 * write takes the tenant from here, never from a path, body or header the caller wrote.
 *
 * @param tenantId      the key's tenant
 * @param keyId         which of the tenant's keys, for logs
 * @param authorization the request's {@code Authorization} header, passed on when the request calls another service
 * @param scopes        what the key may do
 * @param expiresAt     when the key stops working; {@code null} for never
 */
public record Caller(String tenantId, String keyId, String authorization, Set<KeyScope> scopes, Instant expiresAt) {

    public Caller {
        TenantIds.require(tenantId);
        scopes = scopes == null ? KeyScope.ALL : Set.copyOf(scopes);
    }

    /** A caller whose key may do everything and does not expire. */
    public Caller(String tenantId, String keyId, String authorization) {
        this(tenantId, keyId, authorization, KeyScope.ALL, null);
    }

    /** True when the key has the scope. */
    public boolean may(KeyScope scope) {
        return scopes.contains(scope);
    }

    @Override
    public String toString() {
        return "Caller[tenant=" + tenantId + ", key=" + keyId + ", scopes=" + scopes + "]";  // never the secret
    }
}
