package com.csr.gateway.tenants;

import com.csr.platform.metadata.ApiKey;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The admin key the gateway was started with ({@code CSR_ADMIN_KEY}), kept only as its SHA-256: usable when it is at
 * least {@value #MIN_LENGTH} characters, a guessable one keeping the admin API off.
 *
 * @param digest    its SHA-256 (hex, ASCII), when the admin API is on
 * @param offReason why the admin API is off, when it is
 */
record AdminKey(Optional<byte[]> digest, String offReason) {

    /** The shortest admin key taken: `./csr up` makes one of 49 characters. */
    static final int MIN_LENGTH = 24;

    static AdminKey of(Optional<String> configured) {
        Optional<String> key = configured.map(String::trim).filter(k -> !k.isEmpty());
        if (key.isEmpty()) {
            return new AdminKey(Optional.empty(), "the admin API is off: start the gateway with CSR_ADMIN_KEY set");
        }
        if (key.get().length() < MIN_LENGTH) {
            return new AdminKey(Optional.empty(), "the admin API is off: CSR_ADMIN_KEY is shorter than " + MIN_LENGTH
                    + " characters, which is guessable; start the gateway with a longer one");
        }
        return new AdminKey(Optional.of(digest(key.get())), null);
    }

    static byte[] digest(String key) {
        return ApiKey.hashOf(key).getBytes(StandardCharsets.US_ASCII);
    }
}
