package com.csr.generator;

/**
 * One customer's buying behaviour, as BG/NBD sees it: visits at their own rate while active, and after each visit
 * a chance of leaving for good. Also what they will bring back, if anything: a return of some lines of an earlier
 * invoice.
 */
final class Customer {

    /** Place in the customer base; orders visits that fall in the same minute, so a seed gives one file. */
    final int index;
    final int id;
    final String country;
    final double visitsPerDay;
    final double dropout;
    final double basketMedian;

    long nextVisit;
    int visits;
    /** Whether a row of theirs is kept, so they count among the export's customers. */
    boolean counted;

    long returnAt = ShoppingCalendar.NEVER;
    final Product[] returnProducts = new Product[MessRates.MAX_RETURNED_LINES];
    final int[] returnQuantities = new int[MessRates.MAX_RETURNED_LINES];
    int returnLines;

    Customer(int index, int id, String country, double visitsPerDay, double dropout, double basketMedian,
             long firstVisit) {
        this.index = index;
        this.id = id;
        this.country = country;
        this.visitsPerDay = visitsPerDay;
        this.dropout = dropout;
        this.basketMedian = basketMedian;
        this.nextVisit = firstVisit;
    }

    /** The next thing they do in the shop: a visit or a return, whichever comes first. */
    long nextEvent() {
        return Math.min(nextVisit, returnAt);
    }

    boolean returnIsNext() {
        return returnAt <= nextVisit && returnAt != ShoppingCalendar.NEVER;
    }

    boolean abroad() {
        return !CustomerBase.HOME_COUNTRY.equals(country);
    }
}
