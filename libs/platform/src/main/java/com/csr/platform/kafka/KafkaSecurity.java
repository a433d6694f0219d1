package com.csr.platform.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * How a Kafka client proves itself and checks the broker, from the environment the Kubernetes manifests give every
 * service: {@code KAFKA_SECURITY_PROTOCOL} ({@code SASL_SSL} there), {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_JAAS_CONFIG} (the service's Strimzi {@code KafkaUser} secret), {@code KAFKA_SSL_TRUSTSTORE_TYPE},
 * {@code KAFKA_SSL_TRUSTSTORE_LOCATION} and {@code KAFKA_SSL_TRUSTSTORE_PASSWORD} (the cluster CA). Unset, a client
 * speaks plaintext, as on one machine. The clients Quarkus makes read the same variables through their
 * {@code kafka.*} and {@code kafka-streams.*} settings; the ones made by hand add these.
 */
public final class KafkaSecurity {

    /** Kafka client setting by environment variable. */
    private static final Map<String, String> SETTINGS = Map.of(
            "KAFKA_SECURITY_PROTOCOL", "security.protocol",
            "KAFKA_SASL_MECHANISM", "sasl.mechanism",
            "KAFKA_SASL_JAAS_CONFIG", "sasl.jaas.config",
            "KAFKA_SSL_TRUSTSTORE_TYPE", "ssl.truststore.type",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "ssl.truststore.location",
            "KAFKA_SSL_TRUSTSTORE_PASSWORD", "ssl.truststore.password");

    private KafkaSecurity() {
    }

    /** The client settings the environment names; none when it names none. */
    public static Map<String, Object> settings(Map<String, String> environment) {
        Map<String, Object> settings = new HashMap<>();
        SETTINGS.forEach((variable, setting) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                settings.put(setting, value);
            }
        });
        return settings;
    }

    /** {@link #settings} of this process's environment. */
    public static Map<String, Object> fromEnvironment() {
        return settings(System.getenv());
    }
}
