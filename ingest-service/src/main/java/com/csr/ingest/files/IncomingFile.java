package com.csr.ingest.files;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.RawRow;
import com.csr.contracts.events.RejectedRow;
import com.csr.domain.cleaning.FileCleaner;
import com.csr.domain.cleaning.QualityReport;
import com.csr.domain.transactions.ColumnLayout;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.InvalidTransactionFileException;
import com.csr.domain.transactions.Transaction;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file arriving on {@code transactions.raw}, turned into events as it comes: one {@link CleanTransaction} per
 * kept row, one {@link RejectedRow} per rejected row, and, once the end marker has come and every row it counts is
 * there, the file's {@link IngestReport}. A row that arrives twice is counted once (by row number).
 *
 * <p>A file that opens with a start marker is cleaned row by row. A file without one is held until its end marker,
 * whose settings then apply, and cleaned there. Either way the rows kept and rejected are the ones
 * {@link com.csr.domain.cleaning.TransactionCleaner} gives for the file itself. A file that cannot be read at all (no
 * customer column, say) gives a failed report and no rows.
 *
 * <p>Nothing of the file's rows is held here: where the file stands is a small {@link FileState}, and what must be
 * remembered row by row is in a {@link FileMemory}. An instance lives for as many records as its caller likes; a new
 * one made from the last one's {@link #state()} and the same memory goes on where it stopped.
 */
public final class IncomingFile {

    /** Where a file's events go, as soon as they are known. */
    public interface Output {
        void clean(CleanTransaction transaction);

        void rejected(RejectedRow row);
    }

    private final String tenantId;
    private final String fileId;
    private final long firstOffset;
    private final FileMemory memory;
    private final Output output;
    private final QualityReport report;
    private RawRow.FileStart start;
    private RawRow.FileEnd end;
    private List<String> header;
    private boolean heldRows;
    private long rowsInOrder;
    private long rowsAhead;
    private long latest;
    private String failure;
    private FileCleaner cleaner;

    /** Goes on with a file from where it stands. */
    public IncomingFile(FileState state, FileMemory memory, Output output) {
        this.tenantId = state.tenantId();
        this.fileId = state.fileId();
        this.firstOffset = state.firstOffset();
        this.memory = memory;
        this.output = output;
        this.report = state.accounting().report();
        this.start = state.start();
        this.end = state.end();
        this.header = state.header();
        this.heldRows = state.heldRows();
        this.rowsInOrder = state.rowsInOrder();
        this.rowsAhead = state.rowsAhead();
        this.latest = state.latest();
        this.failure = state.failure();
    }

    /**
     * Takes a row or a marker of this file.
     *
     * @return the file's report, once this record completed it
     */
    public Optional<IngestReport> add(RawRow record) {
        if (record.isStart()) {
            if (start == null && header == null) {
                start = record.start();
            }
        } else if (record.isEnd()) {
            end = end == null ? record.end() : end;
        } else if (record.row() >= 1 && record.values() != null && firstArrival(record.row())) {
            take(record);
        }
        return isComplete() ? Optional.of(finish()) : Optional.empty();
    }

    /** True once the end marker and every row it counts have arrived. */
    public boolean isComplete() {
        return end != null && rowsInOrder >= end.rowCount();
    }

    /** Where the file stands now, to go on from. */
    public FileState state() {
        return new FileState(tenantId, fileId, firstOffset, start, end, header, heldRows, rowsInOrder, rowsAhead,
                FileState.Accounting.of(report), cleaner != null ? cleaner.latest() : latest, failure);
    }

    /**
     * Ends the file at a row it cannot take (a limit, a record Kafka would refuse): what came before that row is
     * cleaned as a file ending there, the rest is not read, and the report is {@code failed}, saying why.
     */
    public IngestReport cutAt(long row, String reason) {
        String error = "data row " + row + ": " + reason + "; the rows before it were ingested, the rest was not read";
        if (failure != null || heldRows || cleaner() == null) {
            return report("failed", new QualityReport(), null, failure != null ? failure : error);
        }
        FileCleaner.Outcome outcome = cleaner.finish();
        return report("failed", outcome.report(), dateText(outcome.asOf()), error);
    }

    private boolean firstArrival(long row) {
        if (row <= rowsInOrder) {
            return false;
        }
        if (row == rowsInOrder + 1) {
            rowsInOrder++;
            while (rowsAhead > 0 && memory.takeAhead(rowsInOrder + 1)) {
                rowsInOrder++;
                rowsAhead--;
            }
            return true;
        }
        if (memory.markAhead(row)) {
            rowsAhead++;
            return true;
        }
        return false;
    }

    private void take(RawRow record) {
        if (failure != null) {
            return;
        }
        if (header == null) {
            header = List.copyOf(record.values().keySet());
            heldRows = start == null;
        }
        if (heldRows) {
            memory.hold(record.row(), cells(record));
        } else if (cleaner() != null) {
            cleaner.row(record.row(), cells(record));
        }
    }

    /**
     * The row's cells in the file's column order, as far as its last column present: a row the publisher cut short
     * (fewer cells than the header) stays short, so cleaning rejects it as malformed, as it does reading the file.
     */
    private String[] cells(RawRow record) {
        int width = header.size();
        while (width > 0 && !record.values().containsKey(header.get(width - 1))) {
            width--;
        }
        String[] cells = new String[width];
        for (int i = 0; i < width; i++) {
            String value = record.values().get(header.get(i));
            cells[i] = value == null ? "" : value;
        }
        return cells;
    }

    /** The cleaner of a file whose rows are cleaned as they come, or null (and the file failed) when unreadable. */
    private FileCleaner cleaner() {
        if (cleaner == null && failure == null && header != null) {
            RawRow.FileStart settings = heldRows ? new RawRow.FileStart(end.columns(), end.asOf()) : start;
            cleaner = cleanerFor(settings.columns(), settings.asOf());
        }
        return cleaner;
    }

    private FileCleaner cleanerFor(String mapping, String asOf) {
        try {
            ColumnLayout layout = ColumnLayout.resolve(header.toArray(String[]::new), ColumnMapping.parse(mapping));
            return new FileCleaner(layout, asOf == null ? null : LocalDate.parse(asOf), memory, report, latest,
                    this::kept, (row, reason, cells) -> output.rejected(new RejectedRow(tenantId, fileId, row,
                            reason.code(), Arrays.asList(cells))));
        } catch (InvalidTransactionFileException | IllegalArgumentException | DateTimeException e) {
            failure = e.getMessage();
            return null;
        }
    }

    private void kept(Transaction t) {
        output.clean(new CleanTransaction(tenantId, fileId, t.invoice() + "#" + memory.nextLine(t.invoice()), t));
    }

    private IngestReport finish() {
        if (heldRows && cleaner() != null) {
            memory.forEachHeld(end.rowCount(), cleaner::row);
        }
        if (failure != null) {
            return report("failed", new QualityReport(), null, failure);
        }
        if (cleaner() == null) {
            return report("completed", report, start != null ? start.asOf() : end.asOf(), null);
        }
        FileCleaner.Outcome outcome = cleaner.finish();
        return report("completed", outcome.report(), dateText(outcome.asOf()), null);
    }

    private static String dateText(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private IngestReport report(String status, QualityReport q, String asOf, String error) {
        FileState.Accounting figures = FileState.Accounting.of(q);
        return new IngestReport(tenantId, fileId, status, q.rowsRead(), q.rowsKept(), q.cancellationsKept(),
                q.keptRevenue(), figures.rejected(), figures.rejectedRevenue(), asOf, Instant.now().toString(),
                error, error == null || q.rowsRead() > 0 ? mapping() : null);
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
