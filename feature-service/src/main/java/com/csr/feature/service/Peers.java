package com.csr.feature.service;

import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.Topics;
import com.csr.feature.messaging.CustomerTopology;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The other instances of this service. Customers' state is split by partition across the instances, so a customer
 * whose partition's active task runs on another instance is asked of it, and what spans a whole tenant (its data
 * clock, its training set) is gathered from every instance that runs an active task. Instances find each other
 * through Kafka Streams' group metadata: each advertises where it answers ({@code kafka-streams.application.server},
 * {@code CSR_ADVERTISED_ADDRESS}); an instance without that setting is on its own.
 *
 * <p>Only active tasks count: an instance that holds a partition as a standby or warm-up task (a copy being caught
 * up, say on an instance that just joined) is never asked for it.
 */
@ApplicationScoped
public class Peers {

    /** The header of a request from a peer: answer from your own partitions, ask no one else. */
    public static final String OWN_PARTITIONS = "X-Csr-Own-Partitions";

    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaStreams streams;
    private final StorePartitions partitions;
    private final Optional<HostInfo> self;
    private final Map<HostInfo, PeerApi> clients = new ConcurrentHashMap<>();

    Peers(KafkaStreams streams, StorePartitions partitions,
          @ConfigProperty(name = "kafka-streams.application.server") Optional<String> server) {
        this.streams = streams;
        this.partitions = partitions;
        this.self = server.filter(s -> !s.isBlank()).map(HostInfo::buildFromEndpoint);
    }

    /**
     * Where a customer's state is.
     *
     * @param partition the customer's partition; empty when this instance is on its own, and so runs them all
     * @param peer      the other instance running that partition's active task; empty when it is this one
     */
    public record Holder(OptionalInt partition, Optional<PeerApi> peer) {
    }

    /**
     * Where a customer's state is.
     *
     * @throws ServiceUnavailableException while the instances are being assigned partitions, or the customer's
     *                                     partition has no active task yet
     */
    public Holder holderOf(String tenantId, String customerId) {
        if (self.isEmpty()) {
            return new Holder(OptionalInt.empty(), Optional.empty());
        }
        KeyQueryMetadata holder = metadata(() -> streams.queryMetadataForKey(CustomerTopology.CUSTOMER_LINES_STORE,
                EventKeys.customer(tenantId, customerId), KEYS));
        if (holder == null || holder.partition() < 0) {
            throw new ServiceUnavailableException("the instances are being assigned their partitions; try again "
                    + "in a few seconds");
        }
        OptionalInt partition = OptionalInt.of(holder.partition());
        if (holder.activeHost().equals(self.get())) {
            return new Holder(partition, Optional.empty());
        }
        if (holder.activeHost().port() < 0) {
            throw new ServiceUnavailableException("partition " + holder.partition() + " is being restored; try "
                    + "again in a few seconds");
        }
        return new Holder(partition, Optional.of(client(holder.activeHost())));
    }

    /**
     * Whom a tenant-wide read asks besides this instance, and how many partitions it must cover.
     *
     * @param partitions how many partitions the stores have, as many as {@code transactions.clean}
     * @param others     every other instance running at least one active task; none runs only standbys
     */
    public record Gathering(int partitions, List<PeerApi> others) {
    }

    /**
     * The instances to gather a tenant from, from Kafka Streams' metadata of the latest assignment.
     *
     * @throws ServiceUnavailableException when a partition has no active task anywhere (a rebalance in progress)
     */
    public Gathering gathering() {
        int count = partitions.count();
        if (self.isEmpty()) {
            return new Gathering(count, List.of());
        }
        Map<HostInfo, Set<Integer>> active = new LinkedHashMap<>();
        for (StreamsMetadata instance : metadata(() -> streams.streamsMetadataForStore(
                CustomerTopology.CUSTOMER_LINES_STORE))) {
            Set<Integer> running = partitionsOf(instance.topicPartitions());
            if (!running.isEmpty()) {
                active.put(instance.hostInfo(), running);
            }
        }
        // before anyone is asked: a partition whose active task is nowhere cannot be read
        PartitionCoverage.require(count, new ArrayList<>(active.values()));
        return new Gathering(count, active.keySet().stream().filter(host -> !host.equals(self.get()))
                .map(this::client).toList());
    }

    private static Set<Integer> partitionsOf(Set<TopicPartition> topicPartitions) {
        return new TreeSet<>(topicPartitions.stream()
                .filter(partition -> partition.topic().equals(Topics.TRANSACTIONS_CLEAN))
                .map(TopicPartition::partition).toList());
    }

    /** Kafka Streams' metadata, which it gives only while running or rebalancing. */
    private <T> T metadata(Supplier<T> question) {
        try {
            return question.get();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new ServiceUnavailableException("customer state is not available now (Kafka Streams is "
                    + streams.state() + "): try again shortly");
        }
    }

    private PeerApi client(HostInfo host) {
        return clients.computeIfAbsent(host, h -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create("http://" + h.host() + ":" + h.port()))
                .connectTimeout(1, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS).build(PeerApi.class));
    }
}
