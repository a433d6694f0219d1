package com.csr.gateway.service;

import com.csr.core.api.NotFoundException;
import com.csr.core.metadata.MetadataStore;
import com.csr.core.metadata.Tenant;
import com.csr.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A tenant's own settings — the currency its money figures are in — and the one rule for which currency they are
 * shown in: the tenant's own, else the gateway's default ({@code csr.gateway.currency}).
 */
@ApplicationScoped
public class TenantSettings {

    private final MetadataStore metadata;
    private final GatewayConfig config;

    public TenantSettings(MetadataStore metadata, GatewayConfig config) {
        this.metadata = metadata;
        this.config = config;
    }

    /** @throws NotFoundException when the tenant was never created, only given keys */
    public Tenant of(String tenantId) {
        return metadata.tenant(tenantId).orElseThrow(() -> noTenant(tenantId));
    }

    /**
     * Sets the tenant's currency.
     *
     * @param currency an ISO 4217 code; {@code null} for the gateway's default
     * @throws IllegalArgumentException for a code that names no currency
     * @throws NotFoundException        when the tenant was never created
     */
    public Tenant changeCurrency(String tenantId, String currency) {
        return metadata.setCurrency(tenantId, currency).orElseThrow(() -> noTenant(tenantId));
    }

    /** The currency the tenant's money figures are shown in. */
    public String currencyOf(String tenantId) {
        return metadata.tenant(tenantId).map(Tenant::currency).orElse(config.currency());
    }

    private static NotFoundException noTenant(String tenantId) {
        return new NotFoundException("no tenant " + tenantId);
    }
}
