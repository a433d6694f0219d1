package com.csr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.Topics;
import com.csr.domain.json.EventJson;
import com.csr.platform.testing.EmbeddedKafka;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The score audit counts a tenant's customers per model version and the scores a replay repeated, nothing else. */
class ScoreAuditIT {

    @Test
    void countsCustomersAndRepeatsPerVersionOfOneTenant() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                    new ByteArraySerializer())) {
                for (CustomerScore s : List.of(churn("acme", "1", "v1", "2010-12-08"),
                        churn("acme", "2", "v1", "2010-12-08"), churn("acme", "1", "v1", "2010-12-08"),
                        churn("acme", "1", "v1", "2010-12-09"), churn("acme", "1", "v2", "2010-12-09"),
                        churn("other", "9", "v1", "2010-12-09"))) {
                    producer.send(new ProducerRecord<>(Topics.CUSTOMER_SCORES,
                            EventKeys.customer(s.tenantId(), s.customerId()), EventJson.write(s)));
                }
            }
            assertThat(ScoreAudit.audit(kafka.bootstrapServers(), "acme", null)).containsExactly(
                    new ScoreAudit.Version("churn", "v1", 4, 2, 1),
                    new ScoreAudit.Version("churn", "v2", 1, 1, 0));
            assertThat(ScoreAudit.audit(kafka.bootstrapServers(), "acme", "2010-12-09")).containsExactly(
                    new ScoreAudit.Version("churn", "v1", 1, 1, 0),
                    new ScoreAudit.Version("churn", "v2", 1, 1, 0));
        }
    }

    private static CustomerScore churn(String tenant, String customer, String version, String asOf) {
        return new CustomerScore(tenant, customer, "churn", version, asOf, null, null, 0.5, null);
    }
}
