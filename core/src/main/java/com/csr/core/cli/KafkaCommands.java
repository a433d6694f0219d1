package com.csr.core.cli;

import com.csr.core.events.TopicSetup;
import com.csr.core.ingest.RawRowPublisher;
import com.csr.core.tenants.TenantIds;
import com.csr.core.transactions.ColumnMapping;
import com.csr.core.transactions.FileLimits;
import com.csr.core.transactions.RowSource;
import com.csr.core.transactions.TransactionFiles;
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
              publish reads the file through first (a file over a limit, CSR_INGEST_LIMITS_*, is refused before any
              row is sent), then puts every row on transactions.raw, then an end-of-file marker""";

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

    private static String bootstrap(Arguments a) {
        return a.get("bootstrap-servers", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
    }
}
