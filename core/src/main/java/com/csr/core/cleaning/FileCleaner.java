package com.csr.core.cleaning;

import com.csr.core.transactions.ColumnLayout;
import com.csr.core.transactions.Field;
import com.csr.core.transactions.NumberParser;
import com.csr.core.transactions.TimestampParser;
import com.csr.core.transactions.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cleans one file row by row, as its rows arrive, so nothing of the file has to be held: each row is kept or
 * rejected on the spot, except a cancellation whose purchase has not been seen yet. The one rule that needs the
 * whole file — a cancellation must follow a purchase of the same product by the same customer, so that it nets
 * against it — is settled for those at {@link #finish()}. Whatever order the decisions come in, they are the ones a
 * reading of the whole file gives.
 */
public final class FileCleaner {

    private final ColumnLayout layout;
    private final long cutoff;
    private final LocalDate asOf;
    private final Consumer<Transaction> kept;
    private final RejectedRowListener rejected;
    private final int requiredWidth;
    private final QualityReport report = new QualityReport();
    private final TimestampParser timestamps = new TimestampParser();
    private final StringPool pool = new StringPool();
    private final FingerprintSet seen = new FingerprintSet();
    /** Earliest purchase time by customer and product: what a cancellation nets against. */
    private final Map<String, Long> firstPurchase = new HashMap<>(1 << 16);
    private final List<PendingCancellation> pending = new ArrayList<>();
    private long latest = Long.MIN_VALUE;
    private boolean finished;

    private record PendingCancellation(Transaction transaction, String[] cells) {
    }

    /**
     * @param layout   where the fields sit in the rows
     * @param asOf     last date whose transactions are known (inclusive); null for the last date in the file
     * @param kept     receives each kept transaction once its fate is known; cancellations settled at the end come
     *                 after the rows that follow them
     * @param rejected receives every rejected row
     */
    public FileCleaner(ColumnLayout layout, LocalDate asOf, Consumer<Transaction> kept, RejectedRowListener rejected) {
        this.layout = layout;
        this.asOf = asOf;
        this.cutoff = asOf == null ? Long.MAX_VALUE : asOf.plusDays(1).toEpochDay() * 86_400L;
        this.kept = kept;
        this.rejected = rejected;
        this.requiredWidth = requiredWidth(layout);
    }

    /** Cleans the row numbered {@code row} (1-based, header excluded); {@code cells} may be reused afterwards. */
    public void row(long row, String[] cells) {
        if (finished) {
            throw new IllegalStateException("the file was already finished");
        }
        report.read();
        double quantity = layout.has(Field.QUANTITY) ? NumberParser.parse(layout.cell(cells, Field.QUANTITY)) : 1;
        double price = layout.has(Field.PRICE) ? NumberParser.parse(layout.cell(cells, Field.PRICE)) : Double.NaN;
        double amount = layout.has(Field.AMOUNT) ? NumberParser.parse(layout.cell(cells, Field.AMOUNT))
                : quantity * price;
        String customer = layout.cell(cells, Field.CUSTOMER);
        String invoice = layout.cell(cells, Field.INVOICE).trim();
        String stockCode = layout.cell(cells, Field.PRODUCT).trim();
        long time = TimestampParser.INVALID;

        RejectReason reason = null;
        if (cells.length < requiredWidth) {
            reason = RejectReason.MALFORMED_ROW;
        } else if (CleaningRules.isMissingCustomer(customer)) {
            reason = RejectReason.MISSING_CUSTOMER;
        } else if ((time = timestamps.parse(layout.cell(cells, Field.DATE))) == TimestampParser.INVALID) {
            reason = RejectReason.UNPARSABLE_DATE;
        } else if (Double.isNaN(quantity) || Double.isNaN(amount)) {
            reason = RejectReason.UNPARSABLE_NUMBER;
        } else if (time >= cutoff) {
            reason = RejectReason.AFTER_AS_OF;
        } else if (CleaningRules.isNonMerchandise(stockCode)) {
            reason = RejectReason.NON_MERCHANDISE;
        } else if (quantity == 0) {
            reason = RejectReason.ZERO_QUANTITY;
        } else if (amount == 0 || (layout.has(Field.PRICE) && !(price > 0))) {
            reason = RejectReason.NON_POSITIVE_PRICE;
        } else if (!seen.add(RowFingerprint.of(cells))) {
            reason = RejectReason.DUPLICATE;
        }
        if (reason != null) {
            report.rejected(reason, amount);
            rejected.rejected(row, reason, cells.clone());
            return;
        }

        String customerId = pool.get(CleaningRules.normaliseCustomerId(customer));
        boolean cancellation = CleaningRules.isCancellation(invoice, quantity, amount);
        double signedQuantity = cancellation ? -Math.abs(quantity) : Math.abs(quantity);
        double signedAmount = cancellation ? -Math.abs(amount) : Math.abs(amount);
        Transaction t = new Transaction(row,
                invoice.isEmpty() ? pool.get(customerId + "@" + time) : pool.get(invoice),
                pool.get(stockCode), pool.get(layout.cell(cells, Field.DESCRIPTION).trim()), signedQuantity,
                layout.has(Field.PRICE) ? price : Math.abs(amount / quantity), signedAmount, time, customerId,
                pool.get(layout.cell(cells, Field.COUNTRY).trim()), cancellation);
        latest = Math.max(latest, time);
        if (!cancellation) {
            firstPurchase.merge(purchaseKey(t), time, Math::min);
            keep(t);
        } else if (netsAgainstAPurchase(t)) {
            keep(t);
        } else {
            pending.add(new PendingCancellation(t, cells.clone()));
        }
    }

    /**
     * Settles the cancellations still waiting for their purchase: kept if the file had one at or before them,
     * rejected as unmatched otherwise (a return of something bought before the file starts).
     *
     * @return the file's accounting and its as-of date
     */
    public Outcome finish() {
        if (finished) {
            throw new IllegalStateException("the file was already finished");
        }
        finished = true;
        for (PendingCancellation c : pending) {
            if (netsAgainstAPurchase(c.transaction())) {
                keep(c.transaction());
            } else {
                report.rejected(RejectReason.UNMATCHED_CANCELLATION, c.transaction().amount());
                rejected.rejected(c.transaction().rowNumber(), RejectReason.UNMATCHED_CANCELLATION, c.cells());
            }
        }
        pending.clear();
        LocalDate effectiveAsOf = asOf != null ? asOf
                : latest == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(Math.floorDiv(latest, 86_400L));
        return new Outcome(report.checkBalanced(), effectiveAsOf);
    }

    /**
     * What a finished file gave.
     *
     * @param report the accounting
     * @param asOf   the as-of date: the one given, or the file's last date; null for a file with nothing kept
     */
    public record Outcome(QualityReport report, LocalDate asOf) {
    }

    /** Rows read so far. */
    public long rowsRead() {
        return report.rowsRead();
    }

    private boolean netsAgainstAPurchase(Transaction cancellation) {
        Long bought = firstPurchase.get(purchaseKey(cancellation));
        return bought != null && bought <= cancellation.epochSecond();
    }

    private void keep(Transaction t) {
        report.kept(t.amount(), t.cancellation());
        kept.accept(t);
    }

    private static String purchaseKey(Transaction t) {
        return t.customerId() + '\u0000' + t.stockCode();
    }

    private static int requiredWidth(ColumnLayout layout) {
        int width = 0;
        for (Field f : new Field[] {Field.CUSTOMER, Field.DATE, Field.AMOUNT, Field.QUANTITY, Field.PRICE}) {
            width = Math.max(width, layout.indexOf(f) + 1);
        }
        return width;
    }

    /** Shares the many repeated codes, names and ids of a file so a million rows stay small in memory. */
    private static final class StringPool {
        private final Map<String, String> strings = new HashMap<>(1 << 16);

        String get(String s) {
            String shared = strings.putIfAbsent(s, s);
            return shared == null ? s : shared;
        }
    }
}
