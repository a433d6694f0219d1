package com.csr.feature.health;

import com.csr.feature.service.LocalTasks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when this instance is a source of data: Kafka Streams is RUNNING (while it rebalances or restores, the
 * stores may not answer) and the active task of at least one partition runs here. An instance holding only standby
 * or warm-up copies (one that has just joined and is catching up, or a spare when there are more instances than
 * partitions) holds nothing anyone reads: tenant-wide reads do not ask it, so traffic should not be sent to it
 * either. It becomes ready once an assignment gives it an active task, which happens when its copies have caught
 * up (docs/decisions.md, "Growing"). Alone, an instance runs every partition's active task: RUNNING, as before.
 */
@Readiness
@ApplicationScoped
public class StreamsReadiness implements HealthCheck {

    private final KafkaStreams streams;

    public StreamsReadiness(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        SortedSet<Integer> active = LocalTasks.active(streams);
        return HealthCheckResponse.named("kafka streams").status(state == KafkaStreams.State.RUNNING
                        && !active.isEmpty())
                .withData("state", state.name()).withData("active_partitions", list(active))
                .withData("standby_partitions", list(LocalTasks.standby(streams))).build();
    }

    private static String list(SortedSet<Integer> partitions) {
        return partitions.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
