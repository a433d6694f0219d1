package com.csr.platform.artifacts;

/** The artifact store could not be reached or refused a request; the message names the store and the object. */
public final class ArtifactStoreUnavailableException extends RuntimeException {

    public ArtifactStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
