package com.csr.feature.service;

import com.csr.core.events.CleanTransaction;
import com.csr.core.features.CustomerHistory;
import com.csr.core.transactions.Transaction;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One customer's clean transactions as the feature service keeps them, each transaction id once: a line that
 * arrives again (its file was published twice, or Kafka delivered it twice) changes nothing.
 */
public final class CustomerTransactions {

    private final String customerId;
    private final Map<String, Transaction> transactionsById;

    public CustomerTransactions(String customerId) {
        this(customerId, new LinkedHashMap<>());
    }

    @JsonCreator
    CustomerTransactions(@JsonProperty("customer_id") String customerId,
                         @JsonProperty("transactions") Map<String, Transaction> transactionsById) {
        this.customerId = customerId;
        this.transactionsById = transactionsById == null ? new LinkedHashMap<>() : new LinkedHashMap<>(transactionsById);
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
    @JsonProperty("transactions")
    public Map<String, Transaction> transactionsById() {
        return Collections.unmodifiableMap(transactionsById);
    }

    /** The history core's feature and label functions read. */
    public CustomerHistory history() {
        return CustomerHistory.of(customerId, new ArrayList<>(transactionsById.values()));
    }
}
