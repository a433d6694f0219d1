package com.csr.ingest.messaging;

import com.csr.domain.json.EventJson;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** Reads an event from a consumed record, skipping (with a warning) what is not one: a bad record must not stop a loop. */
final class EventRecords {

    private static final Logger LOG = Logger.getLogger(EventRecords.class);

    private EventRecords() {
    }

    /** The record's event, or empty for a tombstone or a value that is not a valid event of that type. */
    static <T> Optional<T> read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.read(record.value(), type));
        } catch (IllegalArgumentException e) {
            skip(record, e.getMessage());
            return Optional.empty();
        }
    }

    static void skip(ConsumerRecord<String, byte[]> record, String why) {
        LOG.warnf("skipping %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), why);
    }
}
