package com.csr.domain.cleaning;

import com.csr.domain.transactions.ColumnLayout;
import com.csr.domain.transactions.Field;
import com.csr.domain.transactions.NumberParser;
import com.csr.domain.transactions.TimestampParser;
import com.csr.domain.transactions.Transaction;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Cleans one file row by row, as its rows arrive: each row is kept or rejected on the spot, except a cancellation
 * whose purchase has not been seen yet. The one rule that needs the whole file — a cancellation must follow a
 * purchase of the same product by the same customer, so that it nets against it — is settled for those at
 * {@link #finish()}. Whatever order the decisions come in, they are the ones a reading of the whole file gives.
 *
 * <p>What must be remembered across rows is in a {@link CleaningMemory}, and the accounting in a
 * {@link QualityReport}: with the ones a file left off with, a new cleaner goes on where the last one stopped.
 */
public final class FileCleaner {

    private final ColumnLayout layout;
    private final long cutoff;
    private final LocalDate asOf;
    private final CleaningMemory memory;
    private final QualityReport report;
    private final Consumer<Transaction> kept;
    private final RejectedRowListener rejected;
    private final int requiredWidth;
    private final TimestampParser timestamps = new TimestampParser();
    /** After this, a row's date is in the future: a typo or a wrong column, which would move the data's clock. */
    private final long latestPlausible = CleaningRules.latestPlausibleTime(java.time.Instant.now());
    private long latest;
    private boolean finished;

    /**
     * A cleaner of a new file, remembering in memory.
     *
     * @param layout   where the fields sit in the rows
     * @param asOf     last date whose transactions are known (inclusive); null for the last date in the file
     * @param kept     receives each kept transaction once its fate is known; cancellations settled at the end come
     *                 after the rows that follow them
     * @param rejected receives every rejected row
     */
    public FileCleaner(ColumnLayout layout, LocalDate asOf, Consumer<Transaction> kept, RejectedRowListener rejected) {
        this(layout, asOf, new InMemoryCleaningMemory(), new QualityReport(), Long.MIN_VALUE, kept, rejected);
    }

    /**
     * A cleaner that goes on with a file.
     *
     * @param memory what the file's rows so far left to remember
     * @param report the file's accounting so far, updated in place
     * @param latest the latest time of a kept row so far, {@link Long#MIN_VALUE} for none
     */
    public FileCleaner(ColumnLayout layout, LocalDate asOf, CleaningMemory memory, QualityReport report, long latest,
                       Consumer<Transaction> kept, RejectedRowListener rejected) {
        this.layout = layout;
        this.asOf = asOf;
        this.cutoff = asOf == null ? Long.MAX_VALUE : asOf.plusDays(1).toEpochDay() * 86_400L;
        this.memory = memory;
        this.report = report;
        this.latest = latest;
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
        double quantity = quantity(cells);
        double price = price(cells);
        double amount = amount(cells, quantity, price);
        String customer = layout.cell(cells, Field.CUSTOMER);
        String stockCode = layout.cell(cells, Field.PRODUCT).trim();
        long time = TimestampParser.INVALID;

        RejectReason reason = null;
        if (cells.length < requiredWidth) {
            reason = RejectReason.MALFORMED_ROW;
        } else if (CleaningRules.isMissingCustomer(customer)) {
            reason = RejectReason.MISSING_CUSTOMER;
        } else if (CleaningRules.isOverlongCustomer(customer)) {
            reason = RejectReason.OVERLONG_CUSTOMER;
        } else if ((time = timestamps.parse(layout.cell(cells, Field.DATE))) == TimestampParser.INVALID) {
            reason = RejectReason.UNPARSABLE_DATE;
        } else if (time < CleaningRules.EARLIEST_PLAUSIBLE_TIME || time > latestPlausible) {
            reason = RejectReason.IMPLAUSIBLE_DATE;
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
        } else if (!memory.firstSighting(RowFingerprint.of(cells))) {
            reason = RejectReason.DUPLICATE;
        }
        if (reason != null) {
            report.rejected(reason, amount);
            rejected.rejected(row, reason, cells.clone());
            return;
        }

        Transaction t = transaction(row, cells, quantity, price, amount, time);
        latest = Math.max(latest, time);
        if (!t.cancellation()) {
            memory.purchased(t.customerId(), t.stockCode(), time);
            keep(t);
        } else if (netsAgainstAPurchase(t)) {
            keep(t);
        } else {
            memory.awaitPurchase(row, cells.clone());
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
        memory.forEachAwaiting((row, cells) -> {
            double quantity = quantity(cells);
            double price = price(cells);
            double amount = amount(cells, quantity, price);
            Transaction t = transaction(row, cells, quantity, price, amount,
                    timestamps.parse(layout.cell(cells, Field.DATE)));
            if (netsAgainstAPurchase(t)) {
                keep(t);
            } else {
                report.rejected(RejectReason.UNMATCHED_CANCELLATION, t.amount());
                rejected.rejected(row, RejectReason.UNMATCHED_CANCELLATION, cells);
            }
        });
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

    /** The latest time (epoch second) of a row kept so far, {@link Long#MIN_VALUE} for none. */
    public long latest() {
        return latest;
    }

    private double quantity(String[] cells) {
        return layout.has(Field.QUANTITY) ? NumberParser.parse(layout.cell(cells, Field.QUANTITY)) : 1;
    }

    private double price(String[] cells) {
        return layout.has(Field.PRICE) ? NumberParser.parse(layout.cell(cells, Field.PRICE)) : Double.NaN;
    }

    private double amount(String[] cells, double quantity, double price) {
        return layout.has(Field.AMOUNT) ? NumberParser.parse(layout.cell(cells, Field.AMOUNT)) : quantity * price;
    }

    private Transaction transaction(long row, String[] cells, double quantity, double price, double amount,
                                    long time) {
        String customerId = memory.share(CleaningRules.normaliseCustomerId(layout.cell(cells, Field.CUSTOMER)));
        String invoice = layout.cell(cells, Field.INVOICE).trim();
        boolean cancellation = CleaningRules.isCancellation(invoice, quantity, amount);
        double signedQuantity = cancellation ? -Math.abs(quantity) : Math.abs(quantity);
        double signedAmount = cancellation ? -Math.abs(amount) : Math.abs(amount);
        return new Transaction(row,
                invoice.isEmpty() ? memory.share(customerId + "@" + time) : memory.share(invoice),
                memory.share(layout.cell(cells, Field.PRODUCT).trim()),
                memory.share(layout.cell(cells, Field.DESCRIPTION).trim()), signedQuantity,
                layout.has(Field.PRICE) ? price : Math.abs(amount / quantity), signedAmount, time, customerId,
                memory.share(layout.cell(cells, Field.COUNTRY).trim()), cancellation);
    }

    private boolean netsAgainstAPurchase(Transaction cancellation) {
        long bought = memory.firstPurchase(cancellation.customerId(), cancellation.stockCode());
        return bought != CleaningMemory.NO_PURCHASE && bought <= cancellation.epochSecond();
    }

    private void keep(Transaction t) {
        report.kept(t.amount(), t.cancellation());
        kept.accept(t);
    }

    private static int requiredWidth(ColumnLayout layout) {
        int width = 0;
        for (Field f : new Field[] {Field.CUSTOMER, Field.DATE, Field.AMOUNT, Field.QUANTITY, Field.PRICE}) {
            width = Math.max(width, layout.indexOf(f) + 1);
        }
        return width;
    }
}
