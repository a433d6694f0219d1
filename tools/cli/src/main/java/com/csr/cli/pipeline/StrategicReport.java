package com.csr.cli.pipeline;

import static com.csr.domain.report.Figures.count;
import static com.csr.domain.report.Figures.decimal;
import static com.csr.domain.report.Figures.money;
import static com.csr.domain.report.Figures.percent;

import com.csr.domain.cleaning.QualityReport;
import com.csr.domain.cleaning.RejectReason;
import com.csr.domain.metrics.ChurnMetrics;
import com.csr.domain.metrics.SpendMetrics;
import com.csr.domain.persona.Persona;
import com.csr.domain.plan.PlannedCustomer;
import com.csr.domain.plan.RetentionPlan;
import com.csr.domain.report.ReportSections;
import com.csr.ml.churn.ChurnAlgorithm;
import com.csr.ml.segment.SegmentTraining.SegmentProfile;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Markdown strategic report of a run: data quality, personas, model comparison, value at risk and the plan.
 */
public final class StrategicReport {

    private StrategicReport() {
    }

    public static String markdown(PipelineResult r) {
        StringBuilder md = new StringBuilder();
        String currency = r.config().currency();
        md.append("# Customer retention report — ").append(r.config().tenantId()).append("\n\n");
        md.append("As of **").append(r.asOf()).append("**, looking ").append(r.config().horizon().days())
                .append(" days ahead. ").append(count(r.customerIds().size())).append(" customers scored.\n\n");
        dataQuality(md, r.quality(), currency);
        personas(md, r, currency);
        models(md, r);
        atRisk(md, r, currency);
        plan(md, r.plan(), currency);
        method(md, r);
        return md.toString();
    }

    private static void dataQuality(StringBuilder md, QualityReport q, String currency) {
        md.append("## Data quality\n\n");
        md.append(count(q.rowsRead())).append(" rows read, ").append(count(q.rowsKept())).append(" kept (")
                .append(count(q.cancellationsKept())).append(" of them cancellations netted against purchases), ")
                .append(count(q.rejectedTotal())).append(" rejected. Net revenue kept: ")
                .append(money(q.keptRevenue(), currency)).append(".\n\n");
        md.append("| reason | rows | revenue | meaning |\n|---|---:|---:|---|\n");
        for (Map.Entry<RejectReason, Long> e : q.rejected().entrySet()) {
            md.append("| ").append(e.getKey().code()).append(" | ").append(count(e.getValue())).append(" | ")
                    .append(money(q.rejectedRevenue().get(e.getKey()), currency)).append(" | ")
                    .append(e.getKey().description()).append(" |\n");
        }
        md.append("\n");
    }

    private static void personas(StringBuilder md, PipelineResult r, String currency) {
        Map<String, Double> monetary = new java.util.HashMap<>();
        for (int i = 0; i < r.customerIds().size(); i++) {
            monetary.put(r.customerIds().get(i), Math.max(0, r.features().get(i).monetary()));
        }
        double totalMonetary = monetary.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Persona, double[]> stats = new EnumMap<>(Persona.class);
        for (PlannedCustomer p : r.plan().customers()) {
            double[] s = stats.computeIfAbsent(p.score().persona(), k -> new double[4]);
            s[0]++;
            s[1] += p.score().churnProbability();
            s[2] += p.score().predictedLtv();
            s[3] += monetary.get(p.score().customerId());
        }
        md.append("## Personas\n\n");
        md.append(r.segments().k()).append(" segments (K-Means on log recency, frequency and monetary value; k chosen "
                + "by silhouette = ").append(decimal(r.segments().silhouette(), 3)).append(").\n\n");
        md.append("| persona | customers | revenue share | recency (days) | orders | spend | mean churn | mean LTV "
                + "| action |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (SegmentProfile p : r.segments().profiles()) {
            double[] s = stats.get(p.persona());
            md.append("| **").append(p.persona().displayName()).append("** — ").append(p.persona().description())
                    .append(" | ").append(count(p.customers())).append(" | ")
                    .append(percent(totalMonetary == 0 ? 0 : s[3] / totalMonetary)).append(" | ")
                    .append(decimal(p.recencyDays(), 0)).append(" | ").append(decimal(p.frequency(), 1))
                    .append(" | ").append(money(p.monetary(), currency)).append(" | ")
                    .append(percent(s[1] / s[0])).append(" | ").append(money(s[2] / s[0], currency)).append(" | ")
                    .append(r.config().actions().get(p.persona()).name()).append(" |\n");
        }
        md.append("\nRecency, orders and spend are the segment centroids (geometric means).\n\n");
    }

    private static void models(StringBuilder md, PipelineResult r) {
        md.append("## Models\n\n### Churn (no purchase in the next ").append(r.config().horizon().days())
                .append(" days)\n\n");
        md.append("| model | ROC-AUC | PR-AUC | Brier | calibration error | top-decile lift |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<ChurnAlgorithm, ChurnMetrics> e : r.churn().candidates().entrySet()) {
            ChurnMetrics m = e.getValue();
            boolean chosen = e.getKey() == r.churn().model().algorithm();
            md.append("| ").append(chosen ? "**" + e.getKey().code() + "** (chosen)" : e.getKey().code())
                    .append(" | ").append(decimal(m.rocAuc(), 3)).append(" | ").append(decimal(m.prAuc(), 3))
                    .append(" | ").append(decimal(m.brier(), 3)).append(" | ").append(decimal(m.ece(), 3))
                    .append(" | ").append(decimal(m.liftByDecile()[0], 2)).append(" |\n");
        }
        md.append("| recency alone (baseline) | ").append(decimal(r.churn().recencyOnlyRocAuc(), 3))
                .append(" | | | | |\n\n");
        md.append("### Lifetime value (net spend in the next ").append(r.config().horizon().days())
                .append(" days)\n\n| model | MAE | RMSE | Spearman | normalized Gini |\n|---|---:|---:|---:|---:|\n");
        spendRow(md, "**XGBoost (Tweedie)**", r.ltv().xgboost());
        if (r.ltv().baseline() != null) {
            spendRow(md, "BG/NBD + Gamma-Gamma (baseline)", r.ltv().baseline());
        } else {
            md.append("| BG/NBD + Gamma-Gamma (baseline) | not fitted: ").append(r.ltv().baselineFailure())
                    .append(" | | | |\n");
        }
        md.append("\n| decile of predicted LTV | mean predicted | mean actual | share of actual spend |\n"
                + "|---:|---:|---:|---:|\n");
        for (SpendMetrics.Decile d : r.ltv().xgboost().deciles()) {
            md.append("| ").append(d.decile()).append(" | ").append(decimal(d.meanPredicted(), 2)).append(" | ")
                    .append(decimal(d.meanActual(), 2)).append(" | ").append(percent(d.shareOfActual()))
                    .append(" |\n");
        }
        md.append("\n");
    }

    private static void spendRow(StringBuilder md, String name, SpendMetrics m) {
        md.append("| ").append(name).append(" | ").append(decimal(m.mae(), 2)).append(" | ")
                .append(decimal(m.rmse(), 2)).append(" | ").append(decimal(m.spearman(), 3)).append(" | ")
                .append(decimal(m.normalizedGini(), 3)).append(" |\n");
    }

    private static void atRisk(StringBuilder md, PipelineResult r, String currency) {
        List<PlannedCustomer> customers = r.plan().customers();
        double ltv = customers.stream().mapToDouble(p -> p.score().predictedLtv()).sum();
        double loss = customers.stream().mapToDouble(p -> p.score().expectedLoss()).sum();
        ReportSections.valueAtRisk(md, ltv, loss, currency);
        md.append(ReportSections.AT_RISK_TABLE);
        customers.stream().sorted(Comparator.comparingDouble((PlannedCustomer p) -> p.score().expectedLoss())
                .reversed()).limit(10).forEach(p -> ReportSections.atRiskRow(md, p.score().customerId(),
                        p.score().persona().displayName(), p.score().churnProbability(), p.score().predictedLtv(),
                        p.score().expectedLoss(), currency));
        md.append("\n");
    }

    private static void plan(StringBuilder md, RetentionPlan plan, String currency) {
        ReportSections.planHeadline(md, plan.budget(), plan.selectedCount(), plan.cost(), plan.expectedRevenueSaved(),
                currency);
        md.append("| persona | customers | targeted | cost | expected revenue saved |\n|---|---:|---:|---:|---:|\n");
        plan.byPersona().forEach((persona, t) -> md.append("| ").append(persona.displayName()).append(" | ")
                .append(count(t.customers())).append(" | ").append(count(t.selected())).append(" | ")
                .append(money(t.cost(), currency)).append(" | ").append(money(t.expectedRevenueSaved(), currency))
                .append(" |\n"));
        md.append("\n");
    }

    private static void method(StringBuilder md, PipelineResult r) {
        md.append("## How these figures were made\n\n")
                .append("Out-of-time validation: candidate models were fitted on customers as of ")
                .append(r.validationFit()).append(" with outcomes up to ").append(r.validation())
                .append(", and judged on customers as of ").append(r.validation()).append(" with outcomes up to ")
                .append(r.asOf()).append(". The chosen models were then refitted on that later period and score "
                + "customers as of ").append(r.asOf()).append(". Nothing dated after ").append(r.asOf())
                .append(" was used. Churn probabilities are Platt-calibrated on the validation period.\n");
    }
}
