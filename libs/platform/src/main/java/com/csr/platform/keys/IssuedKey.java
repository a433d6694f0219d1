package com.csr.platform.keys;

import com.csr.platform.metadata.ApiKey;

/**
 * A key just issued: its record, and its secret, which exists only here — the store keeps the hash. Show the secret
 * to the holder once, then drop it.
 */
public record IssuedKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedKey[" + key.tenantId() + "/" + key.keyId() + "]";  // never the secret
    }
}
