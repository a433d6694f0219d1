package com.csr.domain.training;

import com.csr.domain.features.CustomerHistory;
import com.csr.domain.features.RepeatPurchaseSummary;
import com.csr.domain.features.RepeatPurchases;
import com.csr.domain.labels.Horizon;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.labels.TrainingSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the models are trained and judged on, cut from customer histories at three points in time. With T the
 * end of the as-of date and H the horizon: {@code earlier} holds customers at T - 2H (labels up to T - H), stacked
 * with cutoffs a month and two months before; {@code later} customers at T - H (labels up to T), the validation
 * set; {@code latest} the same stacked like {@code earlier}, what final models are fitted on; {@code scoring}
 * customers at T, no labels. {@code validationSummaries} are the BTYD summaries of the validation customers at T - H.
 *
 * <p>The batch pipeline and the feature service build it with this one function.
 */
public record TrainingData(LocalDate asOf, Horizon horizon, TrainingSet earlier, TrainingSet later,
                           TrainingSet latest, TrainingSet scoring, List<RepeatPurchaseSummary> validationSummaries) {

    /** Training stacks this many cutoffs, a month apart: more examples, labels still ending on time. */
    static final int ORIGINS = 3;
    static final int ORIGIN_STEP_DAYS = 30;
    static final int MIN_CUSTOMERS_PER_ORIGIN = 200;

    /** Cuts the histories; nothing dated after the as-of date may be in them (the cleaner sees to that). */
    public static TrainingData build(Collection<CustomerHistory> histories, LocalDate asOf, Horizon horizon) {
        long scoringCutoff = asOf.plusDays(1).toEpochDay() * 86_400L;
        long validationCutoff = scoringCutoff - horizon.seconds();
        long fitCutoff = validationCutoff - horizon.seconds();
        TrainingSet later = TrainingSet.build(histories, validationCutoff, horizon);
        Map<String, CustomerHistory> byId = histories.stream()
                .collect(Collectors.toMap(CustomerHistory::customerId, Function.identity()));
        List<RepeatPurchaseSummary> summaries = new ArrayList<>(later.size());
        for (LabelledCustomer row : later.rows()) {
            summaries.add(RepeatPurchases.asOf(byId.get(row.customerId()), validationCutoff, 1.0));
        }
        return new TrainingData(asOf, horizon,
                TrainingSet.rolling(histories, fitCutoff, horizon, ORIGINS, ORIGIN_STEP_DAYS, MIN_CUSTOMERS_PER_ORIGIN),
                later,
                TrainingSet.rolling(histories, validationCutoff, horizon, ORIGINS, ORIGIN_STEP_DAYS,
                        MIN_CUSTOMERS_PER_ORIGIN),
                TrainingSet.scoringSet(histories, scoringCutoff, horizon), List.copyOf(summaries));
    }

    /** The last known day of the fit cutoff (T - 2H). */
    public LocalDate validationFitDate() {
        return asOf.minusDays(2L * horizon.days());
    }

    /** The last known day of the validation cutoff (T - H). */
    public LocalDate validationDate() {
        return asOf.minusDays(horizon.days());
    }
}
