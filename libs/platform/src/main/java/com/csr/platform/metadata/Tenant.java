package com.csr.platform.metadata;

import com.csr.contracts.ids.CurrencyCodes;
import com.csr.contracts.ids.TenantIds;
import java.time.Instant;

/**
 * A retailer using the platform.
 *
 * @param tenantId      its id ({@link TenantIds})
 * @param createdAt     when it was created
 * @param currency      the currency its money figures are in ({@link CurrencyCodes}, upper case); {@code null} when
 *                      it has none of its own
 * @param notifications where it is told that trainings and batch jobs ended; {@code null} when nowhere
 */
public record Tenant(String tenantId, Instant createdAt, String currency, NotificationSettings notifications) {

    public Tenant {
        TenantIds.require(tenantId);
        createdAt = RecordValues.time("createdAt", createdAt);
        currency = CurrencyCodes.optional(currency);
        notifications = notifications == null || notifications.isEmpty() ? null : notifications;
    }

    /** A tenant with a currency (or none) and no notifications. */
    public Tenant(String tenantId, Instant createdAt, String currency) {
        this(tenantId, createdAt, currency, null);
    }

    /** A tenant without a currency of its own. */
    public Tenant(String tenantId, Instant createdAt) {
        this(tenantId, createdAt, null, null);
    }

    /** The same tenant with another currency ({@code null}: none of its own). */
    public Tenant withCurrency(String currency) {
        return new Tenant(tenantId, createdAt, currency, notifications);
    }

    /** The same tenant notified elsewhere ({@code null}: nowhere). */
    public Tenant withNotifications(NotificationSettings notifications) {
        return new Tenant(tenantId, createdAt, currency, notifications);
    }
}
