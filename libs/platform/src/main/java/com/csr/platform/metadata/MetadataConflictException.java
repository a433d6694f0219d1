package com.csr.platform.metadata;

/**
 * A write that would contradict what is already recorded: a tenant or a key that exists, a model status that only
 * promotion sets.
 */
public class MetadataConflictException extends com.csr.contracts.problems.ConflictException {

    public MetadataConflictException(String detail) {
        super(detail);
    }

    static MetadataConflictException tenantExists(String tenantId) {
        return new MetadataConflictException("tenant " + tenantId + " exists");
    }

    static MetadataConflictException keyIdTaken(ApiKey key) {
        return new MetadataConflictException("tenant " + key.tenantId() + " already has an API key " + key.keyId());
    }

    /** Says nothing of whose key it is: that is no business of whoever tries to reuse a secret. */
    static MetadataConflictException keyHashTaken(ApiKey key) {
        return new MetadataConflictException("an API key with the hash of key " + key.keyId() + " exists");
    }
}
