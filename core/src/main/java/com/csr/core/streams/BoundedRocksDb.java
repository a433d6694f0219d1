package com.csr.core.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of every RocksDB store of a Kafka Streams service to one shared budget, as the Kafka Streams
 * memory-management guide does: a single block cache that also holds index and filter blocks, with memtables
 * counted against it. By default each store of each partition gets its own 50 MB cache and three 16 MB memtables,
 * which on a service with a handful of stores is a few hundred megabytes of native memory outside the heap.
 * Set {@code rocksdb.config.setter} to this class.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    /** Block cache, index and filter blocks, and memtables of all stores together. */
    static final long TOTAL_BYTES = 32L << 20;
    static final long MEMTABLE_BYTES = 8L << 20;
    static final long WRITE_BUFFER_BYTES = 4L << 20;

    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write buffer manager are shared by every store: they live as long as the JVM
    }
}
