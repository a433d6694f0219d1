package com.csr.feature.rest;

import jakarta.ws.rs.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates as requests give them: YYYY-MM-DD, or absent. */
final class Dates {

    private Dates() {
    }

    /** The date, null when absent; a 400 naming the field when it is not a date. */
    static LocalDate optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field + " must be a date, YYYY-MM-DD; got '" + value + "'");
        }
    }
}
