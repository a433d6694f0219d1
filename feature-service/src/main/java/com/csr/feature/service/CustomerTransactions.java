package com.csr.feature.service;

import com.csr.core.events.CleanTransaction;
import com.csr.core.features.CustomerHistory;
import com.csr.core.transactions.Transaction;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's clean transactions as the feature service keeps them, each transaction id once: a line that
 * arrives again (its file was published twice, or Kafka delivered it twice) changes nothing.
 *
 * <p>Stored as {@code {"customer_id", "lines": [[...], ...]}}, each line a JSON array without the customer: a third
 * of the size of the event form, which matters because the whole customer is written back on every new line and a
 * changelog record must stay under Kafka's message limit (the busiest customer of the Online Retail II sample has
 * 5,589 lines: 1.4 MB as events, under 0.5 MB like this).
 */
public final class CustomerTransactions {

    private final String customerId;
    private final Map<String, Transaction> transactionsById = new LinkedHashMap<>();

    public CustomerTransactions(String customerId) {
        this.customerId = customerId;
    }

    @JsonCreator
    CustomerTransactions(@JsonProperty("customer_id") String customerId,
                         @JsonProperty("lines") List<StoredLine> lines) {
        this(customerId);
        if (lines != null) {
            lines.forEach(line -> transactionsById.put(line.transactionId(), line.transaction(customerId)));
        }
    }

    /** Adds the event's line; false, and nothing changed, when its transaction id is already here. */
    public boolean updateFrom(CleanTransaction event) {
        return transactionsById.putIfAbsent(event.transactionId(), event.transaction()) == null;
    }

    @JsonProperty("customer_id")
    public String customerId() {
        return customerId;
    }

    /** The lines by transaction id, in the order they arrived. */
    public Map<String, Transaction> transactionsById() {
        return Collections.unmodifiableMap(transactionsById);
    }

    /** The history core's feature and label functions read. */
    public CustomerHistory history() {
        return CustomerHistory.of(customerId, new ArrayList<>(transactionsById.values()));
    }

    @JsonProperty("lines")
    List<StoredLine> lines() {
        List<StoredLine> lines = new ArrayList<>(transactionsById.size());
        transactionsById.forEach((id, t) -> lines.add(new StoredLine(id, t.rowNumber(), t.invoice(), t.stockCode(),
                t.description(), t.quantity(), t.unitPrice(), t.amount(), t.epochSecond(), t.country(),
                t.cancellation())));
        return lines;
    }

    /** A line as stored: the {@link Transaction} without its customer, plus its transaction id, as an array. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record StoredLine(String transactionId, long rowNumber, String invoice, String stockCode, String description,
                      double quantity, double unitPrice, double amount, long epochSecond, String country,
                      boolean cancellation) {

        Transaction transaction(String customerId) {
            return new Transaction(rowNumber, invoice, stockCode, description, quantity, unitPrice, amount,
                    epochSecond, customerId, country, cancellation);
        }
    }
}
