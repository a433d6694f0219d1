package com.csr.contracts.ids;

/**
 * Customer ids as the APIs take them: the retailer's own, any text that is not blank, up to {@value #MAX_LENGTH}
 * characters. Longer ones cannot be asked about, as they would not fit in the URL of the services' own look-ups.
 */
public final class CustomerIds {

    /** The longest customer id an API takes. */
    public static final int MAX_LENGTH = com.csr.domain.cleaning.CleaningRules.LONGEST_CUSTOMER_ID;

    private CustomerIds() {
    }

    /**
     * @param field the request's name for it, for the message (e.g. {@code "customer_id"})
     * @return the id, when it can be asked about
     * @throws IllegalArgumentException when it is blank or too long, saying which (without repeating a long id)
     */
    public static String require(String field, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(field + " is required: a number or a string");
        }
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + " is " + id.length() + " characters long; customer ids are at "
                    + "most " + MAX_LENGTH);
        }
        return id;
    }
}
