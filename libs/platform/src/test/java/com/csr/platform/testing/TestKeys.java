package com.csr.platform.testing;

import com.csr.platform.keys.TenantKeys;
import com.csr.platform.metadata.ApiKey;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.MetadataStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * API keys for tests, written to the metadata store a service under test reads: a valid key of a tenant (created
 * when missing), and keys a service must refuse — expired, revoked. Each call issues a fresh key, so no service
 * has it remembered.
 */
public final class TestKeys {

    private static final Map<Path, TestKeys> BY_DIRECTORY = new ConcurrentHashMap<>();

    private final MetadataStore store;
    private final TenantKeys keys;
    private final Map<String, String> bearers = new ConcurrentHashMap<>();

    /**
     * The keys of the Quarkus service under test: its embedded metadata store ({@code csr.metadata}), opened a
     * second time here as another process would.
     */
    public static TestKeys ofServiceUnderTest() {
        Path directory = Path.of(ConfigProvider.getConfig().getValue("csr.metadata", String.class)).toAbsolutePath();
        return BY_DIRECTORY.computeIfAbsent(directory, d -> new TestKeys(new EmbeddedMetadataStore(d)));
    }

    /** {@code Bearer <key>} of the tenant in the service under test, the same one for every call. */
    public static String keyOf(String tenantId) {
        TestKeys keys = ofServiceUnderTest();
        return keys.bearers.computeIfAbsent(tenantId, keys::bearer);
    }

    public TestKeys(MetadataStore store) {
        this.store = store;
        this.keys = new TenantKeys(store, Clock.systemUTC(), Duration.ZERO);
    }

    /** {@code Bearer <key>} of a valid key of the tenant. */
    public String bearer(String tenantId) {
        if (store.tenant(tenantId).isEmpty()) {
            keys.createTenant(tenantId);
        }
        return "Bearer " + keys.issueKey(tenantId, "test", null).secret();
    }

    /** {@code Bearer <key>} of a key of the tenant that expired a minute ago. */
    public String expired(String tenantId) {
        bearer(tenantId);
        String secret = TenantKeys.SECRET_PREFIX + UUID.randomUUID().toString().replace("-", "");
        Instant expiry = Instant.now().minusSeconds(60);
        store.addApiKey(new ApiKey(tenantId, "expired-" + UUID.randomUUID(), ApiKey.hashOf(secret), "expired",
                expiry.minusSeconds(3600), expiry, null));
        return "Bearer " + secret;
    }

    /** {@code Bearer <key>} of a key of the tenant that was revoked. */
    public String revoked(String tenantId) {
        String bearer = bearer(tenantId);
        ApiKey newest = store.apiKeys(tenantId).get(store.apiKeys(tenantId).size() - 1);
        keys.revoke(tenantId, newest.keyId());
        return bearer;
    }
}
