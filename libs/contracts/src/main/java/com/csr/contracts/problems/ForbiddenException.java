package com.csr.contracts.problems;

/** A request whose key is valid but not allowed to do this (a tenant key on the admin API); answered with a 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
