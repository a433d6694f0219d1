package com.csr.gateway.report;

import static com.csr.domain.report.Figures.count;
import static com.csr.domain.report.Figures.decimal;
import static com.csr.domain.report.Figures.money;
import static com.csr.domain.report.Figures.percent;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.models.ModelCard;
import com.csr.contracts.models.ModelKindName;
import com.csr.domain.report.ReportSections;
import com.csr.gateway.portfolio.CustomerRow;
import com.csr.gateway.portfolio.Overview;
import com.csr.gateway.portfolio.PlanRequest;
import com.csr.gateway.portfolio.PlanResponse;
import com.csr.gateway.portfolio.PortfolioOverview;
import com.csr.gateway.portfolio.PortfolioService;
import com.csr.gateway.portfolio.SegmentView;
import com.csr.gateway.tenants.TenantSettings;
import com.csr.gateway.training.ModelCards;
import com.csr.platform.metadata.FileRecord;
import com.csr.platform.metadata.MetadataStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The strategic report of a tenant's portfolio as it stands, in Markdown: data quality of every file ingested,
 * personas, the serving models and how they were judged, value at risk, and the plan a budget buys. The sections and
 * figures are the ones the batch pipeline's report (the CLI's {@code StrategicReport}) writes, from what the
 * platform holds now rather than from one run.
 */
@ApplicationScoped
public class PortfolioReport {

    /** How long a model service may take to describe its model before the report says it is unavailable. */
    private static final Duration CARD_TIMEOUT = Duration.ofSeconds(2);

    private final PortfolioOverview overview;
    private final PortfolioService portfolio;
    private final ModelCards cards;
    private final MetadataStore metadata;
    private final TenantSettings settings;

    public PortfolioReport(PortfolioOverview overview, PortfolioService portfolio, ModelCards cards,
                           MetadataStore metadata, TenantSettings settings) {
        this.overview = overview;
        this.portfolio = portfolio;
        this.cards = cards;
        this.metadata = metadata;
        this.settings = settings;
    }

    /** The report, with the plan {@code budget} buys. */
    public String markdown(Caller caller, double budget) {
        String tenantId = caller.tenantId();
        Overview o = overview.of(tenantId);
        String currency = o.currency();
        StringBuilder md = new StringBuilder();
        md.append("# Customer retention report — ").append(tenantId).append("\n\n");
        if (o.customers() == 0) {
            md.append("No customer has been scored yet: upload transactions and train the models first.\n\n");
            dataQuality(md, tenantId, currency);
            return md.toString();
        }
        md.append("As of **").append(o.asOf()).append("**. ").append(count(o.customers()))
                .append(" customers scored by all three models; their net spend to date is ")
                .append(money(o.revenue(), currency)).append(".\n\n");
        dataQuality(md, tenantId, currency);
        personas(md, portfolio.segments(tenantId), currency);
        models(md, caller);
        atRisk(md, o, portfolio.customers(tenantId, "expected_loss", 0, 10, null, null).items(), currency);
        plan(md, portfolio.plan(tenantId, new PlanRequest(budget, null)), currency);
        method(md);
        return md.toString();
    }

    private void dataQuality(StringBuilder md, String tenantId, String currency) {
        md.append("## Data quality\n\n");
        long read = 0;
        long kept = 0;
        long cancellations = 0;
        double revenue = 0;
        int files = 0;
        Map<String, Long> rejected = new TreeMap<>();
        for (FileRecord file : metadata.files(tenantId)) {
            Map<String, Object> report = file.report();
            if (report == null || !"completed".equals(report.get("status"))) {
                continue;
            }
            files++;
            read += number(report.get("rows_read")).longValue();
            kept += number(report.get("rows_kept")).longValue();
            cancellations += number(report.get("cancellations_kept")).longValue();
            revenue += number(report.get("kept_revenue")).doubleValue();
            if (report.get("rejected") instanceof Map<?, ?> reasons) {
                reasons.forEach((reason, rows) -> rejected.merge(reason.toString(), number(rows).longValue(),
                        Long::sum));
            }
        }
        if (files == 0) {
            md.append("No file has been ingested yet.\n\n");
            return;
        }
        long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
        md.append(count(files)).append(files == 1 ? " file: " : " files: ").append(count(read))
                .append(" rows read, ").append(count(kept)).append(" kept (").append(count(cancellations))
                .append(" of them cancellations netted against purchases), ").append(count(rejectedTotal))
                .append(" rejected. Net revenue kept: ").append(money(revenue, currency)).append(".\n\n");
        if (!rejected.isEmpty()) {
            md.append("| reason | rows |\n|---|---:|\n");
            rejected.forEach((reason, rows) -> md.append("| ").append(reason.replace('_', ' ')).append(" | ")
                    .append(count(rows)).append(" |\n"));
            md.append('\n');
        }
    }

    private static void personas(StringBuilder md, List<SegmentView> segments, String currency) {
        md.append("## Personas\n\n| persona | customers | revenue share | recency (days) | orders | spend "
                + "| mean churn | mean LTV | action |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (SegmentView s : segments) {
            md.append("| **").append(s.persona()).append("** — ").append(s.description()).append(" | ")
                    .append(count(s.customers())).append(" | ").append(percent(s.revenueShare())).append(" | ")
                    .append(decimal(s.meanRecencyDays(), 0)).append(" | ").append(decimal(s.meanFrequency(), 1))
                    .append(" | ").append(money(s.meanMonetary(), currency)).append(" | ")
                    .append(s.meanChurnProbability() == null ? "" : percent(s.meanChurnProbability())).append(" | ")
                    .append(s.meanPredictedLtv() == null ? "" : money(s.meanPredictedLtv(), currency))
                    .append(" | ").append(s.recommendedAction()).append(" |\n");
        }
        md.append("\nRecency, orders and spend are the persona's means.\n\n");
    }

    private void models(StringBuilder md, Caller caller) {
        md.append("## Models\n\n");
        ModelCard segment = card(caller, ModelKindName.SEGMENT);
        ModelCard churn = card(caller, ModelKindName.CHURN);
        ModelCard ltv = card(caller, ModelKindName.LTV);
        md.append("| model | version | judged on later data by |\n|---|---|---|\n");
        row(md, "Segments (K-Means)", segment, segment == null ? "" : "k = " + (int) segment.number("k")
                + ", silhouette " + decimal(segment.number("silhouette"), 3));
        row(md, "Churn (" + (churn == null || churn.text("algorithm") == null ? "?" : churn.text("algorithm")) + ")",
                churn, churn == null ? "" : "ROC-AUC " + decimal(churn.number("roc_auc"), 3) + " (recency alone "
                        + decimal(churn.number("recency_only_roc_auc"), 3) + "), PR-AUC "
                        + decimal(churn.number("pr_auc"), 3) + ", Brier " + decimal(churn.number("brier"), 3));
        row(md, "Lifetime value (XGBoost)", ltv, ltv == null ? "" : "Spearman "
                + decimal(ltv.number("spearman"), 3) + ", normalized Gini "
                + decimal(ltv.number("normalized_gini"), 3) + (ltv.has("baseline_normalized_gini")
                ? " (BG/NBD baseline " + decimal(ltv.number("baseline_normalized_gini"), 3) + ")" : ""));
        md.append('\n');
    }

    private static void row(StringBuilder md, String name, ModelCard card, String judged) {
        md.append("| ").append(name).append(" | ").append(card == null ? "unavailable" : card.version())
                .append(" | ").append(judged).append(" |\n");
    }

    /** A serving model's card, or null when none serves or its service does not answer. */
    private ModelCard card(Caller caller, ModelKindName kind) {
        return cards.card(caller, kind, CARD_TIMEOUT);
    }

    private static void atRisk(StringBuilder md, Overview o, List<CustomerRow> top, String currency) {
        ReportSections.valueAtRisk(md, o.predictedLtv(), o.expectedLoss(), currency);
        md.append("| risk band | customers | share |\n|---|---:|---:|\n");
        o.riskBands().forEach((band, share) -> md.append("| ").append(band).append(" | ")
                .append(count(share.customers())).append(" | ").append(percent(share.share())).append(" |\n"));
        md.append('\n').append(ReportSections.AT_RISK_TABLE);
        for (CustomerRow c : top) {
            ReportSections.atRiskRow(md, c.customerId(), c.persona(), c.churnProbability(), c.predictedLtv(),
                    c.expectedLoss(), currency);
        }
        md.append('\n');
    }

    private static void plan(StringBuilder md, PlanResponse plan, String currency) {
        ReportSections.planHeadline(md, plan.budget(), plan.customersSelected(), plan.cost(),
                plan.expectedRevenueSaved(), currency);
        md.append("| persona | action | customers | targeted | cost | expected revenue saved |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        plan.byPersona().forEach((persona, t) -> md.append("| ").append(persona).append(" | ").append(t.action())
                .append(" | ").append(count(t.customers())).append(" | ").append(count(t.selected())).append(" | ")
                .append(money(t.cost(), currency)).append(" | ").append(money(t.expectedRevenueSaved(), currency))
                .append(" |\n"));
        md.append('\n');
    }

    private static void method(StringBuilder md) {
        md.append("## How these figures were made\n\nEach model was judged out of time: fitted on customers as of "
                + "an earlier cut-off, scored on what they did after it, then refitted on the latest period; nothing "
                + "dated after the as-of date was used. A new model serves only when it beats the one in service on "
                + "that later data. Churn probabilities are calibrated; LTV is predicted net spend over the horizon. "
                + "Scores are updated as new transactions arrive.\n");
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }
}
