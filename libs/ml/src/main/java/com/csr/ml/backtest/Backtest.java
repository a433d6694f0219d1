package com.csr.ml.backtest;

import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.features.RepeatPurchaseSummary;
import com.csr.domain.features.RepeatPurchases;
import com.csr.domain.labels.Horizon;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.labels.TrainingSet;
import com.csr.domain.metrics.ChurnMetrics;
import com.csr.domain.metrics.PairedComparison;
import com.csr.domain.metrics.SpendMetrics;
import com.csr.domain.training.TrainingData;
import com.csr.ml.churn.ChurnTrainer;
import com.csr.ml.ltv.LtvTrainer;
import com.csr.ml.ltv.btyd.BtydBaseline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the platform's models as of a past cutoff — the same {@link TrainingData}, trainers and seed a training
 * on that day uses — and judges every customer known then on the horizon after it. Nothing after the cutoff reaches
 * a model or a rule: features and BTYD summaries count only what came before it, and the labels of the training
 * sets end on it.
 */
public final class Backtest {

    private final long seed;
    private final int resamples;

    /**
     * @param seed      seeds the models, as training does, and the bootstrap
     * @param resamples bootstrap resamples behind each standard error
     */
    public Backtest(long seed, int resamples) {
        this.seed = seed;
        this.resamples = resamples;
    }

    /**
     * @param histories every customer's whole history, including what came after the cutoff
     * @param cutoff    the last day the models may know; at least one horizon of history must follow it
     * @throws IllegalArgumentException when the history before the cutoff cannot support the models
     */
    public CutoffBacktest at(Collection<CustomerHistory> histories, LocalDate cutoff, Horizon horizon) {
        Scores scores = score(histories, cutoff, horizon);
        TrainingSet judged = scores.judged();
        double[] churned = judged.rows().stream().mapToDouble(LabelledCustomer::churned).toArray();
        double[] spent = judged.rows().stream().mapToDouble(LabelledCustomer::futureSpend).toArray();

        Map<Yardstick, ChurnMetrics> churn = new EnumMap<>(Yardstick.class);
        int[] outcome = judged.rows().stream().mapToInt(LabelledCustomer::churned).toArray();
        scores.churn().forEach((system, score) -> churn.put(system, ChurnMetrics.of(score, outcome)));
        Map<Yardstick, SpendMetrics> spend = new EnumMap<>(Yardstick.class);
        scores.spend().forEach((system, score) -> spend.put(system, SpendMetrics.of(score, spent)));

        List<CutoffBacktest.Comparison> comparisons = new ArrayList<>();
        long resampleSeed = seed;
        for (Yardstick rule : Yardstick.values()) {
            if (rule == Yardstick.PLATFORM) {
                continue;
            }
            if (scores.churn().containsKey(rule)) {
                comparisons.add(compare(rule, "roc_auc", PairedComparison.ROC_AUC, scores.churn(), churned,
                        resampleSeed++));
            }
            if (scores.spend().containsKey(rule)) {
                comparisons.add(compare(rule, "spearman", PairedComparison.SPEARMAN, scores.spend(), spent,
                        resampleSeed++));
                comparisons.add(compare(rule, "normalized_gini", PairedComparison.NORMALIZED_GINI, scores.spend(),
                        spent, resampleSeed++));
            }
        }
        double total = 0;
        for (double s : spent) {
            total += s;
        }
        return new CutoffBacktest(cutoff, horizon.days(), judged.size(), judged.churnRate(), total, churn, spend,
                List.copyOf(comparisons), scores.baselineFailure());
    }

    /**
     * What each system predicts for the customers known at the cutoff.
     *
     * @param judged          those customers, with features at the cutoff and what they did in the horizon after
     * @param churn           per system, a churn score per customer in {@code judged} order (higher: likelier)
     * @param spend           per system, predicted spend in the horizon per customer
     * @param baselineFailure why BG/NBD + Gamma-Gamma could not be fitted, or null
     */
    public record Scores(TrainingSet judged, Map<Yardstick, double[]> churn, Map<Yardstick, double[]> spend,
                         String baselineFailure) {
    }

    /** Each system's predictions at the cutoff; the models and rules see only what came before it. */
    public Scores score(Collection<CustomerHistory> histories, LocalDate cutoff, Horizon horizon) {
        TrainingData data = TrainingData.build(histories, cutoff, horizon);
        TrainingSet judged = TrainingSet.build(histories, data.scoring().cutoff(), horizon);
        List<CustomerFeatures> features = judged.rows().stream().map(LabelledCustomer::features).toList();

        Map<Yardstick, double[]> churnScores = new EnumMap<>(Yardstick.class);
        Map<Yardstick, double[]> spendScores = new EnumMap<>(Yardstick.class);
        churnScores.put(Yardstick.PLATFORM, new ChurnTrainer(seed).train(data.earlier(), data.later(), data.latest())
                .model().probabilities(features));
        spendScores.put(Yardstick.PLATFORM, new LtvTrainer(seed).train(data.earlier(), data.later(), data.latest(),
                data.validationSummaries()).model().predictAll(features));
        churnScores.put(Yardstick.RECENCY, ChurnTrainer.recencyOnly(features));
        spendScores.put(Yardstick.LAST_90_DAY_SPEND, features.stream().mapToDouble(f -> Math.max(0, f.spend90d()))
                .toArray());
        String baselineFailure = bgNbd(histories, judged, horizon, churnScores, spendScores);
        return new Scores(judged, churnScores, spendScores, baselineFailure);
    }

    private CutoffBacktest.Comparison compare(Yardstick rule, String name, PairedComparison.Figure figure,
                                              Map<Yardstick, double[]> scores, double[] outcome, long resampleSeed) {
        return new CutoffBacktest.Comparison(rule, name, PairedComparison.of(figure, scores.get(Yardstick.PLATFORM),
                scores.get(rule), outcome, resamples, resampleSeed));
    }

    /**
     * Fits BG/NBD + Gamma-Gamma on every customer's summary at the cutoff and adds its scores; returns why it could
     * not be fitted, or null.
     */
    private static String bgNbd(Collection<CustomerHistory> histories, TrainingSet judged, Horizon horizon,
                                Map<Yardstick, double[]> churnScores, Map<Yardstick, double[]> spendScores) {
        Map<String, CustomerHistory> byId = new java.util.HashMap<>();
        for (CustomerHistory h : histories) {
            byId.put(h.customerId(), h);
        }
        List<RepeatPurchaseSummary> summaries = judged.rows().stream()
                .map(row -> RepeatPurchases.asOf(byId.get(row.customerId()), judged.cutoff(), 1.0)).toList();
        try {
            BtydBaseline baseline = BtydBaseline.fit(summaries);
            double days = horizon.days();
            churnScores.put(Yardstick.BG_NBD, summaries.stream()
                    .mapToDouble(s -> baseline.purchases().probabilityOfNoPurchase(s, days)).toArray());
            spendScores.put(Yardstick.BG_NBD, summaries.stream()
                    .mapToDouble(s -> baseline.expectedSpend(s, days)).toArray());
            return null;
        } catch (ArithmeticException | IllegalStateException | IllegalArgumentException e) {
            churnScores.remove(Yardstick.BG_NBD);
            spendScores.remove(Yardstick.BG_NBD);
            return "the BG/NBD + Gamma-Gamma model could not be fitted: " + e.getMessage();
        }
    }
}
