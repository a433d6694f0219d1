package com.csr.core.ingest;

import com.csr.core.cleaning.FileCleaner;
import com.csr.core.cleaning.QualityReport;
import com.csr.core.events.CleanTransaction;
import com.csr.core.events.IngestReport;
import com.csr.core.events.RawRow;
import com.csr.core.events.RejectedRow;
import com.csr.core.transactions.ColumnLayout;
import com.csr.core.transactions.ColumnMapping;
import com.csr.core.transactions.InvalidTransactionFileException;
import com.csr.core.transactions.Transaction;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file arriving on {@code transactions.raw}, turned into events as it comes: one {@link CleanTransaction} per
 * kept row, one {@link RejectedRow} per rejected row, and, once the end marker has come and every row it counts is
 * there, the file's {@link IngestReport}. A row that arrives twice is counted once (by row number).
 *
 * <p>A file that opens with a start marker is cleaned row by row, so only what the cleaning rules need is held
 * (fingerprints, first purchases, cancellations still waiting for theirs). A file without one is held until its end
 * marker, whose settings then apply, and cleaned there. Either way the rows kept and rejected are the ones
 * {@link com.csr.core.cleaning.TransactionCleaner} gives for the file itself. A file that cannot be read at all (no
 * customer column, say) gives a failed report and no rows.
 */
public final class IncomingFile {

    /** Where a file's events go, as soon as they are known. */
    public interface Output {
        void clean(CleanTransaction transaction);

        void rejected(RejectedRow row);
    }

    private final String tenantId;
    private final String fileId;
    private final Output output;
    private final BitSet rowsSeen = new BitSet();
    private final Map<String, Integer> linesPerInvoice = new HashMap<>();
    /** Every row before this one has arrived. */
    private int firstMissing = 1;
    private RawRow.FileStart start;
    private RawRow.FileEnd end;
    /** Rows held until the end marker, for a file without a start marker. */
    private FileAssembly held;
    private List<String> header;
    private FileCleaner cleaner;
    private String failure;

    public IncomingFile(String tenantId, String fileId, Output output) {
        this.tenantId = tenantId;
        this.fileId = fileId;
        this.output = output;
    }

    /**
     * Takes a row or a marker of this file.
     *
     * @return the file's report, once this record completed it
     */
    public Optional<IngestReport> add(RawRow record) {
        if (record.isStart()) {
            if (start == null && held == null && cleaner == null) {
                start = record.start();
            }
        } else if (record.isEnd()) {
            end = end == null ? record.end() : end;
        } else if (record.row() >= 1 && record.row() <= Integer.MAX_VALUE && record.values() != null
                && !rowsSeen.get((int) record.row())) {
            rowsSeen.set((int) record.row());
            take(record);
        }
        return isComplete() ? Optional.of(finish()) : Optional.empty();
    }

    /** True once the end marker and every row it counts have arrived. */
    public boolean isComplete() {
        if (end == null) {
            return false;
        }
        firstMissing = rowsSeen.nextClearBit(firstMissing);
        return firstMissing > end.rowCount();
    }

    /** True when rows are cleaned as they arrive (the file opened with a start marker). */
    public boolean isStreaming() {
        return start != null;
    }

    public String tenantId() {
        return tenantId;
    }

    public String fileId() {
        return fileId;
    }

    private void take(RawRow record) {
        if (failure != null) {
            return;
        }
        if (start == null) {
            if (held == null) {
                held = new FileAssembly();
            }
            held.add(record);
            return;
        }
        if (cleaner == null) {
            header = List.copyOf(record.values().keySet());
            cleaner = cleanerFor(header, start.columns(), start.asOf());
            if (cleaner == null) {
                return;
            }
        }
        String[] cells = new String[header.size()];
        for (int i = 0; i < cells.length; i++) {
            String value = record.values().get(header.get(i));
            cells[i] = value == null ? "" : value;
        }
        cleaner.row(record.row(), cells);
    }

    /** A cleaner for rows with these columns, or null (and the file failed) when they cannot be read. */
    private FileCleaner cleanerFor(List<String> columns, String mapping, String asOf) {
        try {
            ColumnLayout layout = ColumnLayout.resolve(columns.toArray(String[]::new), ColumnMapping.parse(mapping));
            return new FileCleaner(layout, asOf == null ? null : LocalDate.parse(asOf), this::kept,
                    (row, reason, cells) -> output.rejected(new RejectedRow(tenantId, fileId, row, reason.code(),
                            Arrays.asList(cells))));
        } catch (InvalidTransactionFileException | IllegalArgumentException | DateTimeException e) {
            failure = e.getMessage();
            return null;
        }
    }

    private void kept(Transaction t) {
        int line = linesPerInvoice.merge(t.invoice(), 1, Integer::sum);
        output.clean(new CleanTransaction(tenantId, fileId, t.invoice() + "#" + line, t));
    }

    private IngestReport finish() {
        if (held != null && failure == null) {
            header = held.header();
            cleaner = cleanerFor(header, end.columns(), end.asOf());
            if (cleaner != null) {
                held.forEachRow(end.rowCount(), cleaner::row);
            }
            held = null;
        }
        if (failure != null) {
            return report(null, null, failure);
        }
        if (cleaner == null) {
            String asOf = start != null ? start.asOf() : end.asOf();
            return report(new QualityReport(), asOf, null);
        }
        FileCleaner.Outcome outcome = cleaner.finish();
        return report(outcome.report(), outcome.asOf() == null ? null : outcome.asOf().toString(), null);
    }

    private IngestReport report(QualityReport q, String asOf, String error) {
        if (q == null) {
            return new IngestReport(tenantId, fileId, "failed", 0, 0, 0, 0, Map.of(), Map.of(), null,
                    Instant.now().toString(), error);
        }
        Map<String, Long> rejected = new LinkedHashMap<>();
        Map<String, Double> revenue = new LinkedHashMap<>();
        q.rejected().forEach((reason, count) -> rejected.put(reason.code(), count));
        q.rejectedRevenue().forEach((reason, value) -> revenue.put(reason.code(), value));
        return new IngestReport(tenantId, fileId, "completed", q.rowsRead(), q.rowsKept(), q.cancellationsKept(),
                q.keptRevenue(), rejected, revenue, asOf, Instant.now().toString(), null, mapping());
    }

    /** The mapping the file was read with (its start marker's, else its end marker's) as its document; else null. */
    private Map<String, String> mapping() {
        String columns = start != null ? start.columns() : end != null ? end.columns() : null;
        try {
            Map<String, String> document = ColumnMapping.parse(columns).toDocument();
            return document.isEmpty() ? null : document;
        } catch (IllegalArgumentException unreadable) {
            return null; // the file failed on it already
        }
    }
}
