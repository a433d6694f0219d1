package com.csr.ingest.service;

import com.csr.core.events.RawRow;
import com.csr.core.ingest.FileAssembly;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * The files being assembled from {@code transactions.raw}, and how far each partition may be committed: up to the
 * first row of the oldest file still open on it, so that after a restart that file is read again from its start.
 * Not thread-safe: the raw-row consumer owns it.
 */
public final class FilesInProgress {

    private final Map<String, OpenFile> files = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();

    /** A file being assembled, and where its rows start on each partition they came from. */
    private record OpenFile(FileAssembly assembly, Map<TopicPartition, Long> firstOffsets) {
    }

    /**
     * Adds a row or end marker read at {@code offset}.
     *
     * @return the file, once this record completed it; it is then no longer in progress
     */
    public Optional<FileAssembly> add(TopicPartition partition, long offset, RawRow row) {
        passed(partition, offset);
        String key = row.tenantId() + ":" + row.fileId();
        OpenFile file = files.computeIfAbsent(key, k ->
                new OpenFile(new FileAssembly(row.tenantId(), row.fileId()), new HashMap<>()));
        file.firstOffsets().merge(partition, offset, Math::min);
        if (!file.assembly().add(row)) {
            return Optional.empty();
        }
        files.remove(key);
        return Optional.of(file.assembly());
    }

    /** Records that a record at {@code offset} was read and needs nothing kept (a row of a reported file, say). */
    public void passed(TopicPartition partition, long offset) {
        nextOffsets.merge(partition, offset + 1, Math::max);
    }

    /** Per partition read so far, the offset from which a restart loses nothing. */
    public Map<TopicPartition, Long> safeOffsets() {
        Map<TopicPartition, Long> safe = new HashMap<>(nextOffsets);
        for (OpenFile file : files.values()) {
            file.firstOffsets().forEach((partition, first) -> safe.merge(partition, first, Math::min));
        }
        return safe;
    }

    /** Forgets everything, as when partitions move or the consumer rewinds to its committed offsets. */
    public void clear() {
        files.clear();
        nextOffsets.clear();
    }
}
