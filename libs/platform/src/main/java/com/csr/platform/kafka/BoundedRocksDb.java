package com.csr.platform.kafka;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of every RocksDB store of a Kafka Streams service to one shared budget, as the Kafka Streams
 * memory-management guide does: a single block cache, with memtables counted against it. By default each store of
 * each partition gets its own 50 MB cache and three 16 MB memtables, which on a service with a handful of stores is
 * a few hundred megabytes of native memory outside the heap. Set {@code rocksdb.config.setter} to this class.
 *
 * <p>Index and Bloom filter blocks stay with their tables, outside the cache (about 3 bytes a stored key: ~25 MB for
 * a tenant of 10 million lines). In the cache, a store of millions of lines had more of them than the cache holds,
 * so they were evicted by the data blocks publication reads, and storing each new line — a lookup of a key that is
 * not there, which a filter in memory answers at once — read filter and index blocks back from disk: at 10 million
 * lines that lookup was most of the feature service's time.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    /** Block cache and memtables of all stores together. */
    static final long TOTAL_BYTES = 32L << 20;
    static final long MEMTABLE_BYTES = 8L << 20;
    static final long WRITE_BUFFER_BYTES = 4L << 20;

    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(false);
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
