package com.csr.platform.kafka;

import com.csr.domain.json.EventJson;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka (Streams) serde of one record type in the platform's event JSON ({@link EventJson}): snake_case, unknown
 * fields ignored. A record it cannot read fails; the services' Kafka Streams apps log it and go on
 * ({@code LogAndContinueExceptionHandler}), counting it in {@code dropped-records}.
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : EventJson.write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : EventJson.read(bytes, type);
    }
}
