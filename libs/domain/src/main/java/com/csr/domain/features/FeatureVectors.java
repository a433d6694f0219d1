package com.csr.domain.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feature vectors as name → value maps, the form they take in events and APIs, with the checks an API needs.
 *
 * <p>Callers of the original's API send only its seven features; the others are then filled in: tenure is recency plus
 * span (exact by definition), returns are taken as none, and the recent-window counts and spend assume the
 * customer kept buying at their average pace and basket value (zero when the last purchase is older than the
 * window), with no trend.
 */
public final class FeatureVectors {

    /** No day count a customer can have is longer: a hundred years. */
    private static final double MAX_DAYS = 36_525;
    /**
     * No amount or count is larger in magnitude: a trillion. Past it the models' arithmetic overflows (a recency of
     * 1e308 plus a span is infinite), and no retailer's customer is there.
     */
    private static final double MAX_AMOUNT = 1e12;

    private FeatureVectors() {
    }

    public static Map<String, Double> toMap(CustomerFeatures features) {
        double[] values = features.toArray();
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(CustomerFeatures.NAMES.get(i), values[i]);
        }
        return map;
    }

    /**
     * Reads a feature vector the platform computed itself (a {@code customer.features} record): all fourteen values
     * must be there and finite, but no range is imposed — net spend in a window can be negative after returns.
     *
     * @throws IllegalArgumentException naming what is missing or not finite
     */
    public static CustomerFeatures fromComputed(Map<String, ? extends Number> map) {
        double[] v = new double[CustomerFeatures.NAMES.size()];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            String name = CustomerFeatures.NAMES.get(i);
            Number value = map.get(name);
            if (value == null || !Double.isFinite(value.doubleValue())) {
                problems.add(name + (value == null ? " is missing" : " is not finite"));
            } else {
                v[i] = value.doubleValue();
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a computed feature vector: " + String.join("; ", problems));
        }
        return CustomerFeatures.fromArray(v);
    }

    /**
     * Reads a feature map sent to an API: the original's seven are required, the others optional (filled in as the
     * class says), and every value must be in its range: day counts up to a hundred years, other values up to 10^12
     * in magnitude.
     *
     * @throws IllegalArgumentException listing every missing, non-numeric, non-finite or out-of-range value, and any
     *                                  name that is not a feature
     */
    public static CustomerFeatures fromMap(Map<String, ?> map) {
        List<String> problems = new ArrayList<>();
        for (String name : map.keySet()) {
            if (!CustomerFeatures.NAMES.contains(name)) {
                problems.add(name + " is not a feature");
            }
        }
        double[] v = new double[CustomerFeatures.NAMES.size()];
        boolean[] given = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            String name = CustomerFeatures.NAMES.get(i);
            Object raw = map.get(name);
            if (raw == null) {
                if (i < CustomerFeatures.SEED_NAMES.size()) {
                    problems.add(name + " is required");
                }
                continue;
            }
            if (!(raw instanceof Number number)) {
                problems.add(name + " must be a number, got " + describe(raw));
                continue;
            }
            double value = number.doubleValue();
            String range = rangeProblem(name, value);
            if (range != null) {
                problems.add(name + " " + range);
                continue;
            }
            v[i] = value;
            given[i] = true;
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        fillIn(v, given);
        return CustomerFeatures.fromArray(v);
    }

    private static String rangeProblem(String name, double value) {
        if (!Double.isFinite(value)) {
            return "must be a finite number, got " + value;
        }
        if (name.endsWith("_days") && value > MAX_DAYS) {
            return "must be at most " + (int) MAX_DAYS + " (a hundred years), got " + value;
        }
        if (Math.abs(value) > MAX_AMOUNT) {
            return "must be between -10^12 and 10^12, got " + value;
        }
        if (name.equals("spend_trend")) {
            return value >= -1 && value <= 1 ? null : "must be between -1 and 1, got " + value;
        }
        if (name.equals("return_rate")) {
            return value >= 0 && value <= 1 ? null : "must be between 0 and 1, got " + value;
        }
        if (name.startsWith("spend_")) {
            return null; // net spend in a window: returns can outweigh purchases
        }
        if (name.equals("frequency") && value < 1) {
            return "must be at least 1 (a known customer has bought), got " + value;
        }
        return value >= 0 ? null : "must not be negative, got " + value;
    }

    private static String describe(Object raw) {
        return raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
    }

    private static void fillIn(double[] v, boolean[] given) {
        int recency = 0;
        int frequency = 1;
        int avgBasket = 3;
        int interpurchase = 5;
        int span = 6;
        fill(v, given, 7, v[recency] + v[span]);
        fill(v, given, 8, 0);
        fill(v, given, 11, recentPurchases(v[recency], v[frequency], v[interpurchase], 30));
        fill(v, given, 12, recentPurchases(v[recency], v[frequency], v[interpurchase], 90));
        fill(v, given, 9, v[11] * v[avgBasket]);
        fill(v, given, 10, v[12] * v[avgBasket]);
        fill(v, given, 13, 0);
    }

    private static void fill(double[] v, boolean[] given, int index, double value) {
        if (!given[index]) {
            v[index] = value;
        }
    }

    /** Purchases in the last {@code window} days at the customer's average pace, at least the last one. */
    private static double recentPurchases(double recency, double frequency, double interpurchase, int window) {
        if (recency > window) {
            return 0;
        }
        double atPace = interpurchase > 0 ? 1 + Math.floor((window - recency) / interpurchase) : 1;
        return Math.min(frequency, atPace);
    }
}
