package com.csr.gateway.http;

import java.io.IOException;

/**
 * A request body that went over its endpoint's limit while it was read; answered 413 by {@link BodyLimits}. An
 * {@link IOException}, as the stream's other failures are, so Jackson passes it on as it is instead of wrapping it
 * into a JSON mapping error (a 400).
 */
public class BodyTooLargeException extends IOException {

    private final BodyLimits.Kind kind;

    public BodyTooLargeException(BodyLimits.Kind kind, long limit) {
        super("the request body is larger than its limit of " + limit + " bytes");
        this.kind = kind;
    }

    public BodyLimits.Kind kind() {
        return kind;
    }
}
