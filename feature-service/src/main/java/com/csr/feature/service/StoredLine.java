package com.csr.feature.service;

import com.csr.contracts.events.CleanTransaction;
import com.csr.domain.transactions.Transaction;

/**
 * One clean line as the line store keeps it: the {@link Transaction} without its customer (the key names the
 * customer), plus its transaction id.
 *
 * <p>The transaction id is kept in the value as well as the key because customer ids and invoices may contain the
 * key's separator: only with the id's length known can a key be split into its customer and its line.
 */
public record StoredLine(String transactionId, long rowNumber, String invoice, String stockCode, String description,
                         double quantity, double unitPrice, double amount, long epochSecond, String country,
                         boolean cancellation) {

    public static StoredLine of(CleanTransaction event) {
        Transaction t = event.transaction();
        return new StoredLine(event.transactionId(), t.rowNumber(), t.invoice(), t.stockCode(), t.description(),
                t.quantity(), t.unitPrice(), t.amount(), t.epochSecond(), t.country(), t.cancellation());
    }

    /** The line as the domain's functions read it. */
    public Transaction transaction(String customerId) {
        return new Transaction(rowNumber, invoice, stockCode, description, quantity, unitPrice, amount, epochSecond,
                customerId, country, cancellation);
    }
}
