package com.csr.platform.metadata;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a tenant is told that a training or a batch prediction job ended: an e-mail address, a webhook, or both.
 *
 * @param email         the address mails go to, or {@code null}
 * @param webhookUrl    the {@code http(s)} URL events are posted to, or {@code null}
 * @param webhookSecret the secret webhook bodies are signed with ({@code whsec_} and Base64); required with a URL
 * @param since         when these settings were made: only what ends after it is notified
 */
public record NotificationSettings(String email, String webhookUrl, String webhookSecret, Instant since) {

    /** An address with one {@code @} and a dot in its domain; the mail server judges the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/]{24,88}={0,2}");

    public NotificationSettings {
        email = blankToNull(email);
        webhookUrl = blankToNull(webhookUrl);
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new IllegalArgumentException("email: '" + email + "' is not an e-mail address");
        }
        if (webhookUrl != null) {
            requireWebUrl(webhookUrl);
            if (webhookSecret == null || !SECRET.matcher(webhookSecret).matches()) {
                throw new IllegalArgumentException("a webhook needs a signing secret: whsec_ and Base64");
            }
        } else if (webhookSecret != null) {
            throw new IllegalArgumentException("a webhook secret without a webhook URL");
        }
        since = RecordValues.time("since", since);
    }

    /** True when nothing is to be notified. */
    public boolean isEmpty() {
        return email == null && webhookUrl == null;
    }

    /** As both stores keep it: texts by name, the time as an ISO instant; {@code null} for none. */
    static Map<String, String> toFields(NotificationSettings settings) {
        if (settings == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", settings.email);
        fields.put("webhook_url", settings.webhookUrl);
        fields.put("webhook_secret", settings.webhookSecret);
        fields.put("since", settings.since.toString());
        fields.values().removeIf(Objects::isNull);
        return fields;
    }

    static NotificationSettings fromFields(Map<String, ?> fields) {
        return fields == null ? null : new NotificationSettings((String) fields.get("email"),
                (String) fields.get("webhook_url"), (String) fields.get("webhook_secret"),
                Instant.parse((String) fields.get("since")));
    }

    private static void requireWebUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || url.length() > 2048) {
                throw new IllegalArgumentException("webhook_url: an http or https URL with a host, up to 2048 "
                        + "characters; got '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhook_url: '" + url + "' is not a URL: " + e.getReason());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
