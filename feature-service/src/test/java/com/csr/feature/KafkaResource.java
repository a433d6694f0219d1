package com.csr.feature;

import com.csr.core.testing.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A real Kafka broker for the application under test, with every platform topic created, and a fresh Kafka Streams
 * state directory: state left by an earlier run would belong to another broker.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start();
        try {
            return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(), "kafka-streams.state.dir",
                    Files.createTempDirectory("feature-service-state").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        kafka.close();
    }
}
