package com.csr.feature.messaging;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.Topics;
import com.csr.contracts.ids.TenantIds;
import com.csr.domain.transactions.Transaction;
import com.csr.feature.service.CustomerLines;
import com.csr.feature.service.DataClock;
import com.csr.feature.service.StoredLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Stores each clean transaction's line (a block's one by one) unless its transaction id is already stored, moves
 * the tenant's data clock and marks the customer's features due; a {@link FeaturePublication} on the wall clock
 * publishes them (and indexes the customers it publishes the first time). The work per line is the same however
 * long the customer's history.
 */
final class CustomerUpdater implements Processor<String, CleanTransaction, String, Object> {

    private static final Logger LOG = Logger.getLogger(CustomerUpdater.class);

    /** The index's value for customers indexed from lines stored before it: when they were first due is lost. */
    static final long UNKNOWN_TIMESTAMP = 0L;

    private final Duration publishInterval;
    private final PublicationLimits limits;
    private KeyValueStore<String, StoredLine> lines;
    private KeyValueStore<String, Long> customers;
    private KeyValueStore<String, Long> clocks;
    private KeyValueStore<String, Long> lineCounts;
    private KeyValueStore<String, Long> due;
    private ProcessorContext<String, Object> context;

    CustomerUpdater(Duration publishInterval, PublicationLimits limits) {
        this.publishInterval = publishInterval;
        this.limits = limits;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        lines = context.getStateStore(CustomerTopology.CUSTOMER_LINES_STORE);
        clocks = context.getStateStore(CustomerTopology.TENANT_CLOCKS_STORE);
        due = context.getStateStore(CustomerTopology.FEATURES_DUE_STORE);
        lineCounts = context.getStateStore(CustomerTopology.TENANT_LINES_STORE);
        customers = context.getStateStore(CustomerTopology.TENANT_CUSTOMERS_STORE);
        indexCustomersOfLinesStoredBeforeTheIndex();
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, new FeaturePublication(context, lines,
                customers, clocks, context.getStateStore(CustomerTopology.PARTITION_CLOCKS_STORE), due,
                context.getStateStore(CustomerTopology.TENANT_PUBLISHED_STORE), limits));
    }

    /**
     * A store written by a version without the customer index holds lines but no customers: they are indexed once,
     * when the task starts (its stores restored by then), so a new day republishes them too.
     */
    private void indexCustomersOfLinesStoredBeforeTheIndex() {
        try (KeyValueIterator<String, Long> indexed = customers.all();
             KeyValueIterator<String, StoredLine> stored = lines.all()) {
            if (indexed.hasNext() || !stored.hasNext()) {
                return;
            }
        }
        long indexedCustomers = CustomerLines.forEachCustomerKey(lines, customerKey ->
                customers.put(customerKey, UNKNOWN_TIMESTAMP));
        LOG.infof("indexed the %d customers of the lines stored before the customer index", indexedCustomers);
    }

    @Override
    public void process(Record<String, CleanTransaction> record) {
        CleanTransaction event = record.value();
        if (event == null || !TenantIds.isValid(event.tenantId())) {
            skip(record);
            return;
        }
        String tenantId = event.tenantId();
        long added = 0;
        long latest = Long.MIN_VALUE;
        String marked = null;
        for (CleanTransaction line : event.unpacked()) {
            Transaction t = line.transaction();
            if (t == null || line.transactionId() == null || t.customerId() == null) {
                skip(record);
                continue;
            }
            String customerKey = EventKeys.customer(tenantId, t.customerId());
            if (lines.putIfAbsent(CustomerLines.key(customerKey, line.transactionId()), StoredLine.of(line)) == null) {
                added++;
            }
            latest = Math.max(latest, t.epochSecond());
            // a line already stored marks its customer too: after a crash under at-least-once processing, a line
            // can be in the store while the mark, still in the cache, was lost; the repeat then publishes the same
            // features. A block's lines are one customer's, so it is marked once.
            if (!customerKey.equals(marked)) {
                due.put(customerKey, record.timestamp());
                marked = customerKey;
            }
        }
        if (added > 0) {
            Long stored = lineCounts.get(tenantId);
            lineCounts.put(tenantId, stored == null ? added : stored + added);
        }
        if (marked != null) {
            moveClock(tenantId, latest, record.timestamp());
        }
    }

    private static void skip(Record<String, CleanTransaction> record) {
        LOG.warnf("skipping a record on %s that is not a clean transaction of a valid tenant (key %s)",
                Topics.TRANSACTIONS_CLEAN, record.key());
    }

    private void moveClock(String tenantId, long time, long timestamp) {
        Long clock = clocks.get(tenantId);
        if (clock == null || time > clock) {
            clocks.put(tenantId, time);
            if (clock == null || DataClock.dateOf(time).isAfter(DataClock.dateOf(clock))) {
                announce(tenantId, time, timestamp);
            }
        }
    }

    /** This partition's clock moved to a new day: every partition learns it ({@link PartitionClocks}). */
    private void announce(String tenantId, long time, long timestamp) {
        int partition = context.recordMetadata().map(m -> m.partition()).orElse(0);
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.TENANT_HEADER, tenantId.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(PartitionClocks.key(tenantId, partition), (Object) time, timestamp, headers));
    }
}
