package com.csr.platform.kafka;

import com.csr.contracts.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates the platform's topics on a broker, the compacted ones compacted; topics already there are left alone. */
public final class TopicSetup {

    private TopicSetup() {
    }

    /**
     * @param partitions partitions per topic: the most instances of any one consumer that can share the work
     * @return the topics created (empty when all existed)
     */
    public static List<String> create(String bootstrapServers, int partitions) {
        Properties p = new Properties();
        p.putAll(KafkaSecurity.fromEnvironment());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream().filter(name -> !existing.contains(name)).map(name -> {
                NewTopic topic = new NewTopic(name, partitions, (short) 1);
                return Topics.COMPACTED.contains(name)
                        ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                        : topic;
            }).toList();
            admin.createTopics(missing).all().get();
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
