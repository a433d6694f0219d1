package com.csr.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.csr.domain.TestFiles;
import com.csr.domain.cleaning.CleanTransactions;
import com.csr.domain.cleaning.RejectedRowListener;
import com.csr.domain.cleaning.TransactionCleaner;
import com.csr.domain.labels.Horizon;
import com.csr.domain.labels.Labels;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Features and labels of the tiny fixture, computed by hand. */
class FeatureCalculatorTest {

    private static final long FEB_1 = LocalDate.of(2010, 2, 1).toEpochDay() * 86_400L;
    private static Map<String, CustomerHistory> histories;

    @BeforeAll
    static void load() {
        try (RowSource rows = TransactionFiles.open(TestFiles.fixture("tiny.csv"), ColumnMapping.none())) {
            CleanTransactions clean = new TransactionCleaner(null, RejectedRowListener.NONE).clean(rows);
            histories = CustomerHistory.byCustomer(clean.transactions());
        }
    }

    @Test
    void featuresOfARepeatCustomer() {
        // customer 100 before Feb 1: invoices of 13 (Jan 1 10:00), 5 (Jan 11 09:00), 10 (Jan 31 10:00);
        // a return of 5 on Jan 12; products A, B, C
        CustomerFeatures f = FeatureCalculator.asOf(histories.get("100"), FEB_1);

        assertThat(f.recencyDays()).isCloseTo(14.0 / 24, within(1e-9));
        assertThat(f.frequency()).isEqualTo(3);
        assertThat(f.monetary()).isCloseTo(23.0, within(1e-9));
        assertThat(f.avgBasketValue()).isCloseTo(23.0 / 3, within(1e-9));
        assertThat(f.uniqueProducts()).isEqualTo(3);
        assertThat(f.purchaseSpanDays()).isCloseTo(30.0, within(1e-9));
        assertThat(f.avgInterpurchaseDays()).isCloseTo(15.0, within(1e-9));
        assertThat(f.tenureDays()).isCloseTo(31 - 10.0 / 24, within(1e-9));
        assertThat(f.returnRate()).isCloseTo(5.0 / 28, within(1e-9));
        assertThat(f.spend30d()).isCloseTo(5 + 10 - 5, within(1e-9));
        assertThat(f.purchases30d()).isEqualTo(2);
        assertThat(f.spend90d()).isCloseTo(23.0, within(1e-9));
        assertThat(f.purchases90d()).isEqualTo(3);
        assertThat(f.spendTrend()).isEqualTo(1.0);
    }

    @Test
    void featuresOfAOneTimeBuyer() {
        CustomerFeatures f = FeatureCalculator.asOf(histories.get("200"), FEB_1);

        assertThat(f.frequency()).isEqualTo(1);
        assertThat(f.monetary()).isEqualTo(5.0);
        assertThat(f.avgInterpurchaseDays()).isZero();
        assertThat(f.purchaseSpanDays()).isZero();
        assertThat(f.recencyDays()).isCloseTo(26 + 14.0 / 24, within(1e-9));
        assertThat(f.returnRate()).isZero();
    }

    @Test
    void onlyTheHistoryBeforeTheCutoffCounts() {
        long jan11 = LocalDate.of(2010, 1, 11).toEpochDay() * 86_400L;
        assertThat(FeatureCalculator.asOf(histories.get("100"), jan11).frequency()).isEqualTo(1);
        assertThat(FeatureCalculator.asOf(histories.get("100"), LocalDate.of(2010, 1, 1).toEpochDay() * 86_400L))
                .isNull();
    }

    @Test
    void labelsLookAtTheHorizonAfterTheCutoff() {
        CustomerHistory customer = histories.get("100");
        // the next purchase (5.00) is on Mar 1 10:00, 28 days and 10 hours after Feb 1
        assertThat(Labels.churned(customer, FEB_1, new Horizon(30))).isZero();
        assertThat(Labels.futureSpend(customer, FEB_1, new Horizon(30))).isEqualTo(5.0);
        assertThat(Labels.churned(customer, FEB_1, new Horizon(28))).isOne();
        assertThat(Labels.futureSpend(customer, FEB_1, new Horizon(28))).isZero();
        assertThat(Labels.churned(histories.get("200"), FEB_1, new Horizon(90))).isOne();
    }
}
