package com.csr.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.Topics;
import com.csr.platform.testing.EmbeddedKafka;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * The topics as a real broker has them: every one, with its partitions, the compacted ones compacted — among them
 * {@code models.published}, whose latest record per tenant and kind is the active model however old it is.
 */
class TopicSetupIT {

    @Test
    void everyTopicIsMadeAndTheCompactedOnesKeepTheLatestRecordPerKey() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            assertThat(TopicSetup.create(kafka.bootstrapServers(), EmbeddedKafka.PARTITIONS)).isEmpty();
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (Admin admin = Admin.create(p)) {
                assertThat(admin.describeTopics(Topics.ALL).allTopicNames().get().values())
                        .allSatisfy(t -> assertThat(t.partitions()).hasSize(EmbeddedKafka.PARTITIONS));
                List<ConfigResource> topics = Topics.ALL.stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
                Map<ConfigResource, Config> configs = admin.describeConfigs(topics).all().get();
                for (ConfigResource topic : topics) {
                    String policy = configs.get(topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                    assertThat(policy).as(topic.name()).isEqualTo(Topics.COMPACTED.contains(topic.name())
                            ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
                }
                assertThat(Topics.COMPACTED).contains(Topics.MODELS_PUBLISHED);
            }
        }
    }
}
