package com.csr.kit.testing;

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
 * The test resource of every service: a real Kafka broker in the test JVM with the platform's topics created, a fresh
 * Kafka Streams state directory (state left by an earlier run would belong to another broker) and an empty artifact
 * directory, both removed when the service under test stops. A test that needs more (a stub service, a setting)
 * extends it and adds to the configuration {@link #start()} returns.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedKafka kafka;

    private Path stateDir;
    private Path artifacts;

    /** The address of the broker of the service under test. */
    public static String bootstrapServers() {
        if (kafka == null) {
            throw new IllegalStateException("no broker: the test does not use KafkaResource");
        }
        return kafka.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        try {
            stateDir = Files.createTempDirectory("csr-streams-state");
            artifacts = Files.createTempDirectory("csr-artifacts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafka.start();
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "kafka-streams.state.dir", stateDir.toString(),
                "csr.artifacts", artifacts.toString());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        delete(stateDir);
        delete(artifacts);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
