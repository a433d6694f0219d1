package com.csr.cli;

import com.csr.cli.pipeline.PipelineConfig;
import com.csr.cli.pipeline.PipelineResult;
import com.csr.cli.pipeline.Progress;
import com.csr.cli.pipeline.TrainingPipeline;
import com.csr.domain.cleaning.CleanTransactions;
import com.csr.domain.cleaning.RejectedRowListener;
import com.csr.domain.cleaning.TransactionCleaner;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.labels.Horizon;
import com.csr.domain.labels.TrainingSet;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import com.csr.ml.churn.ChurnModel;
import com.csr.ml.ltv.LtvModel;
import com.csr.ml.segment.SegmentModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * {@code csr bench}: the speed figures kept in docs/benchmarks.md — reading, cleaning and features of a file, a
 * whole in-process training run, and scoring in batches and one customer at a time. Prints figures, asserts none.
 */
final class BenchCommand {

    static final String USAGE = """
            usage: csr bench [--data-path FILE] [--runs 5]
              measures read + clean + features (cold and warm), a training run, and scoring
              (100k-customer batches and single customers) with the models it trains""";

    private static final Set<String> OPTIONS = Set.of("data-path", "runs", "help");
    private static final int BATCH = 100_000;
    private static final int SINGLE_CALLS = 100_000;

    private BenchCommand() {
    }

    static void run(List<String> args, Path home, PrintStream out) {
        Arguments a = new Arguments(args, OPTIONS);
        if (a.get("help", null) != null) {
            out.println(USAGE);
            return;
        }
        Path data = Path.of(a.get("data-path", home.resolve("data/online_retail_ii_2009_2010.csv.gz").toString()));
        int runs = a.intValue("runs", 5);
        out.printf(Locale.ROOT, "java %s, %d available processors, data %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), data);

        double[] ingest = new double[runs];
        int customers = 0;
        long rows = 0;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            CleanTransactions clean;
            try (RowSource source = TransactionFiles.open(data, ColumnMapping.none())) {
                clean = new TransactionCleaner(null, RejectedRowListener.NONE).clean(source);
            }
            TrainingSet features = TrainingSet.scoringSet(CustomerHistory.byCustomer(clean.transactions()).values(),
                    clean.cutoffEpochSecond(), new Horizon(90));
            ingest[r] = (System.nanoTime() - start) / 1e9;
            customers = features.size();
            rows = clean.report().rowsRead();
        }
        out.printf(Locale.ROOT, "read + clean + features: %,d rows, %,d customers: first run %.2f s, best %.2f s, "
                + "median %.2f s%n", rows, customers, ingest[0], min(ingest), median(ingest));

        long start = System.nanoTime();
        PipelineResult result = new TrainingPipeline(Progress.SILENT).run(PipelineConfig.defaults("bench", data));
        out.printf(Locale.ROOT, "training run in process: %.2f s (stages, ms: %s)%n",
                (System.nanoTime() - start) / 1e9, result.timingsMs());

        List<CustomerFeatures> batch = replicate(result.features(), BATCH);
        SegmentModel segments = result.segments().model();
        ChurnModel churn = result.churn().model();
        LtvModel ltv = result.ltv().model();
        out.printf(Locale.ROOT, "scoring a batch of %,d customers: segment %.3f s, churn (%s) %.3f s, ltv %.3f s%n",
                BATCH, bestOf(3, () -> segments.personas(batch)), churn.algorithm().code(),
                bestOf(3, () -> churn.probabilities(batch)), bestOf(3, () -> ltv.predictAll(batch)));
        out.printf(Locale.ROOT, "scoring one customer: segment %.1f us, churn (%s) %.1f us, ltv %.1f us "
                + "(mean of %,d calls after warm-up)%n",
                single(batch, f -> segments.persona(f).ordinal()), churn.algorithm().code(),
                single(batch, churn::probability), single(batch, ltv::predict), SINGLE_CALLS);
    }

    private static List<CustomerFeatures> replicate(List<CustomerFeatures> customers, int size) {
        List<CustomerFeatures> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(customers.get(i % customers.size()));
        }
        return batch;
    }

    private static double bestOf(int runs, Runnable work) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    /** Mean microseconds per call; the checksum keeps the JIT from dropping the calls. */
    private static double single(List<CustomerFeatures> customers, ToDoubleFunction<CustomerFeatures> score) {
        double checksum = 0;
        for (int i = 0; i < SINGLE_CALLS / 5; i++) {
            checksum += score.applyAsDouble(customers.get(i));
        }
        long start = System.nanoTime();
        for (int i = 0; i < SINGLE_CALLS; i++) {
            checksum += score.applyAsDouble(customers.get(i));
        }
        double micros = (System.nanoTime() - start) / 1e3 / SINGLE_CALLS;
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("a score was not a number");
        }
        return micros;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
