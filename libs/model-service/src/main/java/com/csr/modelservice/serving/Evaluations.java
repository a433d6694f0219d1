package com.csr.modelservice.serving;

import com.csr.domain.metrics.ChurnMetrics;
import com.csr.domain.metrics.SpendMetrics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's out-of-time evaluation as charts draw it, kept in the model's card ({@code model.json}, under
 * {@code evaluation}) beside the single-figure metrics.
 */
public final class Evaluations {

    private Evaluations() {
    }

    /**
     * Churn: {@code roc} as {@code [fpr, tpr]} points, {@code calibration} per probability bin (mean predicted,
     * observed churn rate, customers), and {@code lift_by_decile} of predicted risk, highest first.
     */
    public static Map<String, Object> of(ChurnMetrics m) {
        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put("roc", m.roc().stream().map(p -> List.of(p[0], p[1])).toList());
        evaluation.put("calibration", m.calibration().stream().map(b -> Map.of("predicted", b[0], "observed", b[1],
                "customers", (int) b[2])).toList());
        evaluation.put("lift_by_decile", Arrays.stream(m.liftByDecile()).boxed().toList());
        evaluation.put("churn_rate", m.churnRate());
        return evaluation;
    }

    /** Lifetime value: per decile of predicted spend, the mean predicted and mean actual spend and the share of it. */
    public static Map<String, Object> of(SpendMetrics m) {
        return Map.of("deciles", m.deciles().stream().map(d -> Map.of("decile", d.decile(),
                "customers", d.customers(), "mean_predicted", d.meanPredicted(), "mean_actual", d.meanActual(),
                "share_of_actual", d.shareOfActual())).toList());
    }
}
