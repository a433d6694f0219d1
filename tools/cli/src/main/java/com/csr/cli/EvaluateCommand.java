package com.csr.cli;

import com.csr.cli.pipeline.PipelineConfig;
import com.csr.cli.pipeline.TrainingPipeline;
import com.csr.domain.labels.Horizon;
import com.csr.domain.metrics.ChurnMetrics;
import com.csr.domain.metrics.SpendMetrics;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.FileLimits;
import com.csr.ml.backtest.Backtest;
import com.csr.ml.backtest.CutoffBacktest;
import com.csr.ml.backtest.Yardstick;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code csr evaluate}: a backtest on the tenant's own file. The models are trained as of past cutoffs, as a
 * training on each of those days would have trained them, and judged on what customers did next, beside recency
 * alone, last-90-day spend and BG/NBD + Gamma-Gamma.
 */
final class EvaluateCommand {

    static final String USAGE = """
            usage: csr evaluate [--data-path FILE] [--as-of YYYY-MM-DD] [--cutoffs 3] [--every-days 28]
                                [--horizon-days 90] [--columns customer=..,date=..,amount=..] [--resamples 200]
                                [--out FILE.json]
              --data-path     CSV, CSV.gz or XLSX of transactions (default: the bundled Online Retail II sample)
              --as-of         the newest cutoff judged: the models know the file up to that day and are judged on
                              the horizon after it (default: the file's last date less one horizon)
              --cutoffs       how many cutoffs, each --every-days before the next (default: 3 cutoffs 28 days apart)
              --horizon-days  how far churn and lifetime value look ahead (default: 90)
              --resamples     bootstrap resamples of the customers behind each standard error (default: 200)
              --out           where the figures go as JSON (default: artifacts/tenants/demo/evaluation.json)
            prints, per cutoff, ROC-AUC, Spearman, normalized Gini and predicted total over actual of each system,
            and the platform's paired differences against each rule with their standard errors""";

    private static final Set<String> OPTIONS = Set.of("data-path", "as-of", "cutoffs", "every-days", "horizon-days",
            "columns", "resamples", "out", "help");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluateCommand() {
    }

    static void run(List<String> args, Path home, PrintStream out, PrintStream err, FileLimits limits) {
        Arguments a = new Arguments(args, OPTIONS);
        if (a.get("help", null) != null) {
            out.println(USAGE);
            return;
        }
        Path data = Path.of(a.get("data-path", home.resolve("data/online_retail_ii_2009_2010.csv.gz").toString()));
        Horizon horizon = new Horizon(a.intValue("horizon-days", 90));
        int cutoffs = a.intValue("cutoffs", 3);
        int every = a.intValue("every-days", 28);
        int resamples = a.intValue("resamples", 200);
        if (cutoffs < 1 || every < 1 || resamples < 2) {
            throw new Arguments.UsageException("--cutoffs and --every-days must be at least 1, --resamples at least 2");
        }
        Path outFile = Path.of(a.get("out", home.resolve("artifacts/tenants/demo/evaluation.json").toString()));
        PipelineConfig config = new PipelineConfig("demo", data, ColumnMapping.parse(a.get("columns", null)), null,
                horizon, 0, 3, 8, PipelineConfig.defaults("demo", data).actions(), "GBP",
                PipelineConfig.defaults("demo", data).seed());

        ConsoleProgress progress = new ConsoleProgress(err);
        TrainingPipeline.Cleaned cleaned = new TrainingPipeline(progress, limits).clean(config);
        LocalDate last = cleaned.outcome().asOf();
        LocalDate newest = asOf(a.get("as-of", null), last.minusDays(horizon.days()));
        if (newest.plusDays(horizon.days()).isAfter(last)) {
            throw new IllegalArgumentException("cannot judge a cutoff of " + newest + ": the file ends on " + last
                    + ", before the " + horizon.days() + " days after it are over; use --as-of "
                    + last.minusDays(horizon.days()) + " or earlier");
        }
        Backtest backtest = new Backtest(config.seed(), resamples);
        List<CutoffBacktest> results = new ArrayList<>();
        for (int i = cutoffs - 1; i >= 0; i--) {
            LocalDate cutoff = newest.minusDays((long) i * every);
            progress.stage("training as of " + cutoff + " and judging the " + horizon.days() + " days after it");
            results.add(backtest.at(cleaned.histories().histories().values(), cutoff, horizon));
        }
        write(outFile, data, results);
        for (CutoffBacktest r : results) {
            out.println(table(r));
        }
        out.println("written to " + outFile.toAbsolutePath().normalize());
    }

    static String table(CutoffBacktest r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "cutoff %s: %,d customers, %.3f bought nothing in the %d days after, who spent %,.0f in all%n",
                r.cutoff(), r.customers(), r.churnRate(), r.horizonDays(), r.actualSpend()));
        s.append(String.format(Locale.ROOT, "  %-20s %8s %9s %6s %14s %11s%n", "system", "ROC-AUC", "Spearman",
                "Gini", "total/actual", "mean churn"));
        for (Yardstick system : Yardstick.values()) {
            ChurnMetrics churn = r.churn().get(system);
            SpendMetrics spend = r.spend().get(system);
            if (churn == null && spend == null) {
                continue;
            }
            boolean probabilities = system == Yardstick.PLATFORM || system == Yardstick.BG_NBD;
            s.append(String.format(Locale.ROOT, "  %-20s %8s %9s %6s %14s %11s%n", system.code(),
                    churn == null ? "-" : f3(churn.rocAuc()), spend == null ? "-" : f3(spend.spearman()),
                    spend == null ? "-" : f3(spend.normalizedGini()),
                    spend == null ? "-" : String.format(Locale.ROOT, "%.2f", spend.totalRatio()),
                    churn == null || !probabilities ? "-" : f3(churn.meanPredicted())));
        }
        for (CutoffBacktest.Comparison c : r.comparisons()) {
            s.append(String.format(Locale.ROOT, "  platform - %-20s %-16s %+.3f ± %.3f%n", c.against().code(),
                    c.figure(), c.difference().value(), c.difference().standardError()));
        }
        if (r.baselineFailure() != null) {
            s.append("  ").append(r.baselineFailure()).append('\n');
        }
        ChurnMetrics platform = r.churn().get(Yardstick.PLATFORM);
        s.append(String.format(Locale.ROOT, "  churn calibration (platform, ECE %.3f): predicted -> observed", platform.ece()));
        for (double[] bin : platform.calibration()) {
            s.append(String.format(Locale.ROOT, " %.2f->%.2f", bin[0], bin[1]));
        }
        return s.toString();
    }

    private static void write(Path file, Path data, List<CutoffBacktest> results) {
        List<Map<String, Object>> cutoffs = new ArrayList<>();
        for (CutoffBacktest r : results) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("cutoff", r.cutoff().toString());
            c.put("horizon_days", r.horizonDays());
            c.put("customers", r.customers());
            c.put("churn_rate", r.churnRate());
            c.put("actual_spend", r.actualSpend());
            Map<String, Object> systems = new LinkedHashMap<>();
            for (Yardstick system : Yardstick.values()) {
                Map<String, Object> figures = new LinkedHashMap<>();
                ChurnMetrics churn = r.churn().get(system);
                SpendMetrics spend = r.spend().get(system);
                if (churn != null) {
                    figures.put("roc_auc", churn.rocAuc());
                    if (system == Yardstick.PLATFORM || system == Yardstick.BG_NBD) {
                        figures.put("mean_churn_probability", churn.meanPredicted());
                        figures.put("brier", churn.brier());
                        figures.put("ece", churn.ece());
                        figures.put("calibration", churn.calibration());
                    }
                }
                if (spend != null) {
                    figures.put("spearman", spend.spearman());
                    figures.put("normalized_gini", spend.normalizedGini());
                    figures.put("total_ratio", spend.totalRatio());
                }
                if (!figures.isEmpty()) {
                    systems.put(system.code(), figures);
                }
            }
            c.put("systems", systems);
            List<Map<String, Object>> differences = new ArrayList<>();
            for (CutoffBacktest.Comparison d : r.comparisons()) {
                differences.add(Map.of("against", d.against().code(), "figure", d.figure(),
                        "difference", d.difference().value(), "standard_error", d.difference().standardError()));
            }
            c.put("platform_minus", differences);
            if (r.baselineFailure() != null) {
                c.put("baseline_failure", r.baselineFailure());
            }
            cutoffs.add(c);
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            JSON.writeValue(file.toFile(), Map.of("data_path", data.toString(), "cutoffs", cutoffs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static LocalDate asOf(String text, LocalDate fallback) {
        try {
            return text == null ? fallback : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Arguments.UsageException("--as-of expects a date as YYYY-MM-DD, got '" + text + "'");
        }
    }
}
