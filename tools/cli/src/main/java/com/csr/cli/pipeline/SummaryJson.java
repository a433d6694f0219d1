package com.csr.cli.pipeline;

import com.csr.domain.metrics.ChurnMetrics;
import com.csr.domain.metrics.SpendMetrics;
import com.csr.domain.plan.RetentionPlan;
import com.csr.ml.churn.ChurnAlgorithm;
import com.csr.ml.segment.SegmentTraining.SegmentProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's {@code summary.json}: counts, cutoffs, segments, model metrics, the plan and timings, in snake_case. */
final class SummaryJson {

    private SummaryJson() {
    }

    static Map<String, Object> of(PipelineResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tenant_id", r.config().tenantId());
        json.put("data_path", r.config().dataPath().toString());
        json.put("rows_read", r.quality().rowsRead());
        json.put("rows_kept", r.quality().rowsKept());
        Map<String, Long> rejected = new LinkedHashMap<>();
        Map<String, Double> rejectedRevenue = new LinkedHashMap<>();
        r.quality().rejected().forEach((reason, count) -> rejected.put(reason.code(), count));
        r.quality().rejectedRevenue().forEach((reason, value) -> rejectedRevenue.put(reason.code(), round(value)));
        json.put("rejected", rejected);
        json.put("rejected_revenue", rejectedRevenue);
        json.put("cancellations_netted", r.quality().cancellationsKept());
        json.put("customers", r.customerIds().size());
        json.put("as_of", r.asOf().toString());
        json.put("horizon_days", r.config().horizon().days());
        json.put("cutoffs", Map.of("validation_fit", r.validationFit().toString(),
                "validation", r.validation().toString(), "scoring", r.asOf().toString()));
        json.put("segments", segments(r));
        json.put("segmentation", Map.of("k", r.segments().k(), "silhouette", round(r.segments().silhouette()),
                "silhouette_by_k", r.segments().silhouetteByK()));
        json.put("churn", churn(r));
        json.put("ltv", ltv(r));
        json.put("plan", plan(r.plan()));
        json.put("timings_ms", r.timingsMs());
        return json;
    }

    private static List<Map<String, Object>> segments(PipelineResult r) {
        List<Map<String, Object>> segments = new ArrayList<>();
        for (SegmentProfile p : r.segments().profiles()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", p.persona().segmentId());
            s.put("name", p.persona().displayName());
            s.put("size", p.customers());
            s.put("centroid", Map.of("recency_days", round(p.recencyDays()), "frequency", round(p.frequency()),
                    "monetary", round(p.monetary())));
            segments.add(s);
        }
        return segments;
    }

    private static Map<String, Object> churn(PipelineResult r) {
        Map<String, Object> churn = new LinkedHashMap<>();
        churn.put("chosen", r.churn().model().algorithm().code());
        churn.put("validation_customers", r.churn().validationCustomers());
        churn.put("recency_only_roc_auc", round(r.churn().recencyOnlyRocAuc()));
        Map<String, Object> candidates = new LinkedHashMap<>();
        for (Map.Entry<ChurnAlgorithm, ChurnMetrics> e : r.churn().candidates().entrySet()) {
            ChurnMetrics m = e.getValue();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("roc_auc", round(m.rocAuc()));
            c.put("pr_auc", round(m.prAuc()));
            c.put("brier", round(m.brier()));
            c.put("ece", round(m.ece()));
            c.put("churn_rate", round(m.churnRate()));
            c.put("mean_predicted", round(m.meanPredicted()));
            c.put("lift_by_decile", roundAll(m.liftByDecile()));
            candidates.put(e.getKey().code(), c);
        }
        churn.put("candidates", candidates);
        churn.put("calibration", Map.of("method", "platt", "slope", round(r.churn().model().calibration().slope()),
                "intercept", round(r.churn().model().calibration().intercept())));
        return churn;
    }

    private static Map<String, Object> ltv(PipelineResult r) {
        Map<String, Object> ltv = spend(r.ltv().xgboost());
        ltv.put("model", "xgboost_tweedie");
        if (r.ltv().baseline() == null) {
            ltv.put("baseline", Map.of("model", "bg_nbd_gamma_gamma", "error", r.ltv().baselineFailure()));
            return ltv;
        }
        Map<String, Object> baseline = spend(r.ltv().baseline());
        baseline.put("model", "bg_nbd_gamma_gamma");
        var b = r.ltv().baselineParameters();
        baseline.put("parameters", Map.of("r", round(b.purchases().r()), "alpha", round(b.purchases().alpha()),
                "a", round(b.purchases().a()), "b", round(b.purchases().b()), "p", round(b.spend().p()),
                "q", round(b.spend().q()), "gamma", round(b.spend().gamma())));
        ltv.put("baseline", baseline);
        return ltv;
    }

    private static Map<String, Object> spend(SpendMetrics m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mae", round(m.mae()));
        json.put("rmse", round(m.rmse()));
        json.put("spearman", round(m.spearman()));
        json.put("normalized_gini", round(m.normalizedGini()));
        json.put("total_ratio", round(m.totalRatio()));
        List<Map<String, Object>> deciles = new ArrayList<>();
        for (SpendMetrics.Decile d : m.deciles()) {
            deciles.add(Map.of("decile", d.decile(), "customers", d.customers(),
                    "mean_predicted", round(d.meanPredicted()), "mean_actual", round(d.meanActual()),
                    "share_of_actual", round(d.shareOfActual())));
        }
        json.put("deciles", deciles);
        return json;
    }

    private static Map<String, Object> plan(RetentionPlan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("budget", plan.budget());
        json.put("customers_selected", plan.selectedCount());
        json.put("cost", round(plan.cost()));
        json.put("expected_revenue_saved", round(plan.expectedRevenueSaved()));
        Map<String, Object> byPersona = new LinkedHashMap<>();
        plan.byPersona().forEach((persona, t) -> byPersona.put(persona.displayName(), Map.of("customers",
                t.customers(), "selected", t.selected(), "cost", round(t.cost()), "expected_revenue_saved",
                round(t.expectedRevenueSaved()))));
        json.put("by_persona", byPersona);
        return json;
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e4) / 1e4 : v;
    }

    private static double[] roundAll(double[] values) {
        double[] rounded = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = round(values[i]);
        }
        return rounded;
    }
}
