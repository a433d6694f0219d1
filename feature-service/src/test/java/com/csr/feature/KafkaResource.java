package com.csr.feature;

import com.csr.platform.testing.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Kafka broker for the application under test, with every platform topic created, and a fresh Kafka Streams
 * state directory: state left by an earlier run would belong to another broker.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafka kafka;
    private Path stateDir;

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start();
        try {
            stateDir = Files.createTempDirectory("feature-service-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(), "kafka-streams.state.dir",
                stateDir.toString());
    }

    @Override
    public void stop() {
        kafka.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
