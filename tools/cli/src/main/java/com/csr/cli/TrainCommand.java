package com.csr.cli;

import com.csr.cli.pipeline.PipelineConfig;
import com.csr.cli.pipeline.PipelineOutputs;
import com.csr.cli.pipeline.PipelineResult;
import com.csr.cli.pipeline.TrainingPipeline;
import com.csr.domain.labels.Horizon;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.FileLimits;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code csr train}: the whole pipeline on one file, writing predictions, summary, report and models. */
final class TrainCommand {

    static final String USAGE = """
            usage: csr train [--tenant-id ID] [--data-path FILE] [--as-of YYYY-MM-DD] [--horizon-days 90]
                             [--budget 5000] [--columns customer=..,date=..,amount=..] [--segments K | MIN..MAX]
                             [--currency GBP] [--out DIR]
              --tenant-id     whose data this is (default: demo)
              --data-path     CSV, CSV.gz or XLSX of transactions (default: the bundled Online Retail II sample)
              --as-of         last date whose transactions are known, inclusive (default: the last date in the file)
              --horizon-days  how far churn and lifetime value look ahead (default: 90)
              --budget        retention budget (default: 5000)
              --columns       explicit column mapping by header name, or by 1-based position for files without one
              --segments      a fixed number of segments, or a range to choose from by silhouette (default: 3..8)
              --out           output directory (default: artifacts/tenants/{tenant}/)
            limits on the file (a line, a cell, its bytes, rows, a workbook's parts) come from the environment:
              CSR_INGEST_LIMITS_MAX_LINE_CHARS=1M, ..._MAX_ROWS=100000000, ... (see the README's batch run)""";

    private static final Set<String> OPTIONS = Set.of("tenant-id", "data-path", "as-of", "horizon-days", "budget",
            "columns", "segments", "currency", "out", "help");

    private TrainCommand() {
    }

    /** @param limits what the file may hold, from the {@code CSR_INGEST_LIMITS_*} environment variables */
    static void run(List<String> args, Path home, PrintStream out, PrintStream err, FileLimits limits) {
        Arguments a = new Arguments(args, OPTIONS);
        if (a.get("help", null) != null) {
            out.println(USAGE);
            return;
        }
        String tenant = a.get("tenant-id", "demo");
        PipelineConfig.requireValidTenant(tenant);
        Path data = Path.of(a.get("data-path", home.resolve("data/online_retail_ii_2009_2010.csv.gz").toString()));
        int[] segments = segments(a.get("segments", "3..8"));
        PipelineConfig defaults = PipelineConfig.defaults(tenant, data);
        PipelineConfig config = new PipelineConfig(tenant, data, ColumnMapping.parse(a.get("columns", null)),
                asOf(a.get("as-of", null)), new Horizon(a.intValue("horizon-days", defaults.horizon().days())),
                a.doubleValue("budget", defaults.budget()), segments[0], segments[1], defaults.actions(),
                a.get("currency", defaults.currency()), defaults.seed());
        Path outDir = Path.of(a.get("out", home.resolve("artifacts/tenants").resolve(tenant).toString()));

        PipelineResult result = new TrainingPipeline(new ConsoleProgress(err), limits).run(config);
        PipelineOutputs.write(result, outDir);
        out.println(headline(result, outDir));
    }

    private static String headline(PipelineResult r, Path outDir) {
        return String.format(Locale.ROOT, """
                %,d rows read, %,d kept, %,d rejected; %,d customers as of %s
                segments: %d (silhouette %.3f); churn: %s, out-of-time ROC-AUC %.3f (recency alone %.3f), mean predicted %.3f against %.3f churned
                lifetime value: XGBoost Spearman %.3f, normalized Gini %.3f, total %.2f of actual (BG/NBD + Gamma-Gamma %.3f, %.2f)
                plan: %,d customers for %s %,.2f, expected revenue saved %s %,.2f
                written to %s (predictions.csv, summary.json, report.md, models/)""",
                r.quality().rowsRead(), r.quality().rowsKept(), r.quality().rejectedTotal(), r.customerIds().size(),
                r.asOf(), r.segments().k(), r.segments().silhouette(), r.churn().model().algorithm().code(),
                r.churn().chosenMetrics().rocAuc(), r.churn().recencyOnlyRocAuc(),
                r.churn().chosenMetrics().meanPredicted(), r.churn().chosenMetrics().churnRate(),
                r.ltv().xgboost().spearman(),
                r.ltv().xgboost().normalizedGini(), r.ltv().xgboost().totalRatio(),
                r.ltv().baseline() == null ? Double.NaN : r.ltv().baseline().normalizedGini(),
                r.ltv().baseline() == null ? Double.NaN : r.ltv().baseline().totalRatio(), r.plan().selectedCount(),
                r.config().currency(), r.plan().cost(), r.config().currency(), r.plan().expectedRevenueSaved(),
                outDir.toAbsolutePath().normalize());
    }

    private static LocalDate asOf(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Arguments.UsageException("--as-of expects a date as YYYY-MM-DD, got '" + text + "'");
        }
    }

    private static int[] segments(String text) {
        try {
            String[] parts = text.split("\\.\\.");
            int min = Integer.parseInt(parts[0].trim());
            int max = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : min;
            return new int[] {min, max};
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException("--segments expects a number or a range like 3..8, got '" + text + "'");
        }
    }
}
