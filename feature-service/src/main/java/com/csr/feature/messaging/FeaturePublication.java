package com.csr.feature.messaging;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.Topics;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.FeatureCalculator;
import com.csr.domain.features.FeatureVectors;
import com.csr.feature.service.CustomerLines;
import com.csr.feature.service.CustomerTransactions;
import com.csr.feature.service.DataClock;
import com.csr.feature.service.StoredLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Publishes the features of every customer marked due, once each however many lines they had since, as of their
 * tenant's data clock, and clears the marks: during a bulk load a customer is published a handful of times, not
 * once per line.
 *
 * <p>When a tenant's clock moves to a new day, every customer's features change — days since the last purchase,
 * the 30- and 90-day windows — not only those of the customers with new lines. So every customer of the tenant is
 * published again as of the new day, once the day has stood for {@link #SETTLED} (a bulk load moves the clock
 * through hundreds of days in a minute; that is one republication at its end, not hundreds), and at the latest
 * {@link #AT_MOST_STALE} after the day changed (steady traffic never lets a day stand that long). The tenant's clock
 * is the latest over every partition ({@link PartitionClocks}), so a day that one file brings to one partition is
 * the day every partition's customers are published as of. A tenant's customers are found in the customer index
 * ({@link CustomerTopology#TENANT_CUSTOMERS_STORE}), one entry a customer, which a publication writes.
 */
final class FeaturePublication implements Punctuator {

    static final Duration SETTLED = Duration.ofSeconds(5);
    static final Duration AT_MOST_STALE = Duration.ofSeconds(60);
    /**
     * Publishing waits after each publication this many times as long as it took: at most a fifth of the stream
     * thread goes on publishing. In steady traffic a publication takes milliseconds and nothing changes; during a
     * bulk load, when every customer is due every second and each publication reads back their whole history, the
     * marks pile up between publications instead, so each customer is read back once for many new lines.
     */
    static final int REST_PER_PUBLISHING = 4;
    private static final StringSerializer KEYS = new StringSerializer();

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, StoredLine> lines;
    private final KeyValueStore<String, Long> customers;
    private final KeyValueStore<String, Long> clocks;
    private final ReadOnlyKeyValueStore<String, Long> partitionClocks;
    private final KeyValueStore<String, Long> due;
    private final KeyValueStore<String, Long> published;
    private final PublicationLimits limits;
    private final Map<String, NewDay> newDays = new HashMap<>();
    private long restUntil;
    /** The due customer the last publication stopped at, when its time was up; null to start at the first. */
    private String resumeFrom;

    /** A day a tenant's clock moved to, not yet published for all its customers: since when, and the first move's. */
    private record NewDay(long day, long seenAt, long firstMoveAt) {
    }

    FeaturePublication(ProcessorContext<String, Object> context, KeyValueStore<String, StoredLine> lines,
                       KeyValueStore<String, Long> customers, KeyValueStore<String, Long> clocks,
                       ReadOnlyKeyValueStore<String, Long> partitionClocks, KeyValueStore<String, Long> due,
                       KeyValueStore<String, Long> published, PublicationLimits limits) {
        this.context = context;
        this.lines = lines;
        this.customers = customers;
        this.clocks = clocks;
        this.partitionClocks = partitionClocks;
        this.due = due;
        this.published = published;
        this.limits = limits;
    }

    @Override
    public void punctuate(long now) {
        if (now < restUntil) {
            return;
        }
        long started = System.currentTimeMillis();
        markEveryCustomerOfTenantsOnANewDay(now);
        publishDueUntil(started + limits.budget().toMillis());
        long finished = System.currentTimeMillis();
        restUntil = finished + REST_PER_PUBLISHING * (finished - started);
    }

    /**
     * Publishes the due customers in key order from where the last publication stopped, round to it again, until
     * none is due or the deadline has passed (publishing at least one): a publication of a tenant's every customer
     * does not hold up the lines of every other tenant on the partition, and customers whose marks come back between
     * publications do not keep the others waiting.
     */
    private void publishDueUntil(long deadline) {
        boolean wrapped = resumeFrom == null;
        int publishedNow = 0;
        while (true) {
            List<KeyValue<String, Long>> chunk = dueFrom(resumeFrom);
            for (KeyValue<String, Long> customer : chunk) {
                if (publishedNow > 0 && System.currentTimeMillis() >= deadline) {
                    resumeFrom = customer.key;
                    return;
                }
                publish(customer.key, customer.value);
                due.delete(customer.key);
                publishedNow++;
            }
            if (chunk.size() == limits.dueChunk()) {
                resumeFrom = chunk.get(chunk.size() - 1).key; // deleted: the next chunk starts after it
            } else if (!wrapped) {
                resumeFrom = null;
                wrapped = true;
            } else {
                resumeFrom = null;
                return;
            }
        }
    }

    /** At most a chunk of due marks, from the key given (or the first) on: what a publication holds on the heap. */
    private List<KeyValue<String, Long>> dueFrom(String from) {
        List<KeyValue<String, Long>> chunk = new ArrayList<>(limits.dueChunk());
        try (KeyValueIterator<String, Long> marks = from == null ? due.all() : due.range(from, null)) {
            while (marks.hasNext() && chunk.size() < limits.dueChunk()) {
                chunk.add(marks.next());
            }
        }
        return chunk;
    }

    private void markEveryCustomerOfTenantsOnANewDay(long now) {
        List<KeyValue<String, Long>> tenants = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = clocks.all()) {
            all.forEachRemaining(tenants::add);
        }
        for (KeyValue<String, Long> tenant : tenants) {
            long day = DataClock.dateOf(PartitionClocks.tenantClock(tenant.key, tenant.value, partitionClocks))
                    .toEpochDay();
            Long publishedDay = published.get(tenant.key);
            if (publishedDay != null && publishedDay >= day) {
                newDays.remove(tenant.key);
                continue;
            }
            NewDay seen = newDays.get(tenant.key);
            NewDay newDay = seen == null ? new NewDay(day, now, now)
                    : seen.day() == day ? seen : new NewDay(day, now, seen.firstMoveAt());
            newDays.put(tenant.key, newDay);
            if (now - newDay.seenAt() >= SETTLED.toMillis() || now - newDay.firstMoveAt() >= AT_MOST_STALE.toMillis()) {
                markEveryCustomerOf(tenant.key, now);
                published.put(tenant.key, day);
                newDays.remove(tenant.key);
            }
        }
    }

    /** Marks every customer of the tenant due, walking the customer index (not their lines). */
    private void markEveryCustomerOf(String tenantId, long now) {
        try (KeyValueIterator<String, Long> tenantCustomers = customers.prefixScan(tenantId + ":", KEYS)) {
            tenantCustomers.forEachRemaining(customer -> due.put(customer.key, now));
        }
    }

    /** The features of a customer key, stamped with the time of the newest record that went into them. */
    private void publish(String customerKey, long timestamp) {
        String tenantId = EventKeys.tenantOf(customerKey);
        String customerId = customerKey.substring(tenantId.length() + 1);
        CustomerTransactions transactions = CustomerLines.read(lines, tenantId, customerId);
        Long clock = PartitionClocks.tenantClock(tenantId, clocks.get(tenantId), partitionClocks);
        if (transactions == null || clock == null) {
            return;
        }
        // indexed here, not for each line: once per customer, where every customer with lines comes through
        if (customers.get(customerKey) == null) {
            customers.put(customerKey, timestamp);
        }
        LocalDate asOf = DataClock.dateOf(clock);
        CustomerFeatures features = FeatureCalculator.asOf(transactions.history(), DataClock.cutoffOf(asOf));
        if (features != null) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(Topics.TENANT_HEADER, tenantId.getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(customerKey, new CustomerFeaturesUpdate(tenantId, customerId,
                    asOf.toString(), FeatureVectors.toMap(features)), timestamp, headers));
        }
    }
}
