package com.csr.domain.cleaning;

import com.csr.domain.transactions.Transaction;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of cleaning one file.
 *
 * @param transactions kept rows, purchases and netted cancellations, in file order
 * @param report       the accounting
 * @param asOf         the as-of date: transactions on it are known, none after it are kept
 */
public record CleanTransactions(List<Transaction> transactions, QualityReport report, LocalDate asOf) {

    /** The first instant after the as-of date, in epoch seconds: everything known is strictly before it. */
    public long cutoffEpochSecond() {
        return asOf.plusDays(1).toEpochDay() * 86_400L;
    }
}
