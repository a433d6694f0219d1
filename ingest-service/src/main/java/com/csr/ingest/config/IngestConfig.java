package com.csr.ingest.config;

import com.csr.domain.transactions.FileLimits;
import io.quarkus.runtime.configuration.MemorySize;
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

    /**
     * Most raw records in one batch (one Kafka transaction); a block of rows counts once, and a batch also holds at
     * most 4 MiB of (compressed) records, about 20,000 rows of a block-published file.
     */
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

    /**
     * What one uploaded file may hold, {@code csr.ingest.limits.*}: the limits of the domain's {@link FileLimits}
     * with its defaults, one setting each (sizes as {@code 1M}, {@code 16G}: binary units). A file over one is
     * refused naming it: 413 for rows and bytes, 400 for a line or a cell. A mapping of its own, so that the settings
     * above stay what a consumer of {@code transactions.raw} needs.
     */
    @ConfigMapping(prefix = "csr.ingest.limits")
    interface Limits {

        /** Longest line (a CSV record with its quoted line breaks; a workbook row's cells together), characters. */
        @WithDefault("1M")
        MemorySize maxLineChars();

        /** Longest cell, characters. */
        @WithDefault("1M")
        MemorySize maxCellChars();

        /** Most bytes a file may decompress to. */
        @WithDefault("16G")
        MemorySize maxDecompressedBytes();

        /** Most data rows in a file. */
        @WithDefault("100000000")
        long maxRows();

        /** Most bytes a workbook's sheet (any part but its shared strings) may decompress to. */
        @WithDefault("2G")
        MemorySize maxSheetBytes();

        /** Most bytes a workbook's shared strings may decompress to; they are held on the heap as they are read. */
        @WithDefault("128M")
        MemorySize maxSharedStringsBytes();

        /** These settings as the domain's {@link FileLimits}. */
        default FileLimits fileLimits() {
            FileLimits limits = FileLimits.defaults();
            limits = limits.with(FileLimits.Limit.LINE, maxLineChars().asLongValue());
            limits = limits.with(FileLimits.Limit.CELL, maxCellChars().asLongValue());
            limits = limits.with(FileLimits.Limit.DECOMPRESSED_BYTES, maxDecompressedBytes().asLongValue());
            limits = limits.with(FileLimits.Limit.ROWS, maxRows());
            limits = limits.with(FileLimits.Limit.SHEET_BYTES, maxSheetBytes().asLongValue());
            return limits.with(FileLimits.Limit.SHARED_STRINGS_BYTES, maxSharedStringsBytes().asLongValue());
        }
    }
}
