package com.csr.platform.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's {@code /q/metrics} said, in Prometheus' or OpenMetrics' text format, read into series a test can ask about: the
 * sum of the series of a name that carry some labels, and whether any does.
 */
public final class PrometheusText {

    /** One line: a name, its labels, its value. */
    public record Series(String name, Map<String, String> labels, double value) {
    }

    /** A sample: name, labels, value, maybe a timestamp; OpenMetrics' exemplars ({@code # {trace_id=...}}) cut off. */
    private static final Pattern LINE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?(?:\\s+#\\s.*)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final List<Series> series;

    private PrometheusText(List<Series> series) {
        this.series = series;
    }

    /** Reads an exposition; comments and blank lines are skipped. */
    public static PrometheusText parse(String text) {
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a Prometheus line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher label = LABEL.matcher(m.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            series.add(new Series(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new PrometheusText(List.copyOf(series));
    }

    /** Every series of {@code name} whose labels include all of {@code labels}. */
    public List<Series> series(String name, Map<String, String> labels) {
        return series.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The sum of the values of the series {@link #series} finds; 0 when there is none. */
    public double sum(String name, Map<String, String> labels) {
        return series(name, labels).stream().mapToDouble(Series::value).sum();
    }

    /** The sum of every series of {@code name}. */
    public double sum(String name) {
        return sum(name, Map.of());
    }

    /** Whether any series has a name starting with {@code prefix}. */
    public boolean hasNameStartingWith(String prefix) {
        return series.stream().anyMatch(s -> s.name().startsWith(prefix));
    }

    /** The distinct values of a label across the series of {@code name}. */
    public List<String> values(String name, String label) {
        return series.stream().filter(s -> s.name().equals(name)).map(s -> s.labels().get(label))
                .filter(v -> v != null).distinct().toList();
    }
}
