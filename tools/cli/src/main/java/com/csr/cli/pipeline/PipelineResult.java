package com.csr.cli.pipeline;

import com.csr.domain.cleaning.QualityReport;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.plan.RetentionPlan;
import com.csr.ml.churn.ChurnSelection;
import com.csr.ml.ltv.LtvSelection;
import com.csr.ml.segment.SegmentTraining;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a training run produced.
 *
 * @param config         what was asked
 * @param quality        the cleaning accounting
 * @param asOf           the as-of date used
 * @param validationFit  the earlier cutoff's last known date (T - 2H): validation models are fitted there
 * @param validation     the later cutoff's last known date (T - H): validation is judged there, final models fit
 * @param customerIds    customers known at the as-of date, in output order
 * @param features       their features as of the as-of date, same order
 * @param segments       the segmentation
 * @param churn          the churn model choice
 * @param ltv            the lifetime-value model
 * @param plan           the retention plan over all customers
 * @param timingsMs      milliseconds per stage, in run order
 */
public record PipelineResult(PipelineConfig config, QualityReport quality, LocalDate asOf, LocalDate validationFit,
                             LocalDate validation, List<String> customerIds, List<CustomerFeatures> features,
                             SegmentTraining segments, ChurnSelection churn, LtvSelection ltv, RetentionPlan plan,
                             Map<String, Long> timingsMs) {
}
