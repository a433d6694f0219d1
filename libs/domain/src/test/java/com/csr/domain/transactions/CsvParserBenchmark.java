package com.csr.domain.transactions;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A benchmark, not a test: it runs only with {@code -Dcsv-parser-benchmark=FILE} (docs/decisions.md, "Reading a
 * retailer's export fast"). Reads a semicolon- or comma-separated export with commons-csv (the parser before)
 * and with FastCSV, every cell made a {@code String[]} as the cleaner needs it, bare and under the
 * {@link LineLimitReader} every file is read through, then through {@link TransactionFiles#open} as the pipeline
 * does; prints rows per second (best and median of {@code -Dcsv-parser-benchmark.runs}, default 3) and a checksum
 * of the cells, so the parsers are seen to read the same thing.
 */
@EnabledIfSystemProperty(named = "csv-parser-benchmark", matches = ".+")
class CsvParserBenchmark {

    private static final int BUFFER = 1 << 16;

    @Test
    void readsTheFileWithEachParser() throws IOException {
        Path file = Path.of(System.getProperty("csv-parser-benchmark"));
        int runs = Integer.getInteger("csv-parser-benchmark.runs", 3);
        char delimiter = delimiter(file);
        FileLimits limits = FileLimits.defaults();
        measure("commons-csv", runs, () -> commonsCsv(reader(file), delimiter));
        measure("FastCSV", runs, () -> fastCsv(reader(file), delimiter));
        measure("commons-csv under LineLimitReader", runs,
                () -> commonsCsv(LineLimitReader.csv(reader(file), delimiter, limits, true), delimiter));
        measure("FastCSV under LineLimitReader", runs,
                () -> fastCsv(LineLimitReader.csv(reader(file), delimiter, limits, true), delimiter));
        measure("TransactionFiles.open (the pipeline's rows)", runs, () -> rowSource(file));
    }

    private interface Pass {
        long[] run() throws IOException;
    }

    private static void measure(String name, int runs, Pass pass) throws IOException {
        List<Double> rates = new ArrayList<>();
        long[] last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = pass.run();
            rates.add(last[0] / ((System.nanoTime() - start) / 1e9));
        }
        rates.sort(null);
        System.out.printf(Locale.ROOT, "%-46s %,11d rows  best %,10.0f rows/s  median %,10.0f rows/s  checksum %x%n",
                name, last[0], rates.get(rates.size() - 1), rates.get(rates.size() / 2), last[1]);
    }

    private static long[] commonsCsv(Reader reader, char delimiter) throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get()
                .parse(reader)) {
            return count(parser, CSVRecord::values);
        }
    }

    private static long[] fastCsv(Reader reader, char delimiter) throws IOException {
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE).skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).ofCsvRecord(reader)) {
            return count(csv, r -> r.getFields().toArray(String[]::new));
        }
    }

    private static long[] rowSource(Path file) {
        try (RowSource rows = TransactionFiles.open(file, ColumnMapping.none())) {
            long n = 0;
            long checksum = 0;
            String[] cells;
            while ((cells = rows.next()) != null) {
                n++;
                checksum += checksum(cells);
            }
            return new long[] {n, checksum};
        }
    }

    /** Data rows and a checksum of their cells; the header is skipped as the row sources do. */
    private static <R> long[] count(Iterable<R> records, java.util.function.Function<R, String[]> cellsOf) {
        long n = -1;
        long checksum = 0;
        for (R record : records) {
            String[] cells = cellsOf.apply(record);
            if (++n > 0) {
                checksum += checksum(cells);
            }
        }
        return new long[] {Math.max(n, 0), checksum};
    }

    private static long checksum(String[] cells) {
        long h = cells.length;
        for (String cell : cells) {
            h = h * 31 + cell.hashCode();
        }
        return h;
    }

    private static Reader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, BUFFER);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
    }

    private static char delimiter(Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(reader(file))) {
            return Delimiter.guess(r.readLine()).character;
        }
    }
}
