package com.csr.domain.features;

import com.csr.domain.cleaning.CleaningMemory;
import com.csr.domain.cleaning.KeptTransactions;
import com.csr.domain.cleaning.RowFingerprint;
import com.csr.domain.transactions.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every customer's history, built as clean transactions stream past, so a file of any length is read with memory
 * that grows with its customers and their purchase occasions, not its rows: per customer, each invoice's time and
 * value, each return, and the first purchase time of each product (which the cleaner asks for to net
 * cancellations). Invoices and products are keyed by a 64-bit hash of their code ({@link RowFingerprint#ofCode}).
 *
 * <p>{@link #histories()} gives what {@link CustomerHistory#byCustomer} gives for the same transactions in file
 * order: the same customers in the same order (that of their first kept row), each with the same arrays.
 */
public final class CustomerHistories implements KeptTransactions {

    private final Map<String, Ledger> customers = new HashMap<>(1 << 12);

    @Override
    public void accept(Transaction t) {
        Ledger ledger = customers.get(t.customerId());
        if (ledger == null) {
            ledger = new Ledger(t.customerId(), t.rowNumber());
            customers.put(t.customerId(), ledger);
        }
        ledger.add(t);
    }

    @Override
    public long firstPurchase(String customerId, String stockCode) {
        Ledger ledger = customers.get(customerId);
        long first = ledger == null ? LongLongMap.ABSENT
                : ledger.firstProductTimes.get(RowFingerprint.ofCode(stockCode));
        return first == LongLongMap.ABSENT ? CleaningMemory.NO_PURCHASE : first;
    }

    /** Customers with a kept transaction so far. */
    public int size() {
        return customers.size();
    }

    /** The histories, in the order of each customer's first kept row. */
    public Map<String, CustomerHistory> histories() {
        List<Ledger> ledgers = new ArrayList<>(customers.values());
        ledgers.sort(Comparator.comparingLong(l -> l.firstRow));
        Map<String, CustomerHistory> histories = new LinkedHashMap<>(ledgers.size() * 2);
        for (Ledger ledger : ledgers) {
            histories.put(ledger.customerId, ledger.history());
        }
        return histories;
    }

    /** One customer's figures so far: invoices in the order first seen, returns as they came. */
    private static final class Ledger {
        private final String customerId;
        private long firstRow;
        private final LongLongMap invoiceIndex = new LongLongMap(4);
        private long[] invoiceTimes = new long[4];
        private double[] invoiceValues = new double[4];
        private int invoices;
        private long[] returnTimes = new long[0];
        private double[] returnValues = new double[0];
        private long[] returnRows = new long[0];
        private int returns;
        private final LongLongMap firstProductTimes = new LongLongMap(8);

        Ledger(String customerId, long firstRow) {
            this.customerId = customerId;
            this.firstRow = firstRow;
        }

        void add(Transaction t) {
            firstRow = Math.min(firstRow, t.rowNumber());
            if (t.cancellation()) {
                if (returns == returnTimes.length) {
                    int grown = Math.max(4, returns * 2);
                    returnTimes = Arrays.copyOf(returnTimes, grown);
                    returnValues = Arrays.copyOf(returnValues, grown);
                    returnRows = Arrays.copyOf(returnRows, grown);
                }
                returnTimes[returns] = t.epochSecond();
                returnValues[returns] = -t.amount();
                returnRows[returns++] = t.rowNumber();
                return;
            }
            int invoice = (int) invoiceIndex.putIfAbsent(RowFingerprint.ofCode(t.invoice()), invoices);
            if (invoice == invoices) {
                if (invoices == invoiceTimes.length) {
                    invoiceTimes = Arrays.copyOf(invoiceTimes, invoices * 2);
                    invoiceValues = Arrays.copyOf(invoiceValues, invoices * 2);
                }
                invoiceTimes[invoices++] = t.epochSecond();
            } else {
                invoiceTimes[invoice] = Math.min(invoiceTimes[invoice], t.epochSecond());
            }
            invoiceValues[invoice] += t.amount();
            firstProductTimes.min(RowFingerprint.ofCode(t.stockCode()), t.epochSecond());
        }

        /** Occasions by time, ties in the order the invoices were first seen; returns by time, ties in row order. */
        CustomerHistory history() {
            Integer[] occasions = order(invoices, Comparator.<Integer>comparingLong(i -> invoiceTimes[i]));
            long[] purchaseTimes = new long[invoices];
            double[] purchaseValues = new double[invoices];
            for (int k = 0; k < invoices; k++) {
                purchaseTimes[k] = invoiceTimes[occasions[k]];
                purchaseValues[k] = invoiceValues[occasions[k]];
            }
            Integer[] byTime = order(returns, Comparator.<Integer>comparingLong(i -> returnTimes[i])
                    .thenComparingLong(i -> returnRows[i]));
            long[] times = new long[returns];
            double[] values = new double[returns];
            for (int k = 0; k < returns; k++) {
                times[k] = returnTimes[byTime[k]];
                values[k] = returnValues[byTime[k]];
            }
            long[] firstProducts = firstProductTimes.values();
            Arrays.sort(firstProducts);
            return CustomerHistory.of(customerId, purchaseTimes, purchaseValues, times, values, firstProducts);
        }

        private static Integer[] order(int n, Comparator<Integer> comparator) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, comparator);
            return order;
        }
    }
}
