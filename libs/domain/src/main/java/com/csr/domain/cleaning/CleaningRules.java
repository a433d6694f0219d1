package com.csr.domain.cleaning;

import java.util.Locale;
import java.util.Set;

/** The row-level business rules of cleaning, one pure function each. */
public final class CleaningRules {

    /**
     * Stock codes that are not merchandise in retail exports: postage (POST, DOT, C2), discounts (D), manual
     * entries (M), bank charges, fees (AMAZONFEE, CRUK commission), samples (S), debt adjustments (B, ADJUST),
     * packing (PADS) and test lines.
     */
    private static final Set<String> NON_MERCHANDISE_CODES = Set.of("post", "dot", "c2", "d", "m", "bank charges",
            "amazonfee", "cruk", "s", "b", "adjust", "adjust2", "pads", "test001", "test002");

    private static final Set<String> MISSING_VALUES = Set.of("", "nan", "null", "none", "na", "n/a", "-");

    /** The longest customer id kept: a longer one could not be asked about, as it would not fit in a URL. */
    public static final int LONGEST_CUSTOMER_ID = 1_000;

    /** The earliest time a row may be dated (1970-01-01): anything before is a wrong column or a typo. */
    public static final long EARLIEST_PLAUSIBLE_TIME = 0;

    private CleaningRules() {
    }

    /**
     * The latest time a row read now may be dated: the end of tomorrow (UTC), which allows for every time zone. A row
     * dated later is a typo or a wrong column; kept, it would move the tenant's data clock into the future, and
     * every customer would look lapsed.
     */
    public static long latestPlausibleTime(java.time.Instant now) {
        return (now.getEpochSecond() / 86_400 + 2) * 86_400 - 1;
    }

    /** A customer id longer than {@link #LONGEST_CUSTOMER_ID}. */
    public static boolean isOverlongCustomer(String customerId) {
        return customerId.trim().length() > LONGEST_CUSTOMER_ID;
    }

    /** A customer id that is blank or one of the usual placeholders for missing. */
    public static boolean isMissingCustomer(String customerId) {
        return MISSING_VALUES.contains(customerId.trim().toLowerCase(Locale.ROOT));
    }

    /** Spreadsheet exports turn id 13085 into "13085.0"; both name the same customer. */
    public static String normaliseCustomerId(String customerId) {
        String id = customerId.trim();
        return id.endsWith(".0") && id.length() > 2 && id.chars().limit(id.length() - 2L).allMatch(Character::isDigit)
                ? id.substring(0, id.length() - 2) : id;
    }

    /** Postage, fees, manual adjustments, bank charges, samples, gift vouchers and test lines. */
    public static boolean isNonMerchandise(String stockCode) {
        String code = stockCode.trim().toLowerCase(Locale.ROOT);
        return NON_MERCHANDISE_CODES.contains(code) || code.startsWith("gift_") || code.startsWith("test");
    }

    /** A cancelled line: its invoice starts with "C" (Online Retail convention) or its quantity or value is negative. */
    public static boolean isCancellation(String invoice, double quantity, double amount) {
        return (!invoice.isEmpty() && (invoice.charAt(0) == 'C' || invoice.charAt(0) == 'c'))
                || quantity < 0 || amount < 0;
    }
}
