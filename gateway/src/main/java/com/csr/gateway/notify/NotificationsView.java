package com.csr.gateway.notify;

import com.csr.platform.metadata.NotificationSettings;
import java.time.Instant;

/**
 * Where a tenant is told that its trainings and batch prediction jobs ended.
 *
 * @param email         the address mails go to, or null
 * @param webhookUrl    the URL events are posted to, or null
 * @param webhookSecret the secret its posts are signed with (Standard Webhooks: {@code whsec_...}), or null
 * @param since         when these settings were made: what ends after it is notified; null when nothing is set
 * @param mailEnabled   whether this platform sends mail at all
 */
public record NotificationsView(String email, String webhookUrl, String webhookSecret, Instant since,
                                boolean mailEnabled) {

    public static NotificationsView of(NotificationSettings settings, boolean mailEnabled) {
        return settings == null ? new NotificationsView(null, null, null, null, mailEnabled)
                : new NotificationsView(settings.email(), settings.webhookUrl(), settings.webhookSecret(),
                settings.since(), mailEnabled);
    }
}
