package com.csr.modelservice.serving;

import com.csr.contracts.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record a model service publishes, as plain data for whichever Kafka client the service wires up.
 *
 * @param topic   where it goes, or null for the channel's own topic
 * @param key     the record key
 * @param value   the event's JSON
 * @param headers header name to value, in order
 */
public record OutgoingRecord(String topic, String key, byte[] value, Map<String, String> headers) {

    /** A record with the tenant header, and the model-kind header when {@code kind} is not null. */
    static OutgoingRecord of(String key, byte[] value, String tenantId, String kind) {
        return to(null, key, value, tenantId, kind);
    }

    /** The same, to a given topic. */
    static OutgoingRecord to(String topic, String key, byte[] value, String tenantId, String kind) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Topics.TENANT_HEADER, tenantId);
        if (kind != null) {
            headers.put(Topics.MODEL_KIND_HEADER, kind);
        }
        return new OutgoingRecord(topic, key, value, Collections.unmodifiableMap(headers));
    }

    /** The same record with one more header (or another value for it). */
    public OutgoingRecord withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new OutgoingRecord(topic, key, this.value, Collections.unmodifiableMap(more));
    }

    /** The headers as Kafka record headers, UTF-8 encoded. */
    public Headers kafkaHeaders() {
        RecordHeaders kafka = new RecordHeaders();
        headers.forEach((name, value) -> kafka.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return kafka;
    }
}
