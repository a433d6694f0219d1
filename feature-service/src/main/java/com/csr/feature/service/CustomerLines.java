package com.csr.feature.service;

import com.csr.contracts.events.EventKeys;
import com.csr.contracts.ids.TenantIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The line store's layout: one entry per line, keyed {@code tenant:customer:transactionId}, so storing a line is
 * one small put, a line seen before is one get, and a customer's lines are one prefix scan that cannot reach
 * another tenant's keys.
 */
public final class CustomerLines {

    private static final StringSerializer KEYS = new StringSerializer();

    private CustomerLines() {
    }

    /** The key of a line of the customer keyed {@code customerKey} ({@code tenant:customer}, as on the topics). */
    public static String key(String customerKey, String transactionId) {
        return customerKey + ":" + transactionId;
    }

    /**
     * One customer's lines.
     *
     * @return the lines, or null when the store has none of this customer
     */
    public static CustomerTransactions read(ReadOnlyKeyValueStore<String, StoredLine> store, String tenantId,
                                            String customerId) {
        String prefix = customerPrefix(tenantId, customerId);
        List<StoredLine> lines = new ArrayList<>();
        try (KeyValueIterator<String, StoredLine> entries = store.prefixScan(prefix, KEYS)) {
            entries.forEachRemaining(entry -> {
                // customer "7" must not pick up the lines of customer "7:1", whose keys share the prefix
                if (entry.key.length() == prefix.length() + entry.value.transactionId().length()) {
                    lines.add(entry.value);
                }
            });
        }
        return lines.isEmpty() ? null : new CustomerTransactions(customerId, lines);
    }

    /** Every customer of the tenant, each with their lines. */
    public static List<CustomerTransactions> readTenant(ReadOnlyKeyValueStore<String, StoredLine> store,
                                                        String tenantId) {
        String prefix = TenantIds.require(tenantId) + ":";
        // keys of customer "7:1" sort among those of customer "7", so a customer's lines need not be contiguous
        Map<String, List<StoredLine>> byCustomer = new LinkedHashMap<>();
        try (KeyValueIterator<String, StoredLine> entries = store.prefixScan(prefix, KEYS)) {
            entries.forEachRemaining(entry -> {
                String customerId = entry.key.substring(prefix.length(),
                        entry.key.length() - entry.value.transactionId().length() - 1);
                byCustomer.computeIfAbsent(customerId, c -> new ArrayList<>()).add(entry.value);
            });
        }
        List<CustomerTransactions> customers = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((customerId, lines) -> customers.add(new CustomerTransactions(customerId, lines)));
        return customers;
    }

    /**
     * The key ({@code tenant:customer}) of every customer with a line in the store, of every tenant, walked from the
     * store without holding them: a customer whose lines are not contiguous (see above) may be given twice.
     *
     * @return how many keys were given
     */
    public static long forEachCustomerKey(ReadOnlyKeyValueStore<String, StoredLine> store, Consumer<String> action) {
        long given = 0;
        String previous = null;
        try (KeyValueIterator<String, StoredLine> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, StoredLine> entry = entries.next();
                String customerKey = entry.key.substring(0,
                        entry.key.length() - entry.value.transactionId().length() - 1);
                if (!customerKey.equals(previous)) {
                    action.accept(customerKey);
                    given++;
                    previous = customerKey;
                }
            }
        }
        return given;
    }

    private static String customerPrefix(String tenantId, String customerId) {
        return EventKeys.customer(tenantId, customerId) + ":";
    }
}
