package com.csr.gateway.tenants;

import com.csr.platform.keys.IssuedKey;
import com.csr.platform.metadata.ApiKey;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An API key as the API shows it: its id, label and dates; never its hash. The secret is in the answer that issued
 * the key and in no other.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(String keyId, String label, Instant createdAt, Instant expiresAt, Instant revokedAt,
                      String secret) {

    public static KeyView of(ApiKey key) {
        return new KeyView(key.keyId(), key.label(), key.createdAt(), key.expiresAt(), key.revokedAt(), null);
    }

    /** The key just issued, with its secret: shown this once. */
    public static KeyView issued(IssuedKey issued) {
        ApiKey key = issued.key();
        return new KeyView(key.keyId(), key.label(), key.createdAt(), key.expiresAt(), null, issued.secret());
    }
}
