package com.csr.cli;

import com.csr.contracts.ids.TenantIds;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.FileLimits;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import com.csr.platform.kafka.KafkaSecurity;
import com.csr.platform.kafka.RawRowPublisher;
import com.csr.platform.kafka.TopicSetup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** {@code csr topics}, {@code csr publish} and {@code csr await-consumed}: what a data engineer does against the platform's broker. */
final class KafkaCommands {

    static final String USAGE = """
            usage: csr topics [--bootstrap-servers localhost:9092] [--partitions 3]
                   csr publish --tenant-id ID --data-path FILE [--file-id ID] [--columns ..] [--as-of YYYY-MM-DD]
                               [--bootstrap-servers localhost:9092]
                   csr await-consumed --group GROUP --topic TOPIC [--timeout 600] [--bootstrap-servers localhost:9092]
              await-consumed waits until the consumer group has committed every record now on the topic
              publish reads the file through first (a file over a limit, CSR_INGEST_LIMITS_*, is refused before any
              row is sent), then puts every row on transactions.raw, then an end-of-file marker""";

    private static final Set<String> TOPIC_OPTIONS = Set.of("bootstrap-servers", "partitions", "help");
    private static final Set<String> PUBLISH_OPTIONS = Set.of("bootstrap-servers", "tenant-id", "data-path",
            "file-id", "columns", "as-of", "help");

    private static final Set<String> AWAIT_OPTIONS = Set.of("bootstrap-servers", "group", "topic", "timeout", "help");

    private KafkaCommands() {
    }

    static void topics(List<String> args, PrintStream out) {
        Arguments a = new Arguments(args, TOPIC_OPTIONS);
        List<String> created = TopicSetup.create(bootstrap(a), a.intValue("partitions", 3));
        out.println(created.isEmpty() ? "all topics exist" : "created " + String.join(", ", created));
    }

    /** @param limits what the file may hold, from the {@code CSR_INGEST_LIMITS_*} environment variables */
    static void publish(List<String> args, PrintStream out, FileLimits limits) {
        Arguments a = new Arguments(args, PUBLISH_OPTIONS);
        String tenant = a.get("tenant-id", null);
        String file = a.get("data-path", null);
        if (tenant == null || file == null) {
            throw new Arguments.UsageException("publish needs --tenant-id and --data-path");
        }
        TenantIds.require(tenant);
        readThrough(Path.of(file), ColumnMapping.parse(a.get("columns", null)), limits);
        long start = System.nanoTime();
        try (RawRowPublisher publisher = RawRowPublisher.connect(bootstrap(a))) {
            RawRowPublisher.Published p = publisher.publish(tenant, Path.of(file), a.get("file-id", null),
                    a.get("columns", null), a.get("as-of", null), limits);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "published file %s: %,d rows in %.1f s (%,.0f rows/s)%n", p.fileId(), p.rows(),
                    seconds, p.rows() / seconds);
        }
    }

    /**
     * Reads every row, so that a file the reader refuses (over a limit, an unclosed quote) fails before its first
     * row is sent: refused half-way, it would leave a file on the topic that never ends.
     */
    private static void readThrough(Path file, ColumnMapping mapping, FileLimits limits) {
        try (RowSource source = TransactionFiles.open(file, mapping, limits)) {
            while (source.next() != null) {
                // every row is checked as it is read
            }
        }
    }

    /** Waits until a group has read (and committed) every record on a topic at the time of the call. */
    static void awaitConsumed(List<String> args, PrintStream out) {
        Arguments a = new Arguments(args, AWAIT_OPTIONS);
        String group = a.get("group", null);
        String topic = a.get("topic", null);
        if (group == null || topic == null) {
            throw new Arguments.UsageException("await-consumed needs --group and --topic");
        }
        long start = System.nanoTime();
        long deadline = start + a.intValue("timeout", 600) * 1_000_000_000L;
        Properties p = new Properties();
        p.putAll(KafkaSecurity.fromEnvironment());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(a));
        try (Admin admin = Admin.create(p)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                long behind = 0;
                for (TopicPartition tp : partitions) {
                    OffsetAndMetadata c = committed.get(tp);
                    behind += Math.max(0, end.get(tp) - (c == null ? 0 : c.offset()));
                }
                if (behind == 0) {
                    out.printf(Locale.ROOT, "%s has read every record of %s (%.1f s)%n", group, topic,
                            (System.nanoTime() - start) / 1e9);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(group + " is still " + behind + " records behind on " + topic);
                }
                Thread.sleep(500);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + topic + ": " + e.getCause().getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String bootstrap(Arguments a) {
        return a.get("bootstrap-servers", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
    }
}
