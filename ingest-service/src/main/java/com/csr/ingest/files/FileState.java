package com.csr.ingest.files;

import com.csr.contracts.events.RawRow;
import com.csr.domain.cleaning.QualityReport;
import com.csr.domain.cleaning.RejectReason;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a file arriving on {@code transactions.raw} stands, in a few hundred bytes however long the file: its
 * markers, its columns, how many rows have arrived in order, its accounting so far. What cleaning must remember row
 * by row is in its {@link FileMemory}. An {@link IncomingFile} goes on from a state it left.
 *
 * @param tenantId    whose file
 * @param fileId      the file
 * @param firstOffset where the file's first record is on its partition: reading again from there rebuilds it
 * @param start       the start marker, once it came; null otherwise
 * @param end         the end marker, once it came; null otherwise
 * @param header      the columns, from the first row that came; null before
 * @param heldRows    true when the rows are held until the end marker (no start marker came before them)
 * @param rowsInOrder every row up to this number has arrived
 * @param rowsAhead   rows that arrived beyond {@code rowsInOrder + 1}, waiting for the gap to fill
 * @param accounting  rows read, kept and rejected so far
 * @param latest      the latest time (epoch second) of a kept row, {@link Long#MIN_VALUE} for none
 * @param failure     why the file cannot be cleaned, or null
 */
public record FileState(String tenantId, String fileId, long firstOffset, RawRow.FileStart start, RawRow.FileEnd end,
                        List<String> header, boolean heldRows, long rowsInOrder, long rowsAhead,
                        Accounting accounting, long latest, String failure) {

    /** A file of which nothing has come yet. */
    public static FileState opened(String tenantId, String fileId, long firstOffset) {
        return new FileState(tenantId, fileId, firstOffset, null, null, null, false, 0, 0, Accounting.NONE,
                Long.MIN_VALUE, null);
    }

    /**
     * The figures of a {@link QualityReport}, as they are stored.
     *
     * @param rejected        rows by reason code
     * @param rejectedRevenue revenue by reason code
     */
    public record Accounting(long rowsRead, long rowsKept, long cancellationsKept, double keptRevenue,
                             Map<String, Long> rejected, Map<String, Double> rejectedRevenue) {

        static final Accounting NONE = new Accounting(0, 0, 0, 0, Map.of(), Map.of());

        static Accounting of(QualityReport q) {
            Map<String, Long> rejected = new LinkedHashMap<>();
            Map<String, Double> revenue = new LinkedHashMap<>();
            q.rejected().forEach((reason, count) -> rejected.put(reason.code(), count));
            q.rejectedRevenue().forEach((reason, value) -> revenue.put(reason.code(), value));
            return new Accounting(q.rowsRead(), q.rowsKept(), q.cancellationsKept(), q.keptRevenue(), rejected,
                    revenue);
        }

        QualityReport report() {
            Map<RejectReason, Long> rows = new EnumMap<>(RejectReason.class);
            Map<RejectReason, Double> revenue = new EnumMap<>(RejectReason.class);
            for (RejectReason reason : RejectReason.values()) {
                if (rejected.containsKey(reason.code())) {
                    rows.put(reason, rejected.get(reason.code()));
                    revenue.put(reason, rejectedRevenue.getOrDefault(reason.code(), 0.0));
                }
            }
            return QualityReport.restore(rowsRead, rowsKept, cancellationsKept, keptRevenue, rows, revenue);
        }
    }
}
