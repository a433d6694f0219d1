package com.csr.feature.messaging;

import com.csr.core.events.CleanTransaction;
import com.csr.core.events.CustomerFeaturesUpdate;
import com.csr.core.events.EventKeys;
import com.csr.core.events.Topics;
import com.csr.core.features.CustomerFeatures;
import com.csr.core.features.FeatureCalculator;
import com.csr.core.features.FeatureVectors;
import com.csr.core.tenants.TenantIds;
import com.csr.feature.service.CustomerTransactions;
import com.csr.feature.service.DataClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Adds a clean transaction to its customer's transactions and moves the tenant's data clock, then publishes the
 * customer's features as of the clock's date. A transaction already kept changes nothing and publishes nothing.
 */
final class CustomerUpdater implements Processor<String, CleanTransaction, String, CustomerFeaturesUpdate> {

    private static final Logger LOG = Logger.getLogger(CustomerUpdater.class);
    /** How many customers' transactions to keep read; a task is the only writer of its store, so they stay true. */
    private static final int RECENT_CUSTOMERS = 1_000;

    /** Reading a big customer back from the store on every new line would cost more than the line itself. */
    private final Map<String, CustomerTransactions> recent = new LinkedHashMap<>(RECENT_CUSTOMERS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CustomerTransactions> eldest) {
            return size() > RECENT_CUSTOMERS;
        }
    };

    private ProcessorContext<String, CustomerFeaturesUpdate> context;
    private KeyValueStore<String, CustomerTransactions> customers;
    private KeyValueStore<String, Long> clocks;

    @Override
    public void init(ProcessorContext<String, CustomerFeaturesUpdate> context) {
        this.context = context;
        customers = context.getStateStore(CustomerTopology.CUSTOMER_TRANSACTIONS_STORE);
        clocks = context.getStateStore(CustomerTopology.TENANT_CLOCKS_STORE);
    }

    @Override
    public void process(Record<String, CleanTransaction> record) {
        CleanTransaction event = record.value();
        if (event == null || event.transaction() == null || !TenantIds.isValid(event.tenantId())
                || event.transactionId() == null) {
            LOG.warnf("skipping a record on %s that is not a clean transaction of a valid tenant (key %s)",
                    Topics.TRANSACTIONS_CLEAN, record.key());
            return;
        }
        String tenantId = event.tenantId();
        String customerId = event.transaction().customerId();
        String key = EventKeys.customer(tenantId, customerId);
        CustomerTransactions transactions = recent.computeIfAbsent(key, k -> {
            CustomerTransactions stored = customers.get(k);
            return stored != null ? stored : new CustomerTransactions(customerId);
        });
        if (!transactions.updateFrom(event)) {
            return;
        }
        customers.put(key, transactions);
        Long clock = clocks.get(tenantId);
        long latest = clock == null ? event.transaction().epochSecond()
                : Math.max(clock, event.transaction().epochSecond());
        clocks.put(tenantId, latest);

        LocalDate asOf = DataClock.dateOf(latest);
        CustomerFeatures features = FeatureCalculator.asOf(transactions.history(), DataClock.cutoffOf(asOf));
        if (features != null) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(Topics.TENANT_HEADER, tenantId.getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(key, new CustomerFeaturesUpdate(tenantId, customerId, asOf.toString(),
                    FeatureVectors.toMap(features)), record.timestamp(), headers));
        }
    }
}
