package com.csr.contracts.problems;

import java.time.Duration;

/**
 * A request over a limit on how often, or how many at once, a key or tenant may ask; answered with a 429 saying
 * which limit, and a {@code Retry-After} of when asking again can succeed.
 */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    /**
     * @param detail     which limit, in the caller's words
     * @param retryAfter how long until a new request can succeed (at least one second is said)
     */
    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until asking again can succeed, at least 1: the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
