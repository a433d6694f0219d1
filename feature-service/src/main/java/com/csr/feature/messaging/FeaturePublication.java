package com.csr.feature.messaging;

import com.csr.core.events.CustomerFeaturesUpdate;
import com.csr.core.events.EventKeys;
import com.csr.core.events.Topics;
import com.csr.core.features.CustomerFeatures;
import com.csr.core.features.FeatureCalculator;
import com.csr.core.features.FeatureVectors;
import com.csr.feature.service.CustomerLines;
import com.csr.feature.service.CustomerTransactions;
import com.csr.feature.service.DataClock;
import com.csr.feature.service.StoredLine;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Publishes the features of every customer marked due, once each however many lines they had since, as of their
 * tenant's data clock, and clears the marks: during a bulk load a customer is published a handful of times, not
 * once per line.
 */
final class FeaturePublication implements Punctuator {

    private final ProcessorContext<String, CustomerFeaturesUpdate> context;
    private final KeyValueStore<String, StoredLine> lines;
    private final KeyValueStore<String, Long> clocks;
    private final KeyValueStore<String, Long> due;

    FeaturePublication(ProcessorContext<String, CustomerFeaturesUpdate> context, KeyValueStore<String, StoredLine> lines,
                       KeyValueStore<String, Long> clocks, KeyValueStore<String, Long> due) {
        this.context = context;
        this.lines = lines;
        this.clocks = clocks;
        this.due = due;
    }

    @Override
    public void punctuate(long now) {
        List<KeyValue<String, Long>> customers = new ArrayList<>();
        try (KeyValueIterator<String, Long> marks = due.all()) {
            marks.forEachRemaining(customers::add);
        }
        for (KeyValue<String, Long> customer : customers) {
            publish(customer.key, customer.value);
            due.delete(customer.key);
        }
    }

    /** The features of a customer key, stamped with the time of the newest record that went into them. */
    private void publish(String customerKey, long timestamp) {
        String tenantId = EventKeys.tenantOf(customerKey);
        String customerId = customerKey.substring(tenantId.length() + 1);
        CustomerTransactions transactions = CustomerLines.read(lines, tenantId, customerId);
        Long clock = clocks.get(tenantId);
        if (transactions == null || clock == null) {
            return;
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
