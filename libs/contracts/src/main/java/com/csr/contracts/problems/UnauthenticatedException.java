package com.csr.contracts.problems;

/**
 * A request without a valid API key: none, a malformed one, or one that is unknown, revoked or expired. Answered
 * with a 401 that says which, and nothing about any tenant.
 */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String detail) {
        super(detail);
    }
}
