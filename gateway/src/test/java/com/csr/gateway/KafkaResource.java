package com.csr.gateway;

import com.csr.platform.testing.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.util.Map;

/** A real Kafka broker for the gateway's tests; the model services point at closed ports (they are not running). */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    static EmbeddedKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start();
        try {
            return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "kafka-streams.state.dir", Files.createTempDirectory("gateway-state").toString(),
                    "csr.gateway.services.segment", "http://127.0.0.1:1",
                    "csr.gateway.services.churn", "http://127.0.0.1:1",
                    "csr.gateway.services.ltv", "http://127.0.0.1:1",
                    "csr.gateway.services.features", "http://127.0.0.1:1",
                    "csr.gateway.services.ingest", "http://127.0.0.1:1");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        kafka.close();
    }
}
