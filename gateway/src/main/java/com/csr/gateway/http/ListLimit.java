package com.csr.gateway.http;

import com.csr.contracts.problems.InvalidRequestException;

/**
 * How many records a list endpoint ({@code GET /predictions}, {@code GET /models}) answers: the newest
 * {@value #DEFAULT} unless {@code ?limit=} says, at most {@value #MAX}; the store reads no more than that, however
 * long the tenant's history.
 */
public final class ListLimit {

    /** The query parameter's default, as its annotation says it. */
    public static final String DEFAULT = "50";
    public static final int MAX = 500;

    private ListLimit() {
    }

    /** @throws InvalidRequestException for a limit under 1 or over {@value #MAX} */
    public static int of(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new InvalidRequestException("limit is " + limit + "; give 1 to " + MAX);
        }
        return limit;
    }
}
