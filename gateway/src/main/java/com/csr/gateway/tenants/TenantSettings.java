package com.csr.gateway.tenants;

import com.csr.contracts.problems.ConflictException;
import com.csr.contracts.problems.NotFoundException;
import com.csr.gateway.config.GatewayConfig;
import com.csr.gateway.notify.Mails;
import com.csr.gateway.notify.Notifier;
import com.csr.gateway.notify.WebhookSignature;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.NotificationSettings;
import com.csr.platform.metadata.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;

/**
 * A tenant's own settings — the currency its money figures are in, where it is notified — and the one rule for which
 * currency they are shown in: the tenant's own, else the gateway's default ({@code csr.gateway.currency}).
 */
@ApplicationScoped
public class TenantSettings {

    private final MetadataStore metadata;
    private final GatewayConfig config;
    private final Mails mails;
    private final Notifier notifier;

    public TenantSettings(MetadataStore metadata, GatewayConfig config, Mails mails, Notifier notifier) {
        this.metadata = metadata;
        this.config = config;
        this.mails = mails;
        this.notifier = notifier;
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

    /** Where the tenant is notified; {@code null} when nowhere. */
    public NotificationSettings notifications(String tenantId) {
        return of(tenantId).notifications();
    }

    /**
     * Sets where the tenant is notified of what ends from now on. A webhook keeps its signing secret while its URL
     * stays, unless one is asked to be rotated; a new URL gets a new secret.
     *
     * @param email        an address, or null for no mail
     * @param webhookUrl   an http(s) URL, or null for no webhook
     * @throws IllegalArgumentException for an address or URL that cannot be used
     * @throws ConflictException        for an address when the gateway sends no mail
     * @throws NotFoundException        when the tenant was never created
     */
    public NotificationSettings changeNotifications(String tenantId, String email, String webhookUrl,
                                                    boolean rotateSecret) {
        NotificationSettings before = notifications(tenantId);
        if (email != null && !email.isBlank() && !mails.enabled()) {
            throw new ConflictException("this platform sends no mail (its gateway has no CSR_MAIL_FROM); use a "
                    + "webhook");
        }
        String url = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
        boolean sameUrl = url != null && before != null && url.equals(before.webhookUrl());
        String secret = url == null ? null : sameUrl && !rotateSecret ? before.webhookSecret()
                : WebhookSignature.newSecret();
        NotificationSettings settings = new NotificationSettings(email, url, secret, Instant.now());
        if (url != null) {
            notifier.webhooks().requireAllowed(URI.create(url));
        }
        return metadata.setNotifications(tenantId, settings).orElseThrow(() -> noTenant(tenantId)).notifications();
    }

    /** Stops notifying the tenant. */
    public void clearNotifications(String tenantId) {
        metadata.setNotifications(tenantId, null).orElseThrow(() -> noTenant(tenantId));
    }

    /** Whether the gateway sends mail at all. */
    public boolean mailEnabled() {
        return mails.enabled();
    }

    /** The currency the tenant's money figures are shown in. */
    public String currencyOf(String tenantId) {
        return metadata.tenant(tenantId).map(Tenant::currency).orElse(config.currency());
    }

    private static NotFoundException noTenant(String tenantId) {
        return new NotFoundException("no tenant " + tenantId);
    }
}
