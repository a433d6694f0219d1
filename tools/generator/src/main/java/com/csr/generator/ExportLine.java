package com.csr.generator;

/**
 * One row of the export on its way to a writer: an invoice line, possibly damaged on the way. Reused from row to
 * row, since the generator writes millions of them.
 */
final class ExportLine {

    /** How an export tool mangled the row. */
    enum Damage {
        NONE,
        /** The row ends after the quantity, as when a line break slips into a description. */
        CUT_SHORT,
        /** The date cell holds the null date of some databases. */
        DATE_UNREADABLE,
        /** The quantity cell holds a spreadsheet error. */
        QUANTITY_UNREADABLE
    }

    static final String UNREADABLE_DATE = "0000-00-00 00:00:00";
    static final String UNREADABLE_QUANTITY = "#N/A";

    int invoice;
    boolean cancellation;
    Product product;
    int quantity;
    long minute;
    int pricePence;
    Customer customer;
    /** Bought without logging in: the customer id cell stays blank. */
    boolean guest;
    Damage damage = Damage.NONE;

    void set(int invoice, boolean cancellation, Product product, int quantity, long minute, int pricePence,
             Customer customer, boolean guest) {
        this.invoice = invoice;
        this.cancellation = cancellation;
        this.product = product;
        this.quantity = quantity;
        this.minute = minute;
        this.pricePence = pricePence;
        this.customer = customer;
        this.guest = guest;
        this.damage = Damage.NONE;
    }
}
