package com.csr.ml.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.SampleData;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.transactions.Transaction;
import com.csr.ml.tribuo.Seeds;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A backtest on the sample: honest (nothing after the cutoff counts) and telling (the models beat simple rules). */
class BacktestTest {

    private static final LocalDate CUTOFF = LocalDate.of(2010, 9, 9);

    @Test
    void whatCameAfterTheCutoffChangesNoPrediction() {
        SampleData sample = SampleData.get();
        long end = CUTOFF.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        List<Transaction> known = sample.clean.transactions().stream().filter(t -> t.epochSecond() < end).toList();
        Map<String, CustomerHistory> cut = CustomerHistory.byCustomer(known);
        Backtest backtest = new Backtest(Seeds.DEFAULT, 20);

        Backtest.Scores whole = backtest.score(sample.histories.values(), CUTOFF, SampleData.HORIZON);
        Backtest.Scores before = backtest.score(cut.values(), CUTOFF, SampleData.HORIZON);

        assertThat(whole.judged().size()).isEqualTo(cut.size()).isLessThan(sample.histories.size());
        for (Yardstick system : Yardstick.values()) {
            if (system.ranksChurn()) {
                assertThat(byCustomer(whole, whole.churn().get(system)))
                        .as(system + " churn").isEqualTo(byCustomer(before, before.churn().get(system)));
            }
            if (system.predictsSpend()) {
                assertThat(byCustomer(whole, whole.spend().get(system)))
                        .as(system + " spend").isEqualTo(byCustomer(before, before.spend().get(system)));
            }
        }
    }

    @Test
    void onTheSampleThePlatformRanksBetterThanTheSimpleRulesBySeveralStandardErrors() {
        SampleData sample = SampleData.get();
        CutoffBacktest r = new Backtest(Seeds.DEFAULT, 100).at(sample.histories.values(), CUTOFF,
                SampleData.HORIZON);

        assertThat(r.baselineFailure()).isNull();
        assertThat(r.customers()).isGreaterThan(3_000);
        assertThat(r.churnRate()).isBetween(0.3, 0.6);
        assertThat(r.churn().keySet()).containsExactlyInAnyOrder(Yardstick.PLATFORM, Yardstick.BG_NBD,
                Yardstick.RECENCY);
        assertThat(r.spend().keySet()).containsExactlyInAnyOrder(Yardstick.PLATFORM, Yardstick.BG_NBD,
                Yardstick.LAST_90_DAY_SPEND);
        assertThat(r.comparisons()).hasSize(6);
        for (CutoffBacktest.Comparison c : r.comparisons()) {
            assertThat(c.difference().standardError()).as(c.toString()).isBetween(0.001, 0.05);
            if (c.against() != Yardstick.BG_NBD) {
                assertThat(c.difference().value() / c.difference().standardError()).as(c.toString())
                        .isGreaterThan(3);
            }
        }
        double auc = r.churn().get(Yardstick.PLATFORM).rocAuc();
        assertThat(auc).isGreaterThan(r.churn().get(Yardstick.RECENCY).rocAuc());
        assertThat(r.spend().get(Yardstick.PLATFORM).totalRatio()).isBetween(0.3, 3.0);
    }

    private static Map<String, Double> byCustomer(Backtest.Scores scores, double[] values) {
        Map<String, Double> map = new HashMap<>();
        List<LabelledCustomer> rows = scores.judged().rows();
        for (int i = 0; i < rows.size(); i++) {
            map.put(rows.get(i).customerId(), values[i]);
        }
        return map;
    }
}
