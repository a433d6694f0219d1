package com.csr.core.cli;

import com.csr.core.events.TopicSetup;
import com.csr.core.ingest.RawRowPublisher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code csr topics} and {@code csr publish}: what a data engineer does against the platform's broker. */
final class KafkaCommands {

    static final String USAGE = """
            usage: csr topics [--bootstrap-servers localhost:9092] [--partitions 3]
                   csr publish --tenant-id ID --data-path FILE [--file-id ID] [--columns ..] [--as-of YYYY-MM-DD]
                               [--bootstrap-servers localhost:9092]
              publish puts every row of the file on transactions.raw, then an end-of-file marker""";

    private static final Set<String> TOPIC_OPTIONS = Set.of("bootstrap-servers", "partitions", "help");
    private static final Set<String> PUBLISH_OPTIONS = Set.of("bootstrap-servers", "tenant-id", "data-path",
            "file-id", "columns", "as-of", "help");

    private KafkaCommands() {
    }

    static void topics(List<String> args, PrintStream out) {
        Arguments a = new Arguments(args, TOPIC_OPTIONS);
        List<String> created = TopicSetup.create(bootstrap(a), a.intValue("partitions", 3));
        out.println(created.isEmpty() ? "all topics exist" : "created " + String.join(", ", created));
    }

    static void publish(List<String> args, PrintStream out) {
        Arguments a = new Arguments(args, PUBLISH_OPTIONS);
        String tenant = a.get("tenant-id", null);
        String file = a.get("data-path", null);
        if (tenant == null || file == null) {
            throw new Arguments.UsageException("publish needs --tenant-id and --data-path");
        }
        long start = System.nanoTime();
        try (RawRowPublisher publisher = RawRowPublisher.connect(bootstrap(a))) {
            RawRowPublisher.Published p = publisher.publish(tenant, Path.of(file), a.get("file-id", null),
                    a.get("columns", null), a.get("as-of", null));
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "published file %s: %,d rows in %.1f s (%,.0f rows/s)%n", p.fileId(), p.rows(),
                    seconds, p.rows() / seconds);
        }
    }

    private static String bootstrap(Arguments a) {
        return a.get("bootstrap-servers", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
    }
}
