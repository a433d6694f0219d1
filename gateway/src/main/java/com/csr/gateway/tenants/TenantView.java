package com.csr.gateway.tenants;

import com.csr.platform.metadata.Tenant;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A tenant as the API shows it; when just created, with its first key ({@code api_key.secret}, shown once).
 *
 * @param currency its own currency (ISO 4217); null when it has none, and its figures are in the gateway's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantView(String tenantId, @JsonInclude(JsonInclude.Include.ALWAYS) String currency,
                         Instant createdAt, KeyView apiKey) {

    public static TenantView of(Tenant tenant) {
        return new TenantView(tenant.tenantId(), tenant.currency(), tenant.createdAt(), null);
    }
}
