package com.csr.cli.pipeline;

import com.csr.domain.cleaning.FileCleaner;
import com.csr.domain.cleaning.QualityReport;
import com.csr.domain.cleaning.RejectReason;
import com.csr.domain.cleaning.RejectedRowListener;
import com.csr.domain.cleaning.TransactionCleaner;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.CustomerHistories;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.persona.Persona;
import com.csr.domain.plan.CustomerScore;
import com.csr.domain.plan.RetentionPlan;
import com.csr.domain.plan.RetentionPlanner;
import com.csr.domain.training.TrainingData;
import com.csr.domain.transactions.ColumnLayout;
import com.csr.domain.transactions.FileLimits;
import com.csr.domain.transactions.ReadAheadRowSource;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import com.csr.ml.churn.ChurnSelection;
import com.csr.ml.churn.ChurnTrainer;
import com.csr.ml.ltv.LtvSelection;
import com.csr.ml.ltv.LtvTrainer;
import com.csr.ml.segment.SegmentTrainer;
import com.csr.ml.segment.SegmentTraining;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The batch run: clean a file, compute features at three cutoffs, choose and fit the models with out-of-time
 * validation, score every customer known at the as-of date, and plan retention.
 *
 * <p>Cutoffs, with T the end of the as-of date and H the horizon: validation models are fitted on features at
 * T - 2H with labels in (T - 2H, T - H] and judged on features at T - H with labels in (T - H, T]; final models are
 * refitted on that later set — the newest labels there are — and score features at T. Rows after the as-of date
 * are rejected on reading, so nothing after T can reach any output.
 *
 * <p>Kept transactions go straight into per-customer histories as they are cleaned ({@link CustomerHistories}), so
 * no row is held after it is read: memory grows with customers and their invoices, products and returns, plus the
 * 8 to 16 bytes a kept row of the cleaner's duplicate fingerprints.
 */
public final class TrainingPipeline {

    private static final long PROGRESS_EVERY = 100_000;

    private final Progress progress;
    private final FileLimits limits;

    public TrainingPipeline(Progress progress) {
        this(progress, FileLimits.defaults());
    }

    /** A pipeline that reads its file within {@code limits}. */
    public TrainingPipeline(Progress progress, FileLimits limits) {
        this.progress = progress;
        this.limits = limits;
    }

    /**
     * @throws com.csr.domain.transactions.InvalidTransactionFileException for a file that cannot be read
     * @throws IllegalArgumentException                                   when the data cannot support the models
     */
    public PipelineResult run(PipelineConfig config) {
        Map<String, Long> timings = new LinkedHashMap<>();
        Stopwatch watch = new Stopwatch(timings);

        Prepared prepared = prepare(config, watch);
        FileCleaner.Outcome clean = prepared.clean();
        TrainingData data = prepared.data();
        List<CustomerFeatures> features = data.scoring().rows().stream().map(LabelledCustomer::features).toList();
        List<String> customerIds = data.scoring().rows().stream().map(LabelledCustomer::customerId).toList();
        watch.lap("features");

        progress.stage("segmenting " + features.size() + " customers");
        SegmentTraining segments = new SegmentTrainer(config.minSegments(), config.maxSegments(), config.seed())
                .train(features);
        watch.lap("segments");

        progress.stage("churn: logistic regression vs XGBoost on " + data.earlier().size() + " -> "
                + data.later().size() + " customers (out of time)");
        ChurnSelection churn = new ChurnTrainer(config.seed()).train(data.earlier(), data.later(), data.latest());
        watch.lap("churn");

        progress.stage("lifetime value: XGBoost vs BG/NBD + Gamma-Gamma");
        LtvSelection ltv = new LtvTrainer(config.seed()).train(data.earlier(), data.later(), data.latest(),
                data.validationSummaries());
        watch.lap("ltv");

        progress.stage("scoring " + features.size() + " customers and planning a budget of " + config.budget());
        List<Persona> personas = segments.model().personas(features);
        double[] churnProbability = churn.model().probabilities(features);
        double[] predictedLtv = ltv.model().predictAll(features);
        List<CustomerScore> scores = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            scores.add(new CustomerScore(customerIds.get(i), personas.get(i), churnProbability[i], predictedLtv[i]));
        }
        RetentionPlan plan = new RetentionPlanner(config.actions()).plan(scores, config.budget());
        watch.lap("score_and_plan");

        return new PipelineResult(config, clean.report(), clean.asOf(), data.validationFitDate(),
                data.validationDate(), customerIds, features, segments, churn, ltv, plan, timings);
    }

    /** The file cleaned and its customers' labelled features at every cutoff. */
    private record Prepared(FileCleaner.Outcome clean, TrainingData data) {
    }

    /**
     * Reads and cleans the file into per-customer histories and cuts the training sets from them. The histories and
     * the cleaner's ledgers die with this frame: the model stages hold only features (a 50M-row file's histories
     * took a gigabyte and more of the heap the trainers needed).
     */
    private Prepared prepare(PipelineConfig config, Stopwatch watch) {
        Cleaned cleaned = clean(config);
        watch.lap("read_and_clean");
        progress.stage("computing features of " + cleaned.histories().size() + " customers from "
                + cleaned.outcome().report().rowsKept() + " transactions");
        return new Prepared(cleaned.outcome(), TrainingData.build(cleaned.histories().histories().values(),
                cleaned.outcome().asOf(), config.horizon()));
    }

    /** A file cleaned into per-customer histories, with its accounting. */
    public record Cleaned(FileCleaner.Outcome outcome, CustomerHistories histories) {
    }

    /**
     * Reads and cleans the file up to the configured as-of date into per-customer histories.
     *
     * @throws IllegalArgumentException when no row of the file can be kept
     */
    public Cleaned clean(PipelineConfig config) {
        progress.stage("reading and cleaning " + config.dataPath());
        CustomerHistories kept = new CustomerHistories();
        FileCleaner.Outcome clean = read(config, kept);
        if (clean.report().rowsKept() == 0) {
            throw new IllegalArgumentException(noDataMessage(clean.report()));
        }
        return new Cleaned(clean, kept);
    }

    /** Cleans as the rows come, the file read ahead on a second core. */
    private FileCleaner.Outcome read(PipelineConfig config, CustomerHistories kept) {
        try (RowSource rows = new ReadAheadRowSource(TransactionFiles.open(config.dataPath(), config.mapping(),
                limits))) {
            return new TransactionCleaner(config.asOf(), RejectedRowListener.NONE).clean(new Counting(rows), kept);
        }
    }

    private static String noDataMessage(QualityReport report) {
        if (report.rowsRead() == 0) {
            return "no transactions: the file has a header but no data rows";
        }
        String reasons = report.rejected().entrySet().stream()
                .sorted(Map.Entry.<RejectReason, Long>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey().code() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return "no usable transactions: all " + report.rowsRead() + " rows were rejected (" + reasons + ")";
    }

    /** Reports reading progress every {@value #PROGRESS_EVERY} rows. */
    private final class Counting implements RowSource {
        private final RowSource rows;

        Counting(RowSource rows) {
            this.rows = rows;
        }

        @Override
        public ColumnLayout layout() {
            return rows.layout();
        }

        @Override
        public List<String> header() {
            return rows.header();
        }

        @Override
        public String[] next() {
            String[] row = rows.next();
            if (row != null && rows.rowNumber() % PROGRESS_EVERY == 0) {
                progress.rowsRead(rows.rowNumber());
            }
            return row;
        }

        @Override
        public long rowNumber() {
            return rows.rowNumber();
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** Milliseconds between laps, recorded under each stage's name. */
    private static final class Stopwatch {
        private final Map<String, Long> timings;
        private long start = System.nanoTime();

        Stopwatch(Map<String, Long> timings) {
            this.timings = timings;
        }

        void lap(String stage) {
            long now = System.nanoTime();
            timings.put(stage, (now - start) / 1_000_000);
            start = now;
        }
    }
}
