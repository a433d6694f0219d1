package com.csr.gateway.tenants;

import com.csr.platform.keys.IssuedKey;
import com.csr.platform.metadata.ApiKey;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An API key as the API shows it: its id, label and dates; never its hash. The secret is in the answer that issued
 * the key and in no other.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(String keyId, String label, Instant createdAt, Instant expiresAt, Instant revokedAt,
                      List<String> scopes, String secret) {

    public static KeyView of(ApiKey key) {
        return new KeyView(key.keyId(), key.label(), key.createdAt(), key.expiresAt(), key.revokedAt(),
                scopes(key), null);
    }

    private static List<String> scopes(ApiKey key) {
        return List.of(key.scopeCodes().split(","));
    }

    /** The key just issued, with its secret: shown this once. */
    public static KeyView issued(IssuedKey issued) {
        ApiKey key = issued.key();
        return new KeyView(key.keyId(), key.label(), key.createdAt(), key.expiresAt(), null, scopes(key),
                issued.secret());
    }
}
