package com.csr.feature.service;

import com.csr.core.events.EventKeys;
import com.csr.feature.messaging.CustomerTopology;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The other instances of this service. Customers' state is split by partition across the instances, so a customer
 * held by another instance is asked of it, and what spans a whole tenant (its data clock, its training set) is
 * gathered from all of them. Instances find each other through Kafka Streams' group metadata: each advertises
 * where it answers ({@code kafka-streams.application.server}, {@code CSR_ADVERTISED_ADDRESS}); an instance without
 * that setting is on its own.
 */
@ApplicationScoped
public class Peers {

    /** The header of a request from a peer: answer from your own partitions, ask no one else. */
    public static final String OWN_PARTITIONS = "X-Csr-Own-Partitions";

    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaStreams streams;
    private final Optional<HostInfo> self;
    private final Map<HostInfo, PeerApi> clients = new ConcurrentHashMap<>();

    Peers(KafkaStreams streams, @ConfigProperty(name = "kafka-streams.application.server") Optional<String> server) {
        this.streams = streams;
        this.self = server.filter(s -> !s.isBlank()).map(HostInfo::buildFromEndpoint);
    }

    /**
     * The instance holding a customer's state, when it is another one.
     *
     * @throws ServiceUnavailableException while the instances are rebalancing and no one is known to hold it
     */
    public Optional<PeerApi> holderOf(String tenantId, String customerId) {
        if (self.isEmpty()) {
            return Optional.empty();
        }
        KeyQueryMetadata holder = streams.queryMetadataForKey(CustomerTopology.CUSTOMER_LINES_STORE,
                EventKeys.customer(tenantId, customerId), KEYS);
        if (holder == null || holder.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new ServiceUnavailableException("customer state is moving between instances: try again shortly");
        }
        return holder.activeHost().equals(self.get()) ? Optional.empty() : Optional.of(client(holder.activeHost()));
    }

    /** Every other instance in the group. */
    public List<PeerApi> others() {
        if (self.isEmpty()) {
            return List.of();
        }
        return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self.get()) && host.port() > 0).distinct().map(this::client).toList();
    }

    private PeerApi client(HostInfo host) {
        return clients.computeIfAbsent(host, h -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create("http://" + h.host() + ":" + h.port()))
                .connectTimeout(1, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS).build(PeerApi.class));
    }
}
