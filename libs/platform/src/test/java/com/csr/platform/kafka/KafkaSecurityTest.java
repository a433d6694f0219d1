package com.csr.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Kafka client settings the manifests' environment gives. */
class KafkaSecurityTest {

    @Test
    void theManifestsVariablesBecomeTheClientsSettings() {
        Map<String, String> cluster = Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12", "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "secret", "PATH", "/usr/bin");

        assertThat(KafkaSecurity.settings(cluster)).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"), Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                Map.entry("ssl.truststore.type", "PKCS12"),
                Map.entry("ssl.truststore.location", "/etc/kafka-ca/ca.p12"),
                Map.entry("ssl.truststore.password", "secret"));
    }

    @Test
    void withoutThemAClientSpeaksPlaintext() {
        assertThat(KafkaSecurity.settings(Map.of("KAFKA_SECURITY_PROTOCOL", " "))).isEmpty();
        assertThat(KafkaSecurity.settings(Map.of())).isEmpty();
    }
}
