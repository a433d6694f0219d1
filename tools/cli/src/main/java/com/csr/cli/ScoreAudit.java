package com.csr.cli;

import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.Topics;
import com.csr.domain.json.EventJson;
import com.csr.platform.kafka.KafkaSecurity;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code csr audit-scores}: reads {@code customer.scores} from the beginning to its end, as its readers do (committed
 * transactions only), and says, per model kind and version, how many customers were scored and how many scores were
 * duplicates: a second score of one customer by one version from the same source record
 * ({@link Topics#SOURCE_HEADER}; for older scores without it, of the same as-of date). The proof behind "every
 * customer scored exactly once, none lost" in the fault suite.
 */
final class ScoreAudit {

    static final String USAGE = """
            usage: csr audit-scores --tenant-id ID [--as-of YYYY-MM-DD] [--bootstrap-servers localhost:9092]
              per model kind and version: score records, customers scored, repeated scores (of one source record)""";

    private static final Set<String> OPTIONS = Set.of("bootstrap-servers", "tenant-id", "as-of", "help");

    private ScoreAudit() {
    }

    /** What the topic holds for one model version. */
    record Version(String kind, String version, long records, long customers, long repeats) {
    }

    static void run(List<String> args, PrintStream out) {
        Arguments a = new Arguments(args, OPTIONS);
        String tenant = a.get("tenant-id", null);
        if (tenant == null) {
            throw new Arguments.UsageException("audit-scores needs --tenant-id");
        }
        for (Version v : audit(a.get("bootstrap-servers", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "localhost:9092")), tenant, a.get("as-of", null))) {
            out.printf(Locale.ROOT, "%-8s %-28s records %,9d  customers %,7d  repeated %,7d%n", v.kind(), v.version(),
                    v.records(), v.customers(), v.repeats());
        }
    }

    /** Every score of the tenant, or only those as of {@code asOf} when it is not null. */
    static List<Version> audit(String bootstrapServers, String tenantId, String asOf) {
        Properties p = new Properties();
        p.putAll(KafkaSecurity.fromEnvironment());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        // what readers see: the scores of committed transactions only
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Map<String, Integer>> seen = new TreeMap<>();
        Map<String, Long> records = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CUSTOMER_SCORES).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    CustomerScore score = EventJson.read(record.value(), CustomerScore.class);
                    if (!tenantId.equals(score.tenantId()) || asOf != null && !asOf.equals(score.asOf())) {
                        continue;
                    }
                    String version = score.kind() + " " + score.modelVersion();
                    records.merge(version, 1L, Long::sum);
                    Header source = record.headers().lastHeader(Topics.SOURCE_HEADER);
                    seen.computeIfAbsent(version, k -> new HashMap<>()).merge(score.customerId() + "@"
                            + (source == null ? score.asOf() : new String(source.value(), StandardCharsets.UTF_8)),
                            1, Integer::sum);
                }
            }
        }
        return seen.entrySet().stream().map(e -> {
            String[] kindAndVersion = e.getKey().split(" ", 2);
            long customers = e.getValue().keySet().stream().map(k -> k.substring(0, k.lastIndexOf('@')))
                    .distinct().count();
            long repeats = e.getValue().values().stream().mapToLong(n -> n - 1L).sum();
            return new Version(kindAndVersion[0], kindAndVersion[1], records.get(e.getKey()), customers, repeats);
        }).toList();
    }
}
