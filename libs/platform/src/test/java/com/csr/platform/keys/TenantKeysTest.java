package com.csr.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.problems.ConflictException;
import com.csr.contracts.problems.InvalidRequestException;
import com.csr.contracts.problems.NotFoundException;
import com.csr.contracts.problems.UnauthenticatedException;
import com.csr.platform.metadata.ApiKey;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.MetadataStoreException;
import com.csr.platform.metadata.Tenant;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantKeysTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir
    Path directory;
    private MetadataStore store;
    private MovableClock clock;
    private TenantKeys keys;

    @BeforeEach
    void open() {
        store = new EmbeddedMetadataStore(directory);
        clock = new MovableClock(T0);
        keys = new TenantKeys(store, clock, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewTenantGetsAKeyWhoseSecretIsNeverStored() {
        IssuedKey first = keys.createTenant("acme");

        assertThat(first.secret()).startsWith("csr_").hasSize(4 + 43);
        assertThat(first.toString()).doesNotContain(first.secret());
        ApiKey stored = store.apiKeys("acme").get(0);
        assertThat(stored.sha256Hex()).isEqualTo(ApiKey.hashOf(first.secret()));
        assertThat(stored.toString()).doesNotContain(first.secret());
        assertThat(keys.authenticate("Bearer " + first.secret()))
                .isEqualTo(new Caller("acme", stored.keyId(), "Bearer " + first.secret()));
        assertThat(keys.authenticate("bearer  " + first.secret()).tenantId()).as("scheme is case-insensitive")
                .isEqualTo("acme");
    }

    @Test
    void tenantsAreCreatedOnceWithASafeId() {
        keys.createTenant("acme");

        assertThatThrownBy(() -> keys.createTenant("acme")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> keys.createTenant("../beta")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("invalid tenant id");
        assertThatThrownBy(() -> keys.issueKey("nobody", null, null)).isInstanceOf(NotFoundException.class);
        assertThat(keys.tenants()).extracting(t -> t.tenantId()).containsExactly("acme");
    }

    @Test
    void aTenantIsCreatedWithItsCurrencyOrWithoutOne() {
        keys.createTenant("acme", "eur");
        keys.createTenant("beta");

        assertThatThrownBy(() -> keys.createTenant("gamma", "EURO")).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("invalid currency 'EURO'");
        assertThat(keys.tenants()).extracting(Tenant::tenantId, Tenant::currency)
                .containsExactly(tuple("acme", "EUR"), tuple("beta", null));
    }

    @Test
    void aRequestWithoutAValidKeyIsRefusedSayingWhy() {
        assertThatThrownBy(() -> keys.authenticate(null)).isInstanceOf(UnauthenticatedException.class)
                .hasMessageContaining("no API key");
        assertThatThrownBy(() -> keys.authenticate("Basic YWxhZGRpbjpvcGVuc2VzYW1l"))
                .hasMessageContaining("must be 'Bearer <key>'");
        assertThatThrownBy(() -> keys.authenticate("Bearer acme")).hasMessageContaining("not an API key");
        assertThatThrownBy(() -> keys.authenticate("Bearer csr_forged")).isInstanceOf(UnauthenticatedException.class)
                .hasMessage("unknown API key");
    }

    @Test
    void anExpiredKeyIsRefusedFromItsExpiry() {
        keys.createTenant("acme");
        IssuedKey shortLived = keys.issueKey("acme", "one hour", T0.plus(Duration.ofHours(1)));
        String bearer = "Bearer " + shortLived.secret();

        assertThat(keys.authenticate(bearer).tenantId()).isEqualTo("acme");
        clock.move(Duration.ofHours(1));
        assertThatThrownBy(() -> keys.authenticate(bearer)).isInstanceOf(UnauthenticatedException.class)
                .hasMessage("this API key has expired");
        assertThatThrownBy(() -> keys.issueKey("acme", null, T0)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceHereAndWithinTheRememberedTimeElsewhere() {
        String bearer = "Bearer " + keys.createTenant("acme").secret();
        TenantKeys otherProcess = new TenantKeys(store, clock, Duration.ofSeconds(5));
        assertThat(otherProcess.authenticate(bearer).tenantId()).isEqualTo("acme");

        ApiKey revoked = keys.revoke("acme", store.apiKeys("acme").get(0).keyId());

        assertThat(revoked.revokedAt()).isEqualTo(T0);
        assertThatThrownBy(() -> keys.authenticate(bearer)).hasMessage("this API key was revoked");
        assertThat(otherProcess.authenticate(bearer).tenantId()).as("remembered for 5 s").isEqualTo("acme");
        clock.move(Duration.ofSeconds(5));
        assertThatThrownBy(() -> otherProcess.authenticate(bearer)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void whileTheStoreIsDownAKeySeenBeforeStaysGoodAndAnUnknownOneIsAStoreFailure(@TempDir Path elsewhere) {
        MetadataStore failing = new EmbeddedMetadataStore(elsewhere);
        TenantKeys service = new TenantKeys(failing, clock, Duration.ofSeconds(5));
        String bearer = "Bearer " + service.createTenant("acme").secret();
        String other = "Bearer " + service.createTenant("beta").secret();
        assertThat(service.authenticate(bearer).tenantId()).isEqualTo("acme");

        failing.close();
        clock.move(Duration.ofMinutes(10));

        assertThat(service.authenticate(bearer).tenantId()).isEqualTo("acme");
        assertThatThrownBy(() -> service.authenticate(other)).isInstanceOf(MetadataStoreException.class);
    }

    @Test
    void aTenantCannotRevokeAnotherTenantsKey() {
        String acme = "Bearer " + keys.createTenant("acme").secret();
        keys.createTenant("beta");
        String acmeKeyId = store.apiKeys("acme").get(0).keyId();

        assertThatThrownBy(() -> keys.revoke("beta", acmeKeyId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> keys.revoke("beta", "../acme")).isInstanceOf(NotFoundException.class);
        assertThat(keys.authenticate(acme).tenantId()).isEqualTo("acme");
        assertThat(keys.keys("beta")).extracting(ApiKey::keyId).doesNotContain(acmeKeyId);
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void anUnknownKeyIsRememberedAsUnknownSoTheStoreIsAskedOncePerWhile(@TempDir Path elsewhere) {
        MetadataStore closing = new EmbeddedMetadataStore(elsewhere);
        TenantKeys service = new TenantKeys(closing, clock, Duration.ofSeconds(5));
        service.createTenant("acme");
        String wrong = "Bearer csr_" + "A".repeat(43);
        assertThat(service.answersAtOnce(wrong)).as("never looked up").isFalse();
        assertThat(service.answersAtOnce("Bearer not-ours")).as("no store needed").isTrue();
        assertThatThrownBy(() -> service.authenticate(wrong)).isInstanceOf(UnauthenticatedException.class);
        assertThat(service.answersAtOnce(wrong)).isTrue();

        closing.close();
        clock.move(Duration.ofSeconds(4));
        assertThatThrownBy(() -> service.authenticate(wrong)).as("answered without the store")
                .isInstanceOf(UnauthenticatedException.class).hasMessage("unknown API key");
        clock.move(Duration.ofSeconds(2));
        assertThat(service.answersAtOnce(wrong)).isFalse();
        assertThatThrownBy(() -> service.authenticate(wrong)).as("asked again: the store is closed")
                .isInstanceOf(MetadataStoreException.class);
    }
}
