package com.csr.domain.cleaning;

/**
 * {@link CleaningMemory} of a file read in one go whose kept transactions stream into a {@link KeptTransactions}
 * (the batch run): fingerprints in an open-addressing set of longs (8 to 16 bytes a kept row, the one thing here
 * that grows with the file's rows), first purchases asked of the receiver, which holds them per customer anyway (a
 * purchase is noted there as it is kept, right after the cleaner notes it here), and the few cancellations waiting
 * for their purchase as their cells. No value is shared: no transaction outlives its row.
 */
public final class StreamingCleaningMemory extends HeapCleaningMemory {

    private final KeptTransactions kept;

    /** @param kept where the cleaner's kept transactions go, and so where first purchases are known */
    public StreamingCleaningMemory(KeptTransactions kept) {
        this.kept = kept;
    }

    @Override
    public long firstPurchase(String customerId, String stockCode) {
        return kept.firstPurchase(customerId, stockCode);
    }

    @Override
    public void purchased(String customerId, String stockCode, long epochSecond) {
        // the purchase is kept next, and the receiver notes it then
    }
}
