package com.csr.core.metadata;

import com.csr.core.tenants.CurrencyCodes;
import com.csr.core.tenants.TenantIds;
import java.time.Instant;

/**
 * A retailer using the platform.
 *
 * @param tenantId  its id ({@link TenantIds})
 * @param createdAt when it was created
 * @param currency  the currency its money figures are in ({@link CurrencyCodes}, upper case); {@code null} when it
 *                  has none of its own
 */
public record Tenant(String tenantId, Instant createdAt, String currency) {

    public Tenant {
        TenantIds.require(tenantId);
        createdAt = RecordValues.time("createdAt", createdAt);
        currency = CurrencyCodes.optional(currency);
    }

    /** A tenant without a currency of its own. */
    public Tenant(String tenantId, Instant createdAt) {
        this(tenantId, createdAt, null);
    }

    /** The same tenant with another currency ({@code null}: none of its own). */
    public Tenant withCurrency(String currency) {
        return new Tenant(tenantId, createdAt, currency);
    }
}
