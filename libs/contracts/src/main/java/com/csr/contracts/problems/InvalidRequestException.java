package com.csr.contracts.problems;

import java.util.List;

/** A request that fails validation, with one line per problem; answered with a 400. */
public class InvalidRequestException extends RuntimeException {

    private final List<String> errors;

    public InvalidRequestException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String error) {
        this(List.of(error));
    }

    public List<String> errors() {
        return errors;
    }
}
