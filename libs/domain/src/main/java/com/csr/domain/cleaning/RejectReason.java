package com.csr.domain.cleaning;

import java.util.Locale;

/**
 * Why a row was not kept. A row gets the first reason that applies, in the order declared here, so each row is
 * counted exactly once.
 */
public enum RejectReason {
    MALFORMED_ROW("fewer cells than the columns it needs"),
    MISSING_CUSTOMER("no customer id"),
    OVERLONG_CUSTOMER("customer id over 1,000 characters, which no API could be asked about"),
    UNPARSABLE_DATE("date not readable"),
    IMPLAUSIBLE_DATE("dated before 1970, or after the day the file was read"),
    UNPARSABLE_NUMBER("quantity, price or amount not a number"),
    AFTER_AS_OF("dated after the as-of time"),
    NON_MERCHANDISE("postage, fees, manual adjustments, bank charges, samples, vouchers"),
    ZERO_QUANTITY("zero quantity"),
    NON_POSITIVE_PRICE("zero or negative price or amount"),
    DUPLICATE("exact copy of an earlier row"),
    UNMATCHED_CANCELLATION("cancellation with no earlier purchase of the product by the customer");

    private final String description;

    RejectReason(String description) {
        this.description = description;
    }

    /** What the reason means, for reports. */
    public String description() {
        return description;
    }

    /** The code used in files and APIs, e.g. {@code missing_customer}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
