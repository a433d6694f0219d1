package com.csr.domain.cleaning;

import com.csr.domain.transactions.Transaction;
import java.util.function.Consumer;

/**
 * Receives a file's kept transactions as their fate is settled, and answers each customer's first purchase of a
 * product among the purchases it received: what a cancellation nets against. A receiver that keeps per-customer
 * figures anyway (the batch run's histories) holds first purchases once, for itself and for the cleaner.
 */
public interface KeptTransactions extends Consumer<Transaction> {

    /**
     * The time (epoch second) of the customer's earliest purchase of the product received so far, or
     * {@link CleaningMemory#NO_PURCHASE}.
     */
    long firstPurchase(String customerId, String stockCode);
}
