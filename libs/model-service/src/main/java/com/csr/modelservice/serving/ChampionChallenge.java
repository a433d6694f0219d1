package com.csr.modelservice.serving;

import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.labels.TrainingSet;
import com.csr.domain.metrics.ChurnMetrics;
import com.csr.domain.metrics.SpendMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a newly trained model (the challenger) replaces the active one (the champion): only if it is at least as
 * good on the same out-of-time validation — the challenger's validation period, on which the challenger's own
 * figure was measured (fitted before it, judged on it) and on which the champion is scored now, provided the
 * champion's training data ended before that period began. A champion trained on data reaching into the period
 * would be judged on answers it has seen; then its own recorded out-of-time figure stands in, and the verdict says
 * so. Churn is judged by ROC-AUC, lifetime value by normalized Gini. Segmentation has no out-of-time target to judge
 * by: a new segmentation always replaces the old one, and the verdict says so. A challenger trained on older data than
 * the champion's never replaces it (a backtest, say); rolling back is how to choose it.
 */
public final class ChampionChallenge {

    private ChampionChallenge() {
    }

    /**
     * The outcome.
     *
     * @param promote    true when the challenger becomes the champion
     * @param metric     what was compared, or null for segments
     * @param challenger the challenger's figure, or null
     * @param champion   the champion's figure on the same validation, or null when there was no champion
     * @param reason     one sentence saying why
     */
    public record Verdict(boolean promote, String metric, Double challenger, Double champion, String reason) {
    }

    /**
     * The active model, as the challenge needs it.
     *
     * @param model    the model
     * @param asOf     the last date of the data it was trained on, or null when unknown
     * @param recorded the metrics recorded when it was trained
     */
    public record Champion(TrainedModel model, java.time.LocalDate asOf, java.util.Map<String, Object> recorded) {
    }

    /**
     * @param challengerAsOf the last date of the challenger's data
     * @param validation     the challenger's validation set: customers at its earlier cutoff, labelled up to its as-of
     */
    public static Verdict judge(ModelKind kind, TrainedModel challenger, java.time.LocalDate challengerAsOf,
                                Optional<Champion> champion, TrainingSet validation) {
        if (champion.isPresent() && champion.get().asOf() != null && challengerAsOf.isBefore(champion.get().asOf())) {
            return new Verdict(false, null, null, null, "trained on data as of " + challengerAsOf
                    + ", older than the active model's (" + champion.get().asOf() + "); roll back to choose it");
        }
        if (kind == ModelKind.SEGMENT) {
            return new Verdict(true, null, null, null, "a segmentation has no out-of-time target to be judged by; "
                    + "the newest one replaces the old");
        }
        String metric = kind == ModelKind.CHURN ? "roc_auc" : "normalized_gini";
        double challengerFigure = ((Number) challenger.metrics().get(metric)).doubleValue();
        if (champion.isEmpty()) {
            return new Verdict(true, metric, challengerFigure, null, "no model was active");
        }
        Champion active = champion.get();
        long validationStart = validation.cutoff();
        boolean unseen = active.asOf() != null && active.asOf().plusDays(1).toEpochDay() * 86_400L <= validationStart;
        Object recorded = active.recorded().get(metric);
        double championFigure;
        String how;
        if (unseen || !(recorded instanceof Number)) {
            championFigure = figure(kind, active.model(), validation.rows());
            how = unseen ? "on the same validation" : "on the same validation, which its training data overlaps";
        } else {
            championFigure = ((Number) recorded).doubleValue();
            how = "as recorded at its training (its data overlaps this validation period)";
        }
        boolean promote = !(challengerFigure < championFigure);
        String reason = String.format(Locale.ROOT, "%s %.4f %s the active model's %.4f %s", metric, challengerFigure,
                promote ? ">=" : "<", championFigure, how);
        return new Verdict(promote, metric, challengerFigure, championFigure, reason);
    }

    private static double figure(ModelKind kind, TrainedModel model, List<LabelledCustomer> rows) {
        List<Score> scores = model.scoreAll(rows.stream().map(LabelledCustomer::features).toList());
        if (kind == ModelKind.CHURN) {
            double[] p = scores.stream().mapToDouble(Score::churnProbability).toArray();
            int[] churned = rows.stream().mapToInt(LabelledCustomer::churned).toArray();
            return ChurnMetrics.of(p, churned).rocAuc();
        }
        double[] predicted = scores.stream().mapToDouble(Score::predictedLtv).toArray();
        double[] actual = rows.stream().mapToDouble(LabelledCustomer::futureSpend).toArray();
        return SpendMetrics.of(predicted, actual).normalizedGini();
    }
}
