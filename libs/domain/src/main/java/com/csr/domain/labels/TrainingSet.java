package com.csr.domain.labels;

import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.features.FeatureCalculator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A point-in-time training set: every customer known at a cutoff, with features as of the cutoff and labels from
 * the horizon after it. Building one at T - H uses only data up to T; at T, labels are not known yet, so the
 * scoring set ({@link #scoringSet}) carries features only.
 *
 * @param cutoff  epoch seconds, exclusive
 * @param horizon the label window
 * @param rows    one per customer known at the cutoff
 */
public record TrainingSet(long cutoff, Horizon horizon, List<LabelledCustomer> rows) {

    /** Features at {@code cutoff} and labels in the horizon after it, for every customer known at the cutoff. */
    public static TrainingSet build(Collection<CustomerHistory> histories, long cutoff, Horizon horizon) {
        List<LabelledCustomer> rows = new ArrayList<>();
        for (CustomerHistory history : histories) {
            CustomerFeatures features = FeatureCalculator.asOf(history, cutoff);
            if (features != null) {
                rows.add(new LabelledCustomer(history.customerId(), features,
                        Labels.churned(history, cutoff, horizon), Labels.futureSpend(history, cutoff, horizon)));
            }
        }
        return new TrainingSet(cutoff, horizon, List.copyOf(rows));
    }

    /**
     * Several point-in-time sets stacked: cutoffs {@code lastCutoff}, one step earlier, and so on, {@code origins}
     * in all — more examples of how customers behave, every label still ending by {@code lastCutoff + H}. Earlier
     * cutoffs that leave fewer than {@code minimumCustomers} customers are skipped.
     */
    public static TrainingSet rolling(Collection<CustomerHistory> histories, long lastCutoff, Horizon horizon,
                                      int origins, int stepDays, int minimumCustomers) {
        List<LabelledCustomer> rows = new ArrayList<>(build(histories, lastCutoff, horizon).rows());
        for (int i = 1; i < origins; i++) {
            TrainingSet earlier = build(histories, lastCutoff - i * stepDays * 86_400L, horizon);
            if (earlier.size() < minimumCustomers) {
                break;
            }
            rows.addAll(earlier.rows());
        }
        return new TrainingSet(lastCutoff, horizon, List.copyOf(rows));
    }

    /** Features at {@code cutoff} for every customer known then; labels are unknown and set to 0. */
    public static TrainingSet scoringSet(Collection<CustomerHistory> histories, long cutoff, Horizon horizon) {
        List<LabelledCustomer> rows = new ArrayList<>();
        for (CustomerHistory history : histories) {
            CustomerFeatures features = FeatureCalculator.asOf(history, cutoff);
            if (features != null) {
                rows.add(new LabelledCustomer(history.customerId(), features, 0, 0));
            }
        }
        return new TrainingSet(cutoff, horizon, List.copyOf(rows));
    }

    public int size() {
        return rows.size();
    }

    public double churnRate() {
        return rows.stream().mapToInt(LabelledCustomer::churned).average().orElse(Double.NaN);
    }

    /**
     * The check churn training makes: both outcomes present. Here so a training set can be refused before it is
     * published, by whoever builds it.
     *
     * @param which the cutoff the set is at, as the message should name it
     * @throws IllegalArgumentException when the set is empty or every customer in it churned, or none did
     */
    public void requireBothOutcomes(String which) {
        double rate = churnRate();
        if (size() == 0 || rate == 0 || rate == 1) {
            throw new IllegalArgumentException("cannot learn churn: at " + which + " " + size()
                    + " customers and " + (size() == 0 ? "none" : rate == 0 ? "none churned" : "all churned")
                    + "; the file needs at least two horizons of history before the as-of date");
        }
    }
}
