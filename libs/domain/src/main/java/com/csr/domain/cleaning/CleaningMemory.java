package com.csr.domain.cleaning;

/**
 * What cleaning a file must remember from one row to the next: the rows already kept (to find exact copies), each
 * customer's first purchase of each product (what a cancellation nets against) and the cancellations still waiting
 * for theirs. A file read in one go keeps it in memory ({@link InMemoryCleaningMemory}); a file arriving on Kafka
 * keeps it on disk, so memory does not grow with the file and a restarted instance goes on where it stopped.
 */
public interface CleaningMemory {

    /** What {@link #firstPurchase} answers when the customer has not bought the product. */
    long NO_PURCHASE = Long.MAX_VALUE;

    /** Notes a kept row's fingerprint; false when an identical row was kept before. */
    boolean firstSighting(long fingerprint);

    /** The time (epoch second) of the customer's earliest purchase of the product so far, or {@link #NO_PURCHASE}. */
    long firstPurchase(String customerId, String stockCode);

    /** Notes a purchase; the earliest one is kept. */
    void purchased(String customerId, String stockCode, long epochSecond);

    /** Holds a cancellation whose purchase has not been seen yet, until the file's end. */
    void awaitPurchase(long row, String[] cells);

    /** Hands out the held cancellations in row order and forgets them. */
    void forEachAwaiting(RowVisitor visitor);

    /** The same value, shared with equal ones where that saves memory. */
    default String share(String value) {
        return value;
    }

    /** Receives rows held in memory. */
    interface RowVisitor {
        void row(long row, String[] cells);
    }
}
