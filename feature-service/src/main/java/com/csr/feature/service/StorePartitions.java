package com.csr.feature.service;

import com.csr.contracts.events.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * How many partitions the stores have: one per partition of {@code transactions.clean}, asked of the broker once.
 * Kafka Streams' own metadata cannot say: it knows only the partitions it has placed, so a partition placed nowhere
 * would not be missed. The count is kept once read: the stores are split by the topic's partitions, and adding
 * partitions to it under a running application would split every customer's state anew.
 */
@ApplicationScoped
public class StorePartitions {

    private final Map<String, Object> admin;
    private volatile int count;

    StorePartitions(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.admin = new HashMap<>(kafka);
        admin.keySet().retainAll(AdminClientConfig.configNames());
    }

    /**
     * The number of partitions.
     *
     * @throws ServiceUnavailableException while the broker cannot tell
     */
    public int count() {
        if (count == 0) {
            try (Admin client = Admin.create(admin)) {
                count = client.describeTopics(List.of(Topics.TRANSACTIONS_CLEAN)).allTopicNames()
                        .get(10, TimeUnit.SECONDS).get(Topics.TRANSACTIONS_CLEAN).partitions().size();
            } catch (ExecutionException | TimeoutException e) {
                throw new ServiceUnavailableException("the broker cannot say how many partitions "
                        + Topics.TRANSACTIONS_CLEAN + " has: try again shortly");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceUnavailableException("interrupted while asking the broker about "
                        + Topics.TRANSACTIONS_CLEAN);
            }
        }
        return count;
    }
}
