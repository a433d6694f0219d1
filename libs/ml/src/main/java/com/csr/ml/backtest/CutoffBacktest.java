package com.csr.ml.backtest;

import com.csr.domain.metrics.ChurnMetrics;
import com.csr.domain.metrics.PairedComparison;
import com.csr.domain.metrics.SpendMetrics;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One past cutoff judged: every customer known at the end of {@code cutoff}, scored by each system, against what
 * they did in the horizon after it.
 *
 * @param cutoff          the last known day; models saw nothing after it
 * @param horizonDays     the days judged after it
 * @param customers       customers known at the cutoff
 * @param churnRate       share of them who bought nothing in the horizon
 * @param actualSpend     what they spent in it, net of returns
 * @param churn           churn figures of each system that ranks churn (the rules' probabilities are only ranks)
 * @param spend           spend figures of each system that predicts spend
 * @param comparisons     the platform against each rule, paired on the same customers
 * @param baselineFailure why the BG/NBD + Gamma-Gamma model could not be fitted at this cutoff, or null
 */
public record CutoffBacktest(LocalDate cutoff, int horizonDays, int customers, double churnRate, double actualSpend,
                             Map<Yardstick, ChurnMetrics> churn, Map<Yardstick, SpendMetrics> spend,
                             List<Comparison> comparisons, String baselineFailure) {

    /**
     * @param against    the rule the platform is compared with
     * @param figure     {@code roc_auc}, {@code spearman} or {@code normalized_gini}
     * @param difference the platform's figure minus the rule's, with its standard error
     */
    public record Comparison(Yardstick against, String figure, PairedComparison.Difference difference) {
    }
}
