package com.csr.ingest.service;

import com.csr.core.events.IngestReport;
import com.csr.core.events.RawRow;
import com.csr.core.ingest.IncomingFile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.kafka.common.TopicPartition;

/**
 * The files arriving on {@code transactions.raw}, and how far each partition may be committed: up to the first row
 * of the oldest file still open on it, so that after a restart that file is read again from its start (and its
 * report counts each row once). Not thread-safe: the raw-row consumer owns it.
 */
public final class FilesInProgress {

    private final BiFunction<String, String, IncomingFile> opener;
    private final Map<String, OpenFile> files = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();

    /** A file still arriving, and where its records start on each partition they came from. */
    private record OpenFile(IncomingFile file, Map<TopicPartition, Long> firstOffsets) {
    }

    /** @param opener a new file by tenant and file id, wired to where its events go */
    public FilesInProgress(BiFunction<String, String, IncomingFile> opener) {
        this.opener = opener;
    }

    /**
     * Adds a row or marker read at {@code offset}.
     *
     * @return the file's report, once this record completed it; it is then no longer in progress
     */
    public Optional<IngestReport> add(TopicPartition partition, long offset, RawRow row) {
        passed(partition, offset);
        String key = key(row.tenantId(), row.fileId());
        OpenFile open = files.computeIfAbsent(key, k ->
                new OpenFile(opener.apply(row.tenantId(), row.fileId()), new HashMap<>()));
        open.firstOffsets().merge(partition, offset, Math::min);
        Optional<IngestReport> report = open.file().add(row);
        if (report.isPresent()) {
            files.remove(key);
        }
        return report;
    }

    /** Gives up on a file (it failed and was reported as such): its rows are no longer awaited. */
    public void drop(String tenantId, String fileId) {
        files.remove(key(tenantId, fileId));
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

    private static String key(String tenantId, String fileId) {
        return tenantId + ":" + fileId;
    }
}
