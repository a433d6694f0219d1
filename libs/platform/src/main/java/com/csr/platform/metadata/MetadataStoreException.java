package com.csr.platform.metadata;

/** The store itself failed (the database file, the network, Firestore); the message says what was being done. */
public class MetadataStoreException extends RuntimeException {

    public MetadataStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
