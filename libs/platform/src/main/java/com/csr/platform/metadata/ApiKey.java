package com.csr.platform.metadata;

import com.csr.contracts.ids.KeyScope;
import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.ids.TenantIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An API key of a tenant, kept only as the SHA-256 of its secret: the secret is shown once, when the key is issued,
 * and never stored. A revoked key is still kept, so a request bearing it can be told it was revoked.
 *
 * @param tenantId  whose key
 * @param keyId     its id within the tenant, safe to show and log
 * @param sha256Hex {@link #hashOf} its secret
 * @param label     what the key is for, as its holder named it ("nightly export"); {@code null} when unnamed
 * @param createdAt when it was issued
 * @param expiresAt from when it is no longer accepted; {@code null} when it does not expire
 * @param revokedAt when it was revoked; {@code null} while it is valid
 * @param scopes    what it may do; {@code null} or empty for everything (keys issued before scopes existed)
 */
public record ApiKey(String tenantId, String keyId, String sha256Hex, String label, Instant createdAt,
                     Instant expiresAt, Instant revokedAt, Set<KeyScope> scopes) {

    /** The longest label kept. */
    public static final int MAX_LABEL_LENGTH = 100;

    public ApiKey {
        TenantIds.require(tenantId);
        RecordIds.require("API key id", keyId);
        RecordValues.sha256Hex("key hash", sha256Hex);
        if (label != null && (label.isBlank() || label.length() > MAX_LABEL_LENGTH)) {
            throw new IllegalArgumentException("a key's label is 1-" + MAX_LABEL_LENGTH + " characters, or none");
        }
        createdAt = RecordValues.time("createdAt", createdAt);
        expiresAt = RecordValues.optionalTime(expiresAt);
        revokedAt = RecordValues.optionalTime(revokedAt);
        scopes = scopes == null || scopes.isEmpty() ? KeyScope.ALL : Set.copyOf(scopes);
    }

    /** A key that may do everything. */
    public ApiKey(String tenantId, String keyId, String sha256Hex, String label, Instant createdAt,
                  Instant expiresAt, Instant revokedAt) {
        this(tenantId, keyId, sha256Hex, label, createdAt, expiresAt, revokedAt, KeyScope.ALL);
    }

    /** The scopes as kept in a store: their codes, comma-separated, in a fixed order. */
    public String scopeCodes() {
        return Arrays.stream(KeyScope.values()).filter(scopes::contains).map(KeyScope::code)
                .collect(Collectors.joining(","));
    }

    /** The scopes kept as {@link #scopeCodes}; null or blank for everything. */
    public static Set<KeyScope> scopesOf(String codes) {
        if (codes == null || codes.isBlank()) {
            return KeyScope.ALL;
        }
        return Arrays.stream(codes.split(",")).map(String::strip).map(KeyScope::of)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Whether the key has expired by {@code now}. */
    public boolean hasExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The hash a key's secret is kept and looked up by: SHA-256 of its UTF-8 bytes, as lowercase hex. */
    public static String hashOf(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
