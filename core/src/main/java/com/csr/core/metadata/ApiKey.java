package com.csr.core.metadata;

import com.csr.core.tenants.RecordIds;
import com.csr.core.tenants.TenantIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An API key of a tenant, kept only as the SHA-256 of its secret: the secret is shown once, when the key is issued,
 * and never stored. A revoked key is still kept, so a request bearing it can be told it was revoked.
 *
 * @param tenantId  whose key
 * @param keyId     its id within the tenant, safe to show and log
 * @param sha256Hex {@link #hashOf} its secret
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked; {@code null} while it is valid
 */
public record ApiKey(String tenantId, String keyId, String sha256Hex, Instant createdAt, Instant revokedAt) {

    public ApiKey {
        TenantIds.require(tenantId);
        RecordIds.require("API key id", keyId);
        RecordValues.sha256Hex("key hash", sha256Hex);
        createdAt = RecordValues.time("createdAt", createdAt);
        revokedAt = RecordValues.optionalTime(revokedAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
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
