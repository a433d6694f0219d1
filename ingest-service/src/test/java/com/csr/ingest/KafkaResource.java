package com.csr.ingest;

import com.csr.platform.testing.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real Kafka broker for the application under test, with every platform topic created. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start();
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        kafka.close();
    }
}
