package com.csr.domain.report;

import static com.csr.domain.report.Figures.count;
import static com.csr.domain.report.Figures.decimal;
import static com.csr.domain.report.Figures.money;
import static com.csr.domain.report.Figures.percent;

/**
 * The passages both strategic reports write the same way, the batch run's ({@code pipeline.StrategicReport}) and the live
 * portfolio's (the gateway's), from whichever figures each holds.
 */
public final class ReportSections {

    /** The header of the at-risk table {@link #atRiskRow} fills. */
    public static final String AT_RISK_TABLE = "| customer | persona | churn | LTV | expected loss |\n"
            + "|---|---|---:|---:|---:|\n";

    private ReportSections() {
    }

    /** "Value at risk": the predicted spend over the horizon and how much of it churn is expected to take. */
    public static void valueAtRisk(StringBuilder md, double predictedLtv, double expectedLoss, String currency) {
        md.append("## Value at risk\n\nPredicted spend over the horizon: ").append(money(predictedLtv, currency))
                .append(". Expected to be lost to churn (P(churn) × LTV): **").append(money(expectedLoss, currency))
                .append("** (").append(percent(predictedLtv == 0 ? 0 : expectedLoss / predictedLtv))
                .append(").\n\n");
    }

    /** One customer of the at-risk table; the customer id and persona name are shown as text ({@link MarkdownText}). */
    public static void atRiskRow(StringBuilder md, String customerId, String persona, double churnProbability,
                                 double predictedLtv, double expectedLoss, String currency) {
        md.append("| ").append(MarkdownText.of(customerId)).append(" | ").append(MarkdownText.of(persona)).append(" | ")
                .append(percent(churnProbability)).append(" | ").append(money(predictedLtv, currency))
                .append(" | ").append(money(expectedLoss, currency)).append(" |\n");
    }

    /** "Retention plan": what the budget buys and how customers are picked. */
    public static void planHeadline(StringBuilder md, double budget, long selected, double cost,
                                    double expectedRevenueSaved, String currency) {
        md.append("## Retention plan\n\nBudget ").append(money(budget, currency)).append(": ")
                .append(count(selected)).append(" customers targeted for ").append(money(cost, currency))
                .append(", expected to keep **").append(money(expectedRevenueSaved, currency)).append("** of revenue");
        if (cost > 0) {
            md.append(" (").append(decimal(expectedRevenueSaved / cost, 1)).append("× the spend)");
        }
        md.append(". Customers are picked by expected net value per unit of cost; an action is only taken where it "
                + "is expected to pay for itself.\n\n");
    }
}
