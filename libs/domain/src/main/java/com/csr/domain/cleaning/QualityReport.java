package com.csr.domain.cleaning;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The accounting of one cleaned file: rows read, kept, and rejected by reason with the revenue those rows carried.
 * {@code rowsRead == rowsKept + sum(rejected)} holds by construction and is checked by {@link #checkBalanced()}.
 */
public final class QualityReport {

    private long rowsRead;
    private long rowsKept;
    private long cancellationsKept;
    private double keptRevenue;
    private final EnumMap<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
    private final EnumMap<RejectReason, Double> rejectedRevenue = new EnumMap<>(RejectReason.class);

    /** An empty report: nothing read yet. */
    public QualityReport() {
    }

    /** A report of a file cleaned in part before, from its figures, to go on with. */
    public static QualityReport restore(long rowsRead, long rowsKept, long cancellationsKept, double keptRevenue,
                                        Map<RejectReason, Long> rejected, Map<RejectReason, Double> rejectedRevenue) {
        QualityReport report = new QualityReport();
        report.rowsRead = rowsRead;
        report.rowsKept = rowsKept;
        report.cancellationsKept = cancellationsKept;
        report.keptRevenue = keptRevenue;
        report.rejected.putAll(rejected);
        report.rejectedRevenue.putAll(rejectedRevenue);
        return report;
    }

    void read() {
        rowsRead++;
    }

    void kept(double amount, boolean cancellation) {
        rowsKept++;
        keptRevenue += amount;
        if (cancellation) {
            cancellationsKept++;
        }
    }

    void rejected(RejectReason reason, double revenue) {
        rejected.merge(reason, 1L, Long::sum);
        rejectedRevenue.merge(reason, Double.isFinite(revenue) ? revenue : 0.0, Double::sum);
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsKept() {
        return rowsKept;
    }

    /** Kept rows that are cancellations, netted against the customer's purchases. */
    public long cancellationsKept() {
        return cancellationsKept;
    }

    /** Net revenue of the kept rows (purchases minus netted cancellations). */
    public double keptRevenue() {
        return keptRevenue;
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rejected rows by reason, in reason order; reasons with no rows are absent. */
    public Map<RejectReason, Long> rejected() {
        return Collections.unmodifiableMap(rejected);
    }

    /** Signed revenue (quantity x price) of the rejected rows by reason; 0 where it could not be read. */
    public Map<RejectReason, Double> rejectedRevenue() {
        return Collections.unmodifiableMap(rejectedRevenue);
    }

    /**
     * @throws IllegalStateException if any row was lost or counted twice
     */
    public QualityReport checkBalanced() {
        if (rowsRead != rowsKept + rejectedTotal()) {
            throw new IllegalStateException("cleaning lost rows: read " + rowsRead + ", kept " + rowsKept
                    + ", rejected " + rejectedTotal());
        }
        return this;
    }
}
