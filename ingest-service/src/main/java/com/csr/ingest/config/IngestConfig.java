package com.csr.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The ingest service's own settings, {@code csr.ingest.*}; Kafka itself is configured under {@code kafka.*}. */
@ConfigMapping(prefix = "csr.ingest")
public interface IngestConfig {

    /** The consumer group of {@code transactions.raw}: instances share its partitions. */
    @WithDefault("ingest-service")
    String consumerGroup();

    /**
     * Where the files in progress are kept (RocksDB), one directory per instance; lost or stale, it is rebuilt from
     * {@code transactions.raw}.
     */
    String stateDir();

    /**
     * The instance's name, stable across its restarts: its Kafka transactional id, so a restarted instance fences
     * off its own unfinished transaction at once.
     */
    String instanceId();

    /** Most raw rows in one batch (one Kafka transaction). */
    @WithDefault("20000")
    int batchRows();

    /** How long one poll of Kafka waits for records. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** How long readiness waits for the broker to answer. */
    @WithDefault("2s")
    Duration brokerTimeout();

    /** How long to wait before reading again when Kafka refused a file's output or could not be reached. */
    @WithDefault("5s")
    Duration retryBackoff();
}
