package com.csr.feature.service;

import com.csr.domain.features.CustomerHistory;
import com.csr.domain.transactions.Transaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One customer's stored lines, read from the line store, in the order of their source file's rows: the order the
 * batch pipeline reads them in, so that sums over an invoice, and with them the features, agree to the last digit.
 */
public final class CustomerTransactions {

    private static final Comparator<StoredLine> FILE_ORDER = Comparator.comparingLong(StoredLine::rowNumber)
            .thenComparing(StoredLine::transactionId);

    private final String customerId;
    private final List<StoredLine> lines;

    CustomerTransactions(String customerId, List<StoredLine> lines) {
        this.customerId = customerId;
        List<StoredLine> ordered = new ArrayList<>(lines);
        ordered.sort(FILE_ORDER);
        this.lines = Collections.unmodifiableList(ordered);
    }

    public String customerId() {
        return customerId;
    }

    /** The lines, in file row order. */
    public List<StoredLine> lines() {
        return lines;
    }

    /** The history the domain's feature and label functions read ({@code FeatureCalculator}, {@code Labels}). */
    public CustomerHistory history() {
        List<Transaction> transactions = new ArrayList<>(lines.size());
        lines.forEach(line -> transactions.add(line.transaction(customerId)));
        return CustomerHistory.of(customerId, transactions);
    }
}
