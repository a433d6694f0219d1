package com.csr.generator;

/**
 * How often each kind of mess goes into an export. Each is built to meet exactly one of the cleaning's reject
 * reasons (see {@link ShopSimulation}); the rates are about those of Online Retail II, or a few in 10,000 rows for
 * the kinds that file does not show.
 */
final class MessRates {

    /** Visits after the first made without logging in: about 20 % of purchase invoices have no customer id. */
    static final double GUEST_VISIT = 0.23;
    /** Logged-in invoices some of whose lines come back later (cancellations that net against them). */
    static final double RETURN_AFTER_VISIT = 0.12;
    static final int MAX_RETURNED_LINES = 4;
    /** Average trading days between an invoice and its return. */
    static final double RETURN_DELAY_DAYS = 7;
    /** Logged-in visits that bring back something bought before the export starts: unmatched cancellations. */
    static final double OLD_STOCK_RETURN = 0.01;
    /** Kept lines exported twice. */
    static final double DUPLICATE_LINE = 0.008;
    /** Invoices abroad with a POST line, and home invoices with a DOT line. */
    static final double POSTAGE_ABROAD = 0.5;
    static final double DOTCOM_POSTAGE = 0.015;
    /** Lines given away (price 0) and lines with quantity 0. */
    static final double ZERO_PRICE = 0.002;
    static final double ZERO_QUANTITY = 0.0005;
    /** Lines cut short (a stray line break), with a date no one can read, with a quantity that is not a number. */
    static final double CUT_SHORT = 0.0001;
    static final double UNREADABLE_DATE = 0.0001;
    static final double UNREADABLE_QUANTITY = 0.0001;

    private MessRates() {
    }
}
