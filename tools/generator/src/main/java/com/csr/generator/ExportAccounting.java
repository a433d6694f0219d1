package com.csr.generator;

import com.csr.domain.cleaning.RejectReason;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What an export holds, row by row as it was written: rows, the rows cleaning will keep, the cancellations among
 * them, and the rows it will reject by reason. It is the answer a cleaning of the file must give exactly.
 */
public final class ExportAccounting {

    private long rows;
    private long rowsKept;
    private long cancellationsKept;
    private long keptRevenuePence;
    private int customers;
    private final long[] rejected = new long[RejectReason.values().length];
    private long firstMinute = Long.MAX_VALUE;
    private long lastMinute = Long.MIN_VALUE;

    void record(ExportLine line, RejectReason fate) {
        rows++;
        firstMinute = Math.min(firstMinute, line.minute);
        lastMinute = Math.max(lastMinute, line.minute);
        if (fate != null) {
            rejected[fate.ordinal()]++;
            return;
        }
        rowsKept++;
        keptRevenuePence += (long) line.quantity * line.pricePence;
        if (line.cancellation) {
            cancellationsKept++;
        }
        if (!line.customer.counted) {
            line.customer.counted = true;
            customers++;
        }
    }

    /** Data rows, header excluded. */
    public long rows() {
        return rows;
    }

    public long rowsKept() {
        return rowsKept;
    }

    /** Kept rows that are cancellations netting against an earlier purchase. */
    public long cancellationsKept() {
        return cancellationsKept;
    }

    /** Distinct customer ids among the kept rows. */
    public int customers() {
        return customers;
    }

    /** Net revenue of the kept rows (purchases less netted cancellations), in pence. */
    public long keptRevenuePence() {
        return keptRevenuePence;
    }

    /** Rows cleaning will reject, for every reason (zero where none), in reason order. */
    public Map<RejectReason, Long> rejected() {
        Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            byReason.put(reason, rejected[reason.ordinal()]);
        }
        return Collections.unmodifiableMap(byReason);
    }

    public long rejectedTotal() {
        long total = 0;
        for (long n : rejected) {
            total += n;
        }
        return total;
    }

    /** Time of the first row; null for an export without rows. */
    public LocalDateTime firstTime() {
        return rows == 0 ? null : time(firstMinute);
    }

    /** Time of the last row; null for an export without rows. */
    public LocalDateTime lastTime() {
        return rows == 0 ? null : time(lastMinute);
    }

    private static LocalDateTime time(long epochMinute) {
        return LocalDateTime.ofEpochSecond(epochMinute * 60, 0, ZoneOffset.UTC);
    }
}
