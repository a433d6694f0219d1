package com.csr.domain.training;

import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.RepeatPurchaseSummary;
import com.csr.domain.labels.Horizon;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.labels.TrainingSet;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes {@link TrainingData} to a directory of CSV files with a manifest, and reads it back exactly (doubles are
 * written in full precision): how the feature service hands training sets to the model services.
 */
public final class TrainingDataFiles {

    /** What the set holds: as-of date, horizon, each part's cutoff and size (the store's manifest.json is beside it). */
    public static final String DESCRIPTION = "training_set.json";
    private static final String SUMMARIES = "validation_summaries.csv";
    private static final List<String> SET_COLUMNS = columns();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainingDataFiles() {
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add("customer_id");
        columns.addAll(CustomerFeatures.NAMES);
        columns.add("churned");
        columns.add("future_spend");
        return List.copyOf(columns);
    }

    public static void write(TrainingData data, Path directory) {
        try {
            Files.createDirectories(directory);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("as_of", data.asOf().toString());
            manifest.put("horizon_days", data.horizon().days());
            Map<String, Object> sets = new LinkedHashMap<>();
            for (Map.Entry<String, TrainingSet> e : sets(data).entrySet()) {
                writeSet(e.getValue(), directory.resolve(e.getKey() + ".csv"));
                sets.put(e.getKey(), Map.of("cutoff", e.getValue().cutoff(), "rows", e.getValue().size()));
            }
            manifest.put("sets", sets);
            writeSummaries(data.validationSummaries(), directory.resolve(SUMMARIES));
            JSON.writeValue(directory.resolve(DESCRIPTION).toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training set to " + directory, e);
        }
    }

    /**
     * @throws IllegalArgumentException when the directory does not hold a complete training set
     */
    public static TrainingData read(Path directory) {
        try {
            Map<?, ?> manifest = JSON.readValue(directory.resolve(DESCRIPTION).toFile(), Map.class);
            Horizon horizon = new Horizon(((Number) manifest.get("horizon_days")).intValue());
            Map<?, ?> sets = (Map<?, ?>) manifest.get("sets");
            Map<String, TrainingSet> read = new LinkedHashMap<>();
            for (String name : List.of("earlier", "later", "latest", "scoring")) {
                long cutoff = ((Number) ((Map<?, ?>) sets.get(name)).get("cutoff")).longValue();
                read.put(name, new TrainingSet(cutoff, horizon, readSet(directory.resolve(name + ".csv"))));
            }
            return new TrainingData(LocalDate.parse((String) manifest.get("as_of")), horizon, read.get("earlier"),
                    read.get("later"), read.get("latest"), read.get("scoring"),
                    readSummaries(directory.resolve(SUMMARIES)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a complete training set in " + directory + ": " + e.getMessage(),
                    e);
        }
    }

    private static Map<String, TrainingSet> sets(TrainingData data) {
        Map<String, TrainingSet> sets = new LinkedHashMap<>();
        sets.put("earlier", data.earlier());
        sets.put("later", data.later());
        sets.put("latest", data.latest());
        sets.put("scoring", data.scoring());
        return sets;
    }

    private static void writeSet(TrainingSet set, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(SET_COLUMNS.toArray(String[]::new)).get()
                     .print(out)) {
            for (LabelledCustomer row : set.rows()) {
                List<Object> record = new ArrayList<>(SET_COLUMNS.size());
                record.add(row.customerId());
                for (double v : row.features().toArray()) {
                    record.add(v);
                }
                record.add(row.churned());
                record.add(row.futureSpend());
                csv.printRecord(record);
            }
        }
    }

    private static List<LabelledCustomer> readSet(Path file) throws IOException {
        List<LabelledCustomer> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                double[] v = new double[CustomerFeatures.NAMES.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.parseDouble(r.get(CustomerFeatures.NAMES.get(i)));
                }
                rows.add(new LabelledCustomer(r.get("customer_id"), CustomerFeatures.fromArray(v),
                        Integer.parseInt(r.get("churned")), Double.parseDouble(r.get("future_spend"))));
            }
        }
        return List.copyOf(rows);
    }

    private static void writeSummaries(List<RepeatPurchaseSummary> summaries, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.DEFAULT.builder()
                     .setHeader("customer_id", "frequency", "recency", "age", "average_spend").get().print(out)) {
            for (RepeatPurchaseSummary s : summaries) {
                csv.printRecord(s.customerId(), s.frequency(), s.recency(), s.age(), s.averageSpend());
            }
        }
    }

    private static List<RepeatPurchaseSummary> readSummaries(Path file) throws IOException {
        List<RepeatPurchaseSummary> summaries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                summaries.add(new RepeatPurchaseSummary(r.get("customer_id"), Integer.parseInt(r.get("frequency")),
                        Double.parseDouble(r.get("recency")), Double.parseDouble(r.get("age")),
                        Double.parseDouble(r.get("average_spend"))));
            }
        }
        return List.copyOf(summaries);
    }
}
