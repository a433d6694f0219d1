package com.csr.ltv;

import com.csr.platform.testing.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A real Kafka broker in the test JVM and an empty artifact directory, wired into the service's config. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafka kafka;
    private Path artifacts;

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start();
        try {
            artifacts = Files.createTempDirectory("ltv-service-artifacts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(), "csr.artifacts", artifacts.toString());
    }

    @Override
    public void stop() {
        kafka.close();
        try (Stream<Path> files = Files.walk(artifacts)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
