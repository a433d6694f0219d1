package com.csr.domain.features;

import com.csr.domain.transactions.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's purchase occasions (invoices), returns and first purchase of each product, sorted by time, so
 * features and labels at any cutoff are a scan with no allocation. Built from clean transactions.
 */
public final class CustomerHistory {

    private final String customerId;
    private final long[] purchaseTimes;
    private final double[] purchaseValues;
    private final long[] returnTimes;
    private final double[] returnValues;
    private final long[] firstProductPurchaseTimes;

    private CustomerHistory(String customerId, long[] purchaseTimes, double[] purchaseValues, long[] returnTimes,
                            double[] returnValues, long[] firstProductPurchaseTimes) {
        this.customerId = customerId;
        this.purchaseTimes = purchaseTimes;
        this.purchaseValues = purchaseValues;
        this.returnTimes = returnTimes;
        this.returnValues = returnValues;
        this.firstProductPurchaseTimes = firstProductPurchaseTimes;
    }

    /** Groups clean transactions by customer, keeping the order in which customers first appear. */
    public static Map<String, CustomerHistory> byCustomer(List<Transaction> transactions) {
        Map<String, List<Transaction>> grouped = new LinkedHashMap<>();
        for (Transaction t : transactions) {
            grouped.computeIfAbsent(t.customerId(), k -> new ArrayList<>()).add(t);
        }
        Map<String, CustomerHistory> histories = new LinkedHashMap<>(grouped.size() * 2);
        grouped.forEach((customer, lines) -> histories.put(customer, of(customer, lines)));
        return histories;
    }

    /**
     * The history of one customer from their transactions (in any order). Invoices at the same time keep the order
     * in which the list first names them, returns at the same time the list's order.
     */
    public static CustomerHistory of(String customerId, List<Transaction> transactions) {
        Map<String, Long> invoiceTimes = new LinkedHashMap<>();
        Map<String, double[]> invoiceValues = new HashMap<>();
        Map<String, Long> productFirstTimes = new HashMap<>();
        List<long[]> returns = new ArrayList<>();
        List<Double> returnAmounts = new ArrayList<>();
        for (Transaction t : transactions) {
            if (t.cancellation()) {
                returns.add(new long[] {t.epochSecond(), returns.size()});
                returnAmounts.add(-t.amount());
                continue;
            }
            invoiceTimes.merge(t.invoice(), t.epochSecond(), Math::min);
            invoiceValues.computeIfAbsent(t.invoice(), k -> new double[1])[0] += t.amount();
            productFirstTimes.merge(t.stockCode(), t.epochSecond(), Math::min);
        }
        int n = invoiceTimes.size();
        long[][] occasions = new long[n][];
        double[] valuesByOccasion = new double[n];
        int i = 0;
        for (Map.Entry<String, Long> e : invoiceTimes.entrySet()) {
            occasions[i] = new long[] {e.getValue(), i};
            valuesByOccasion[i++] = invoiceValues.get(e.getKey())[0];
        }
        Arrays.sort(occasions, (a, b) -> Long.compare(a[0], b[0]));
        long[] purchaseTimes = new long[n];
        double[] purchaseValues = new double[n];
        for (int k = 0; k < n; k++) {
            purchaseTimes[k] = occasions[k][0];
            purchaseValues[k] = valuesByOccasion[(int) occasions[k][1]];
        }
        returns.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] returnTimes = new long[returns.size()];
        double[] returnValues = new double[returns.size()];
        for (int k = 0; k < returnTimes.length; k++) {
            returnTimes[k] = returns.get(k)[0];
            returnValues[k] = returnAmounts.get((int) returns.get(k)[1]);
        }
        long[] firstProductTimes = productFirstTimes.values().stream().mapToLong(Long::longValue).sorted().toArray();
        return new CustomerHistory(customerId, purchaseTimes, purchaseValues, returnTimes, returnValues,
                firstProductTimes);
    }

    /** A history from arrays already sorted by time, held as they are (the streaming build's). */
    static CustomerHistory of(String customerId, long[] purchaseTimes, double[] purchaseValues, long[] returnTimes,
                              double[] returnValues, long[] firstProductPurchaseTimes) {
        return new CustomerHistory(customerId, purchaseTimes, purchaseValues, returnTimes, returnValues,
                firstProductPurchaseTimes);
    }

    /**
     * A history as plain arrays, for sending it from one process to another: {@link #parts()} and
     * {@link #fromParts} give back exactly the same history.
     */
    public record Parts(String customerId, long[] purchaseTimes, double[] purchaseValues, long[] returnTimes,
                        double[] returnValues, long[] firstProductPurchaseTimes) {
    }

    public Parts parts() {
        return new Parts(customerId, purchaseTimes.clone(), purchaseValues.clone(), returnTimes.clone(),
                returnValues.clone(), firstProductPurchaseTimes.clone());
    }

    /**
     * The history {@link #parts()} described.
     *
     * @throws IllegalArgumentException when arrays are missing, of unequal lengths or times out of order
     */
    public static CustomerHistory fromParts(Parts p) {
        if (p.customerId() == null || p.purchaseTimes() == null || p.purchaseValues() == null
                || p.returnTimes() == null || p.returnValues() == null || p.firstProductPurchaseTimes() == null) {
            throw new IllegalArgumentException("a customer history needs its id and all five arrays");
        }
        if (p.purchaseTimes().length != p.purchaseValues().length || p.returnTimes().length != p.returnValues().length
                || !sorted(p.purchaseTimes()) || !sorted(p.returnTimes()) || !sorted(p.firstProductPurchaseTimes())) {
            throw new IllegalArgumentException("the history of customer " + p.customerId()
                    + " has times out of order or values that do not match them");
        }
        return new CustomerHistory(p.customerId(), p.purchaseTimes().clone(), p.purchaseValues().clone(),
                p.returnTimes().clone(), p.returnValues().clone(), p.firstProductPurchaseTimes().clone());
    }

    private static boolean sorted(long[] times) {
        for (int i = 1; i < times.length; i++) {
            if (times[i] < times[i - 1]) {
                return false;
            }
        }
        return true;
    }

    public String customerId() {
        return customerId;
    }

    /** True when the customer made a purchase strictly before {@code cutoff} (epoch seconds). */
    public boolean isKnownAt(long cutoff) {
        return purchaseTimes.length > 0 && purchaseTimes[0] < cutoff;
    }

    /** Purchase occasions in [from, to), epoch seconds. */
    public int purchasesBetween(long from, long to) {
        return countBefore(purchaseTimes, to) - countBefore(purchaseTimes, from);
    }

    /** Purchases minus netted returns in [from, to), epoch seconds. */
    public double netSpendBetween(long from, long to) {
        double spend = 0;
        for (int i = countBefore(purchaseTimes, from), n = countBefore(purchaseTimes, to); i < n; i++) {
            spend += purchaseValues[i];
        }
        for (int i = countBefore(returnTimes, from), n = countBefore(returnTimes, to); i < n; i++) {
            spend -= returnValues[i];
        }
        return spend;
    }

    /**
     * Purchase value per calendar day (UTC) before the cutoff, oldest first: the purchase occasions of the
     * buy-till-you-die models, where several orders on one day count as one.
     *
     * @return {@code [epochDays, spend]}, two arrays of equal length
     */
    public double[][] dailyPurchasesBefore(long cutoff) {
        int n = purchasesBefore(cutoff);
        double[] days = new double[n];
        double[] spend = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            long day = Math.floorDiv(purchaseTimes[i], 86_400L);
            if (count > 0 && days[count - 1] == day) {
                spend[count - 1] += purchaseValues[i];
            } else {
                days[count] = day;
                spend[count++] = purchaseValues[i];
            }
        }
        return new double[][] {java.util.Arrays.copyOf(days, count), java.util.Arrays.copyOf(spend, count)};
    }

    long[] purchaseTimes() {
        return purchaseTimes;
    }

    double[] purchaseValues() {
        return purchaseValues;
    }

    long[] returnTimes() {
        return returnTimes;
    }

    double[] returnValues() {
        return returnValues;
    }

    long[] firstProductPurchaseTimes() {
        return firstProductPurchaseTimes;
    }

    /** Number of purchase occasions strictly before {@code cutoff}. */
    int purchasesBefore(long cutoff) {
        return countBefore(purchaseTimes, cutoff);
    }

    static int countBefore(long[] sortedTimes, long cutoff) {
        int i = Arrays.binarySearch(sortedTimes, cutoff);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sortedTimes[i - 1] == cutoff) {
            i--;
        }
        return i;
    }
}
