package com.csr.ml.ltv.btyd;

import com.csr.domain.TestFiles;
import com.csr.domain.features.RepeatPurchaseSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Test-only readers for the CDNOW sample (Fader &amp; Hardie's 1/10th sample of the 1997 cohort)
 * in the shared data folder; the production loader for raw files lives elsewhere.
 */
final class CdnowData {

    /** Surefire runs in the module directory; shared/ sits beside the repository root. */
    static final Path DIR = TestFiles.cdnowDirectory();
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static final double DAYS_PER_WEEK = 7.0;

    private CdnowData() {
    }

    /** The published 39-week calibration summary (ID,frequency,recency,T in weeks), without spend. */
    static List<RepeatPurchaseSummary> publishedSummary() throws IOException {
        List<String> lines = Files.readAllLines(existing("cdnow_customers_summary.csv"));
        List<RepeatPurchaseSummary> customers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            customers.add(RepeatPurchaseSummary.withoutSpend(
                    f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
        }
        return customers;
    }

    /**
     * Calibration summaries in weeks built from CDNOW_sample.txt
     * ({@code customer_id sample_index YYYYMMDD number_of_cds dollar_value}). Rows on the same
     * day are one purchase occasion whose value is their sum; m_x is the mean value of the
     * calibration-period occasions after the first. Customer ids are the sample index, which
     * is the ID column of the published summary.
     */
    static List<RepeatPurchaseSummary> summariesFromRawSample() throws IOException {
        Map<String, NavigableMap<LocalDate, Double>> occasions = new LinkedHashMap<>();
        for (String line : Files.readAllLines(existing("CDNOW_sample.txt"))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            LocalDate day = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
            occasions.computeIfAbsent(String.valueOf(Integer.parseInt(f[1])), id -> new TreeMap<>())
                    .merge(day, Double.parseDouble(f[4]), Double::sum);
        }
        List<RepeatPurchaseSummary> customers = new ArrayList<>();
        occasions.forEach((id, all) -> {
            NavigableMap<LocalDate, Double> calibration = all.headMap(CALIBRATION_END, true);
            LocalDate first = calibration.firstKey();
            int repeats = calibration.size() - 1;
            double averageSpend = calibration.tailMap(first, false).values().stream()
                    .mapToDouble(Double::doubleValue).average().orElse(0.0);
            customers.add(new RepeatPurchaseSummary(id, repeats,
                    ChronoUnit.DAYS.between(first, calibration.lastKey()) / DAYS_PER_WEEK,
                    ChronoUnit.DAYS.between(first, CALIBRATION_END) / DAYS_PER_WEEK,
                    averageSpend));
        });
        return customers;
    }

    private static Path existing(String file) {
        Path path = DIR.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("CDNOW data not found at " + path.toAbsolutePath().normalize());
        }
        return path;
    }
}
