package com.csr.ingest.service;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.RawRow;
import com.csr.contracts.events.RejectedRow;
import com.csr.domain.transactions.FileLimitException;
import com.csr.domain.transactions.FileLimits;
import com.csr.ingest.files.FileState;
import com.csr.ingest.files.FileStateStore;
import com.csr.ingest.files.IncomingFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The files arriving on the partitions of {@code transactions.raw} this instance reads, kept in a
 * {@link FileStateStore} on disk, taken a batch of records at a time: {@link #take} each record, then
 * {@link #offsetsToCommit} with the batch's output, then {@link #committed}. Nothing of a file's rows is on the heap,
 * and offsets move on with every batch, so a large file holds up no other file behind it.
 *
 * <p>After a restart or when partitions move, each partition is read again from where the store was last applied
 * (or, without a store, from the first record of the oldest file then in progress, which each commit names) up to
 * the committed offset, rebuilding what the files remember without publishing anything again; from the committed
 * offset on, records are live. Not thread-safe: the raw-row consumer owns it.
 */
public final class FilesInProgress {

    private static final Logger LOG = Logger.getLogger(FilesInProgress.class);
    /** Offset metadata of a commit: the offset from which the partition's files in progress can be rebuilt. */
    private static final String REBUILD_FROM = "rebuild-from=";

    private final FileStateStore store;
    private final ReportView reports;
    private final Output output;
    private final Gate gate;
    private final int maxRowBytes;
    private final FileLimits limits;
    /** Per partition, the files in progress by key and the offset of each one's first record. */
    private final Map<Integer, Map<String, Long>> open = new HashMap<>();
    /** Per partition, the offset from which records are live. */
    private final Map<Integer, Long> liveFrom = new HashMap<>();
    private final Map<String, Touched> touched = new LinkedHashMap<>();
    private final Set<String> endedInBatch = new HashSet<>();
    private final List<IngestReport> reported = new ArrayList<>();
    private final Map<Integer, Long> readUpTo = new HashMap<>();
    private final Map<Integer, Long> liveUpTo = new HashMap<>();

    /** A file taken in this batch, and its partition. */
    private record Touched(int partition, IncomingFile file) {
    }

    /** What a live file's report goes out with, beside its rows. */
    public interface Output extends IncomingFile.Output {
        void report(IngestReport report);
    }

    /**
     * @param output      where live records' output goes (inside the batch's transaction)
     * @param maxRowBytes the largest raw row record taken; a larger one ends its file as failed
     * @param limits      what a file may hold (its cells, its lines, its rows); a row over one ends its file as failed
     */
    public FilesInProgress(FileStateStore store, ReportView reports, Output output, int maxRowBytes,
                           FileLimits limits) {
        this.store = store;
        this.reports = reports;
        this.gate = new Gate(output);
        this.output = output;
        this.maxRowBytes = maxRowBytes;
        this.limits = limits;
    }

    /**
     * A partition came to this instance.
     *
     * @param committed the group's committed offset of it, if any
     * @param metadata  the commit's metadata, if any
     * @return the offset to read from: before {@code committed} when files in progress must be rebuilt
     */
    public long assigned(int partition, OptionalLong committed, String metadata) {
        OptionalLong applied = store.applied(partition);
        OptionalLong rebuildFrom = rebuildFrom(metadata);
        long from;
        if (committed.isEmpty()) {
            store.wipe(partition);
            from = 0;
        } else if (applied.isPresent() && applied.getAsLong() <= committed.getAsLong()
                && (rebuildFrom.isEmpty() || applied.getAsLong() >= rebuildFrom.getAsLong())) {
            from = applied.getAsLong();
        } else {
            store.wipe(partition);
            from = rebuildFrom.orElse(committed.getAsLong());
        }
        int orphans = store.dropOrphans(partition);
        Map<String, Long> files = new HashMap<>();
        for (FileState file : store.files(partition)) {
            files.put(key(file.tenantId(), file.fileId()), file.firstOffset());
        }
        open.put(partition, files);
        liveFrom.put(partition, committed.orElse(0));
        LOG.infof("partition %d: %d files in progress, reading from %d (live from %d)%s", partition, files.size(),
                from, committed.orElse(0), orphans > 0 ? ", " + orphans + " finished files' state dropped" : "");
        return from;
    }

    /** A partition went to another instance: its files stay on disk, in case it comes back. */
    public void revoked(int partition) {
        open.remove(partition);
        liveFrom.remove(partition);
    }

    /**
     * Takes one record of a batch; a file it completes (or that fails) is reported in the batch.
     *
     * @param rowBytes the record's size, checked against the largest row taken
     */
    public void take(int partition, long offset, RawRow row, int rowBytes) {
        boolean live = offset >= liveFrom.getOrDefault(partition, 0L);
        readUpTo.put(partition, offset + 1);
        if (live) {
            liveUpTo.put(partition, offset + 1);
        }
        String key = key(row.tenantId(), row.fileId());
        if (endedInBatch.contains(key)) {
            return;
        }
        Touched file = touched.get(key);
        if (file == null) {
            FileState state = store.file(partition, row.tenantId(), row.fileId());
            if (state == null) {
                if (reports.isReported(row.tenantId(), row.fileId())) {
                    return;
                }
                state = FileState.opened(row.tenantId(), row.fileId(), offset);
                open.computeIfAbsent(partition, p -> new HashMap<>()).put(key, offset);
            }
            file = new Touched(partition, new IncomingFile(state, store.memory(partition, row.tenantId(),
                    row.fileId()), gate));
            touched.put(key, file);
        }
        gate.live = live;
        IngestReport report;
        try {
            String overLimit = overLimit(row, rowBytes);
            report = overLimit != null ? file.file().cutAt(row.row(), overLimit) : file.file().add(row).orElse(null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot clean file %s of tenant %s", row.fileId(), row.tenantId());
            report = failed(row, "the file could not be cleaned at data row " + row.row() + ": " + e.getMessage());
        }
        if (report != null) {
            end(key, partition, report, live);
        }
    }

    /**
     * Ends the batch's taking: every file it touched is noted where it stands.
     *
     * @return per partition with live records, the offset to commit with the batch, and from where its files in
     *         progress can be rebuilt (the commit's metadata)
     */
    public Map<Integer, Commit> offsetsToCommit() {
        touched.values().forEach(t -> store.put(t.partition(), t.file().state()));
        Map<Integer, Commit> commits = new HashMap<>();
        liveUpTo.forEach((partition, next) -> {
            long rebuild = open.getOrDefault(partition, Map.of()).values().stream().mapToLong(Long::longValue)
                    .min().orElse(next);
            commits.put(partition, new Commit(next, REBUILD_FROM + Math.min(rebuild, next)));
        });
        return commits;
    }

    /** An offset to commit and its metadata. */
    public record Commit(long offset, String metadata) {
    }

    /**
     * The batch's output is committed: the store is brought up to date with it.
     *
     * @return the reports the batch published
     */
    public List<IngestReport> committed() {
        store.apply(readUpTo);
        List<IngestReport> published = List.copyOf(reported);
        touched.clear();
        endedInBatch.clear();
        reported.clear();
        readUpTo.clear();
        liveUpTo.clear();
        return published;
    }

    /** Files in progress on the partitions read, for the health check and logs. */
    public int filesInProgress() {
        return open.values().stream().mapToInt(Map::size).sum();
    }

    private void end(String key, int partition, IngestReport report, boolean live) {
        store.remove(partition, report.tenantId(), report.fileId());
        touched.remove(key);
        endedInBatch.add(key);
        open.getOrDefault(partition, new HashMap<>()).remove(key);
        if (live) {
            output.report(report);
            reported.add(report);
        }
    }

    /** Why a data row cannot be taken, or null: too large to publish cleaned, or over a file limit. */
    private String overLimit(RawRow row, int rowBytes) {
        if (row.isStart() || row.isEnd() || row.values() == null) {
            return null;
        }
        if (rowBytes > maxRowBytes) {
            return String.format("the row is %,d bytes as a raw record; ingestion takes rows of up to %,d bytes, so"
                    + " that its clean record fits in one Kafka record", rowBytes, maxRowBytes);
        }
        try {
            limits.requireRows(row.row());
            limits.requireCells(row.row(), row.values());
            return null;
        } catch (FileLimitException e) {
            return e.getMessage();
        }
    }

    private static IngestReport failed(RawRow row, String error) {
        return new IngestReport(row.tenantId(), row.fileId(), "failed", 0, 0, 0, 0, Map.of(), Map.of(), null,
                Instant.now().toString(), error);
    }

    private static OptionalLong rebuildFrom(String metadata) {
        if (metadata == null || !metadata.startsWith(REBUILD_FROM)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(metadata.substring(REBUILD_FROM.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String key(String tenantId, String fileId) {
        return tenantId + ":" + fileId;
    }

    /** Passes a file's rows on while the record is live; while rebuilding, the output is already out. */
    private static final class Gate implements IncomingFile.Output {
        private final IncomingFile.Output output;
        private boolean live;

        Gate(IncomingFile.Output output) {
            this.output = output;
        }

        @Override
        public void clean(CleanTransaction transaction) {
            if (live) {
                output.clean(transaction);
            }
        }

        @Override
        public void rejected(RejectedRow row) {
            if (live) {
                output.rejected(row);
            }
        }
    }
}
