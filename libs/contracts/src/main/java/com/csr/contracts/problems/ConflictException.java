package com.csr.contracts.problems;

/** A request that clashes with what exists (a tenant created twice); answered with a 409 saying what. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
