package com.csr.ingest.files;

import com.csr.domain.json.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;

/**
 * The files in progress of the partitions an ingest instance reads, on disk (RocksDB): each file's {@link FileState}
 * and its {@link FileMemory}, and per partition the offset up to which all of it is applied. Memory is bounded
 * (a small block cache and memtables, whatever the files' sizes).
 *
 * <p>Changes are gathered in a pending batch, which reads see, and written with {@link #apply} once the records
 * they came from are committed; after a crash the store is as of the last batch applied, and reading the partition
 * again from {@link #applied} brings it up to date. Not thread-safe: the raw-row consumer owns it.
 *
 * <p>Keys: {@code [partition][kind]...}, kind 0 the applied offset, 1 a file's state by the file's 64-bit hash, 2
 * the file's memory ({@code [hash][part]...}), so a partition or a file is dropped with one range deletion.
 */
public final class FileStateStore implements Closeable {

    static final long CACHE_BYTES = 48L << 20;
    static final long MEMTABLE_BYTES = 16L << 20;
    static final int MEMTABLES = 2;
    /** Values read or written lately (a customer's products, the current invoice), so they need no native call. */
    static final int RECENT_VALUES = 50_000;

    private static final byte APPLIED = 0;
    private static final byte STATE = 1;
    private static final byte MEMORY = 2;
    private static final byte FINGERPRINT = 1;
    private static final byte PURCHASE = 2;
    private static final byte AWAITING = 3;
    private static final byte INVOICE_LINES = 4;
    private static final byte AHEAD = 5;
    private static final byte HELD = 6;
    private static final byte[] NOTHING = new byte[0];

    static {
        RocksDB.loadLibrary();
    }

    private final Cache cache;
    private final Options options;
    private final RocksDB db;
    private final ReadOptions reads = new ReadOptions();
    private final DBOptions batchOptions = new DBOptions();
    private final WriteOptions writes = new WriteOptions().setDisableWAL(true);
    private final WriteBatchWithIndex pending = new WriteBatchWithIndex(true);
    /** Files finished in the pending batch: their memory is dropped once it is applied. */
    private final Set<FileRef> finished = new HashSet<>();
    private final Map<ByteBuffer, byte[]> recent = new LinkedHashMap<>(RECENT_VALUES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, byte[]> eldest) {
            return size() > RECENT_VALUES;
        }
    };

    private record FileRef(int partition, long hash) {
    }

    private FileStateStore(Path directory) throws RocksDBException, IOException {
        Files.createDirectories(directory);
        // index and filter blocks in a high-priority half of the cache, so lookups of new fingerprints (nearly all
        // misses) are answered by a Bloom filter in memory; two memtables of 16 MB beside it
        cache = new LRUCache(CACHE_BYTES, -1, false, 0.5);
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache)
                .setFilterPolicy(new BloomFilter(10, false)).setCacheIndexAndFilterBlocks(false);
        // no write-ahead log: what a crash loses is read again from the partition (see apply); no compression:
        // the state lives for as long as a file arrives, and reading it back must be cheap
        options = new Options().setCreateIfMissing(true).setTableFormatConfig(table)
                .setWriteBufferSize(MEMTABLE_BYTES).setMaxWriteBufferNumber(MEMTABLES).setMaxBackgroundJobs(2)
                .setCompressionType(CompressionType.NO_COMPRESSION);
        db = RocksDB.open(options, directory.toString());
    }

    /** Opens (or creates) the store in a directory of its own. */
    public static FileStateStore open(Path directory) {
        try {
            return new FileStateStore(directory);
        } catch (RocksDBException | IOException e) {
            throw new IllegalStateException("cannot open the ingest state in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The offset of the partition up to which every change is applied, if any was. */
    public OptionalLong applied(int partition) {
        byte[] value = get(key(partition, APPLIED));
        return value == null ? OptionalLong.empty() : OptionalLong.of(ByteBuffer.wrap(value).getLong());
    }

    /** A file's state, if it is in progress on the partition. */
    public FileState file(int partition, String tenantId, String fileId) {
        byte[] value = get(stateKey(partition, hash(tenantId, fileId)));
        return value == null ? null : EventJson.read(value, FileState.class);
    }

    /** The files in progress on a partition. */
    public List<FileState> files(int partition) {
        List<FileState> files = new ArrayList<>();
        byte[] prefix = key(partition, STATE);
        try (RocksIterator it = pending.newIteratorWithBase(db.newIterator(reads))) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                files.add(EventJson.read(it.value(), FileState.class));
            }
        }
        return files;
    }

    /** Records where a file stands (pending). */
    public void put(int partition, FileState state) {
        write(stateKey(partition, hash(state.tenantId(), state.fileId())), EventJson.write(state));
    }

    /** Ends a file (pending): its state goes now, its memory once the batch is applied. */
    public void remove(int partition, String tenantId, String fileId) {
        long hash = hash(tenantId, fileId);
        delete(stateKey(partition, hash));
        finished.add(new FileRef(partition, hash));
        recent.clear();
    }

    /** What the file remembers row by row; changes go into the pending batch. */
    public FileMemory memory(int partition, String tenantId, String fileId) {
        return new DiskMemory(memoryPrefix(partition, hash(tenantId, fileId)));
    }

    /**
     * Writes the pending batch with each partition's new applied offset, then drops the memory of the files it
     * finished. A crash before the write loses the batch; one after it leaves finished files' memory, which
     * {@link #dropOrphans} removes.
     */
    public void apply(Map<Integer, Long> appliedOffsets) {
        try {
            appliedOffsets.forEach((partition, offset) ->
                    write(key(partition, APPLIED), ByteBuffer.allocate(8).putLong(offset).array()));
            db.write(writes, pending);
            pending.clear();
            for (FileRef file : finished) {
                byte[] prefix = memoryPrefix(file.partition(), file.hash());
                db.deleteRange(writes, prefix, successor(prefix));
            }
            finished.clear();
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot write the ingest state: " + e.getMessage(), e);
        }
    }

    /** Forgets the pending batch, as when its records were not committed. */
    public void discardPending() {
        pending.clear();
        finished.clear();
        recent.clear();
    }

    /** Drops everything of a partition, before it is rebuilt from its records. */
    public void wipe(int partition) {
        recent.clear();
        byte[] prefix = ByteBuffer.allocate(4).putInt(partition).array();
        try {
            db.deleteRange(writes, prefix, successor(prefix));
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot clear the ingest state: " + e.getMessage(), e);
        }
    }

    /** Drops the memory of files no longer in progress on a partition (left by a crash right after a batch). */
    public int dropOrphans(int partition) {
        byte[] prefix = key(partition, MEMORY);
        int dropped = 0;
        try (RocksIterator it = db.newIterator(reads)) {
            it.seek(prefix);
            while (it.isValid() && startsWith(it.key(), prefix)) {
                byte[] filePrefix = Arrays.copyOf(it.key(), prefix.length + 8);
                long hash = ByteBuffer.wrap(filePrefix, prefix.length, 8).getLong();
                if (get(stateKey(partition, hash)) == null) {
                    db.deleteRange(writes, filePrefix, successor(filePrefix));
                    dropped++;
                }
                it.seek(successor(filePrefix));
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot clear the ingest state: " + e.getMessage(), e);
        }
        return dropped;
    }

    @Override
    public void close() {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        } catch (RocksDBException e) {
            // what was not flushed is read again from the partitions at the next start
        }
        pending.close();
        db.close();
        reads.close();
        batchOptions.close();
        writes.close();
        options.close();
        cache.close();
    }

    /** The memory of one file: keys under its prefix. */
    private final class DiskMemory implements FileMemory {

        private final byte[] prefix;

        DiskMemory(byte[] prefix) {
            this.prefix = prefix;
        }

        @Override
        public boolean firstSighting(long fingerprint) {
            byte[] key = sub(FINGERPRINT, ByteBuffer.allocate(8).putLong(fingerprint).array());
            if (exists(key)) {
                return false;
            }
            write(key, NOTHING);
            return true;
        }

        /** The earliest of the purchase keys {@code [customer\0product\0][time]}: the first in key order. */
        @Override
        public long firstPurchase(String customerId, String stockCode) {
            byte[] prefix = sub(PURCHASE, text(customerId + '\u0000' + stockCode + '\u0000'));
            byte[] seen = recent.get(ByteBuffer.wrap(prefix));
            if (seen != null) {
                return ByteBuffer.wrap(seen).getLong();
            }
            long first = NO_PURCHASE;
            try (RocksIterator it = pending.newIteratorWithBase(db.newIterator(reads))) {
                it.seek(prefix);
                if (it.isValid() && startsWith(it.key(), prefix) && it.key().length == prefix.length + 8) {
                    first = ByteBuffer.wrap(it.key(), prefix.length, 8).getLong() ^ Long.MIN_VALUE;
                }
            }
            recent.put(ByteBuffer.wrap(prefix), ByteBuffer.allocate(8).putLong(first).array());
            return first;
        }

        /**
         * Written without reading (a key per purchase time, the earliest first in key order), so a purchase costs
         * no lookup; the recent values skip the write when an earlier purchase of the pair is known.
         */
        @Override
        public void purchased(String customerId, String stockCode, long epochSecond) {
            byte[] prefix = sub(PURCHASE, text(customerId + '\u0000' + stockCode + '\u0000'));
            ByteBuffer pair = ByteBuffer.wrap(prefix);
            // only the earliest purchase read from the store, or written since, is among the recent values
            byte[] known = recent.get(pair);
            if (known != null && ByteBuffer.wrap(known).getLong() <= epochSecond) {
                return;
            }
            byte[] key = Arrays.copyOf(prefix, prefix.length + 8);
            // the sign bit flipped, so that times sort as unsigned bytes in time order
            ByteBuffer.wrap(key, prefix.length, 8).putLong(epochSecond ^ Long.MIN_VALUE);
            write(key, NOTHING);
            if (known != null) {
                recent.put(pair, ByteBuffer.allocate(8).putLong(epochSecond).array());
            }
        }

        @Override
        public void awaitPurchase(long row, String[] cells) {
            write(sub(AWAITING, rowKey(row)), encode(cells));
        }

        @Override
        public void forEachAwaiting(RowVisitor visitor) {
            forEach(AWAITING, Long.MAX_VALUE, visitor);
        }

        @Override
        public int nextLine(String invoice) {
            byte[] key = sub(INVOICE_LINES, text(invoice));
            byte[] value = remembered(key);
            int line = value == null ? 1 : ByteBuffer.wrap(value).getInt() + 1;
            remember(key, ByteBuffer.allocate(4).putInt(line).array());
            return line;
        }

        @Override
        public boolean markAhead(long row) {
            byte[] key = sub(AHEAD, rowKey(row));
            if (get(key) != null) {
                return false;
            }
            write(key, NOTHING);
            return true;
        }

        @Override
        public boolean takeAhead(long row) {
            byte[] key = sub(AHEAD, rowKey(row));
            if (get(key) == null) {
                return false;
            }
            delete(key);
            return true;
        }

        @Override
        public void hold(long row, String[] cells) {
            write(sub(HELD, rowKey(row)), encode(cells));
        }

        @Override
        public void forEachHeld(long rowCount, RowVisitor visitor) {
            forEach(HELD, rowCount, visitor);
        }

        private void forEach(byte part, long lastRow, RowVisitor visitor) {
            byte[] from = sub(part, NOTHING);
            try (RocksIterator it = pending.newIteratorWithBase(db.newIterator(reads))) {
                for (it.seek(from); it.isValid() && startsWith(it.key(), from); it.next()) {
                    long row = ByteBuffer.wrap(it.key(), from.length, 8).getLong();
                    if (row > lastRow) {
                        break;
                    }
                    visitor.row(row, decode(it.value()));
                }
            }
        }

        private byte[] sub(byte part, byte[] rest) {
            byte[] key = new byte[prefix.length + 1 + rest.length];
            System.arraycopy(prefix, 0, key, 0, prefix.length);
            key[prefix.length] = part;
            System.arraycopy(rest, 0, key, prefix.length + 1, rest.length);
            return key;
        }
    }

    /** A value through the recent values: read from the batch and the store only when not among them. */
    private byte[] remembered(byte[] key) {
        ByteBuffer k = ByteBuffer.wrap(key);
        byte[] value = recent.get(k);
        if (value == null) {
            value = get(key);
            if (value != null) {
                recent.put(k, value);
            }
        }
        return value;
    }

    private void remember(byte[] key, byte[] value) {
        recent.put(ByteBuffer.wrap(key), value);
        write(key, value);
    }

    /** Whether a key is there, asking the store only when its Bloom filters cannot rule it out. */
    private boolean exists(byte[] key) {
        try {
            if (pending.getFromBatch(batchOptions, key) != null) {
                return true;
            }
            return db.get(reads, key) != null;
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read the ingest state: " + e.getMessage(), e);
        }
    }

    private byte[] get(byte[] key) {
        try {
            return pending.getFromBatchAndDB(db, reads, key);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read the ingest state: " + e.getMessage(), e);
        }
    }

    private void write(byte[] key, byte[] value) {
        try {
            pending.put(key, value);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot write the ingest state: " + e.getMessage(), e);
        }
    }

    private void delete(byte[] key) {
        try {
            pending.delete(key);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot write the ingest state: " + e.getMessage(), e);
        }
    }

    private static byte[] key(int partition, byte kind) {
        return ByteBuffer.allocate(5).putInt(partition).put(kind).array();
    }

    private static byte[] stateKey(int partition, long hash) {
        return ByteBuffer.allocate(13).putInt(partition).put(STATE).putLong(hash).array();
    }

    private static byte[] memoryPrefix(int partition, long hash) {
        return ByteBuffer.allocate(13).putInt(partition).put(MEMORY).putLong(hash).array();
    }

    private static byte[] rowKey(long row) {
        return ByteBuffer.allocate(8).putLong(row).array();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A 64-bit FNV-1a hash of {@code tenant:file}: two files open at once on a partition never share one. */
    static long hash(String tenantId, String fileId) {
        long h = 0xcbf29ce484222325L;
        String key = tenantId + ':' + fileId;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** The smallest key after every key that starts with {@code prefix}. */
    static byte[] successor(byte[] prefix) {
        byte[] next = prefix.clone();
        for (int i = next.length - 1; i >= 0; i--) {
            if (next[i] != (byte) 0xFF) {
                next[i]++;
                return Arrays.copyOf(next, i + 1);
            }
        }
        throw new IllegalArgumentException("no key follows a prefix of 0xFF bytes");
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] encode(String[] cells) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * cells.length);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(cells.length);
            for (String cell : cells) {
                byte[] b = cell.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] decode(byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        String[] cells = new String[in.getInt()];
        for (int i = 0; i < cells.length; i++) {
            int length = in.getInt();
            cells[i] = new String(value, in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
        }
        return cells;
    }
}
