package com.csr.contracts.ids;

/**
 * Who a request speaks for: the tenant its API key belongs to. Every tenant-scoped read and write takes the tenant
 * from here, never from a path, body or header the caller wrote.
 *
 * @param tenantId      the key's tenant
 * @param keyId         which of the tenant's keys, for logs
 * @param authorization the request's {@code Authorization} header, passed on when the request calls another service
 */
public record Caller(String tenantId, String keyId, String authorization) {

    public Caller {
        TenantIds.require(tenantId);
    }

    @Override
    public String toString() {
        return "Caller[tenant=" + tenantId + ", key=" + keyId + "]";  // never the secret
    }
}
