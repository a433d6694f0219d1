package com.csr.contracts.problems;

/** A request for something the tenant does not have (yet); answered with a 404 saying what is missing. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
