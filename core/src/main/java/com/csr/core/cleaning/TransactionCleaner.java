package com.csr.core.cleaning;

import com.csr.core.transactions.ColumnLayout;
import com.csr.core.transactions.Field;
import com.csr.core.transactions.NumberParser;
import com.csr.core.transactions.RowSource;
import com.csr.core.transactions.TimestampParser;
import com.csr.core.transactions.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a file's rows into clean {@link Transaction}s with an accounting. Row rules run as rows stream in; the one
 * rule that needs the whole file — a cancellation must follow a purchase of the same product by the same customer,
 * so that it nets against it — runs at the end.
 */
public final class TransactionCleaner {

    private final LocalDate asOf;
    private final RejectedRowListener listener;

    /**
     * @param asOf     last date whose transactions are known (inclusive); null for the last date in the file
     * @param listener receives every rejected row
     */
    public TransactionCleaner(LocalDate asOf, RejectedRowListener listener) {
        this.asOf = asOf;
        this.listener = listener;
    }

    /** Cleans every row of a source; the caller closes it. */
    public CleanTransactions clean(RowSource source) {
        ColumnLayout layout = source.layout();
        long cutoff = asOf == null ? Long.MAX_VALUE : asOf.plusDays(1).toEpochDay() * 86_400L;
        QualityReport report = new QualityReport();
        TimestampParser timestamps = new TimestampParser();
        StringPool pool = new StringPool();
        FingerprintSet seen = new FingerprintSet();
        List<Transaction> candidates = new ArrayList<>();
        Map<Long, String[]> cancellationCells = new HashMap<>();
        int requiredWidth = requiredWidth(layout);
        long latest = Long.MIN_VALUE;

        String[] cells;
        while ((cells = source.next()) != null) {
            report.read();
            long row = source.rowNumber();
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
                listener.rejected(row, reason, cells.clone());
                continue;
            }

            String customerId = pool.get(CleaningRules.normaliseCustomerId(customer));
            boolean cancellation = CleaningRules.isCancellation(invoice, quantity, amount);
            double signedQuantity = cancellation ? -Math.abs(quantity) : Math.abs(quantity);
            double signedAmount = cancellation ? -Math.abs(amount) : Math.abs(amount);
            candidates.add(new Transaction(row,
                    invoice.isEmpty() ? pool.get(customerId + "@" + time) : pool.get(invoice),
                    pool.get(stockCode), pool.get(layout.cell(cells, Field.DESCRIPTION).trim()), signedQuantity,
                    layout.has(Field.PRICE) ? price : Math.abs(amount / quantity), signedAmount, time, customerId,
                    pool.get(layout.cell(cells, Field.COUNTRY).trim()), cancellation));
            if (cancellation) {
                cancellationCells.put(row, cells.clone());
            }
            latest = Math.max(latest, time);
        }

        List<Transaction> kept = keepMatchedCancellations(candidates, report, cancellationCells);
        LocalDate effectiveAsOf = asOf != null ? asOf
                : latest == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(Math.floorDiv(latest, 86_400L));
        return new CleanTransactions(kept, report.checkBalanced(), effectiveAsOf);
    }

    /**
     * Cancellations are netted against the customer's earlier purchases; one with no earlier purchase of the same
     * product by the customer (a return of something bought before the file starts) is rejected.
     */
    private List<Transaction> keepMatchedCancellations(List<Transaction> candidates, QualityReport report,
                                                       Map<Long, String[]> cancellationCells) {
        Map<String, Map<String, Long>> firstPurchase = new HashMap<>();
        for (Transaction t : candidates) {
            if (t.cancellation()) {
                firstPurchase.putIfAbsent(t.customerId(), new HashMap<>());
            }
        }
        for (Transaction t : candidates) {
            Map<String, Long> products = t.cancellation() ? null : firstPurchase.get(t.customerId());
            if (products != null) {
                products.merge(t.stockCode(), t.epochSecond(), Math::min);
            }
        }
        List<Transaction> kept = new ArrayList<>(candidates.size());
        for (Transaction t : candidates) {
            Long bought = t.cancellation() ? firstPurchase.get(t.customerId()).get(t.stockCode()) : null;
            if (t.cancellation() && (bought == null || bought > t.epochSecond())) {
                report.rejected(RejectReason.UNMATCHED_CANCELLATION, t.amount());
                listener.rejected(t.rowNumber(), RejectReason.UNMATCHED_CANCELLATION,
                        cancellationCells.get(t.rowNumber()));
            } else {
                report.kept(t.amount(), t.cancellation());
                kept.add(t);
            }
        }
        return kept;
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
