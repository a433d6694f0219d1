package com.csr.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a tenant may give as the places it is notified. */
class NotificationSettingsTest {

    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void takesAnAddressAWebhookWithItsSecretOrBothAndBlanksAreNone() {
        NotificationSettings both = new NotificationSettings(" ops@acme.example ", "https://hooks.acme.example/csr",
                SECRET, T);
        assertThat(both.email()).isEqualTo("ops@acme.example");
        assertThat(both.isEmpty()).isFalse();
        assertThat(new NotificationSettings("", " ", null, T).isEmpty()).isTrue();
        assertThat(new Tenant("acme", T, null, new NotificationSettings(null, null, null, T)).notifications())
                .as("nowhere is none").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops", "ops@", "@acme.example", "ops@acme", "o ps@acme.example", "a@b@acme.example"})
    void refusesWhatIsNoAddress(String email) {
        assertThatThrownBy(() -> new NotificationSettings(email, null, null, T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an e-mail address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.acme.example/x", "hooks.acme.example/x", "https:///x", "http://a b/"})
    void refusesAWebhookThatIsNoWebUrl(String url) {
        assertThatThrownBy(() -> new NotificationSettings(null, url, SECRET, T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("webhook_url");
    }

    @Test
    void aWebhookNeedsItsSecretAndASecretItsWebhook() {
        assertThatThrownBy(() -> new NotificationSettings(null, "https://hooks.acme.example", null, T))
                .hasMessageContaining("needs a signing secret");
        assertThatThrownBy(() -> new NotificationSettings(null, "https://hooks.acme.example", "secret", T))
                .hasMessageContaining("needs a signing secret");
        assertThatThrownBy(() -> new NotificationSettings("ops@acme.example", null, SECRET, T))
                .hasMessageContaining("without a webhook URL");
    }
}
