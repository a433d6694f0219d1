package com.csr.ml.ltv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.csr.domain.TestFiles;
import com.csr.domain.cleaning.CleanTransactions;
import com.csr.domain.cleaning.QualityReport;
import com.csr.domain.cleaning.RejectReason;
import com.csr.domain.cleaning.TransactionCleaner;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.features.RepeatPurchaseSummary;
import com.csr.domain.features.RepeatPurchases;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.Field;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import com.csr.ml.ltv.btyd.BgNbdModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The raw CDNOW benchmark files read through explicit column mappings and the production cleaner, end to end. */
class CdnowColumnMappingTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    /** 1997-10-01 00:00 UTC: everything of the 39-week calibration period is strictly before it. */
    private static final long CUTOFF = LocalDate.of(1997, 10, 1).toEpochDay() * 86_400L;
    private static final ColumnMapping SAMPLE_COLUMNS = ColumnMapping.parse("customer=1,date=3,quantity=4,amount=5");
    private static final ColumnMapping MASTER_COLUMNS =
            ColumnMapping.parse("customer=customer_id,date=date,quantity=number_of_cds,amount=dollar_value");

    private static CleanTransactions sample;
    private static List<String> sampleRejections;

    @BeforeAll
    static void loadSample() {
        sampleRejections = new ArrayList<>();
        try (RowSource rows = TransactionFiles.open(TestFiles.cdnow("CDNOW_sample.txt"), SAMPLE_COLUMNS)) {
            assertThat(rows.layout().hasHeader()).isFalse();
            sample = new TransactionCleaner(CALIBRATION_END, (row, reason, cells) ->
                    sampleRejections.add(reason.code() + ":" + String.join(" ", cells))).clean(rows);
        }
    }

    @Test
    void sampleLoadAccountsForEveryLineOfTheFile() {
        QualityReport report = sample.report();

        // wc -l CDNOW_sample.txt = 6919, no header, no blank lines
        assertThat(report.rowsRead()).isEqualTo(6_919);
        assertThat(report.rowsKept() + report.rejectedTotal()).isEqualTo(report.rowsRead());
        assertThat(sampleRejections).hasSize((int) report.rejectedTotal());
        // 1,959 lines after 1997-09-30; 8 first purchases worth $0.00; 9 lines identical to an earlier
        // calibration-period line (same customer, day, CDs and value: CDNOW has no order ids to tell them apart)
        assertThat(report.rejected()).containsOnly(
                entry(RejectReason.AFTER_AS_OF, 1_959L),
                entry(RejectReason.NON_POSITIVE_PRICE, 8L),
                entry(RejectReason.DUPLICATE, 9L));
        assertThat(report.rowsKept()).isEqualTo(6_919 - 1_959 - 8 - 9);
        assertThat(sampleRejections).contains(
                "non_positive_price:01101 0087 19970105 1 0.00",
                "duplicate:01668 0147 19970731 1 9.77");
        assertThat(sample.transactions()).allSatisfy(t -> {
            assertThat(t.epochSecond()).isLessThan(CUTOFF);
            assertThat(t.cancellation()).isFalse();
        });
    }

    @Test
    void sampleCustomerIdsKeepTheirLeadingZeros() {
        assertThat(sample.transactions().get(0).customerId()).isEqualTo("00004");
        assertThat(sample.transactions().get(0).amount()).isEqualTo(29.33);
        assertThat(sample.transactions().get(0).quantity()).isEqualTo(2);
    }

    @Test
    void bgNbdFitThroughTheCleanerReproducesPublishedParameters() {
        Map<String, CustomerHistory> histories = CustomerHistory.byCustomer(sample.transactions());
        List<RepeatPurchaseSummary> customers = histories.values().stream()
                .map(history -> RepeatPurchases.asOf(history, CUTOFF, 7.0))
                .filter(Objects::nonNull)
                .toList();

        BgNbdModel model = BgNbdModel.fit(customers);
        System.out.printf("BG/NBD from CDNOW_sample.txt via column mapping: %d customers, %s%n",
                customers.size(), model);

        // the published summary has 2,357 customers; the 8 whose only calibration purchase is $0.00 are rejected
        assertThat(customers).hasSize(2_357 - 8);
        assertThat(model.r()).isCloseTo(0.243, withinPercentage(1));
        assertThat(model.alpha()).isCloseTo(4.414, withinPercentage(1));
        assertThat(model.a()).isCloseTo(0.793, withinPercentage(1));
        assertThat(model.b()).isCloseTo(2.426, withinPercentage(1));
    }

    @Test
    void masterFileResolvesNamedColumnsAndHolds23570Customers() {
        Set<String> customersInFile = new HashSet<>();
        CleanTransactions master;
        try (RowSource rows = TransactionFiles.open(TestFiles.cdnow("CDNOW_master.txt"), MASTER_COLUMNS)) {
            assertThat(rows.layout().hasHeader()).isTrue();
            assertThat(rows.layout().indexOf(Field.CUSTOMER)).isZero();
            assertThat(rows.layout().indexOf(Field.AMOUNT)).isEqualTo(3);
            master = new TransactionCleaner(null, (row, reason, cells) -> customersInFile.add(cells[0]))
                    .clean(rows);
        }
        master.transactions().forEach(t -> customersInFile.add(t.customerId()));
        QualityReport report = master.report();
        Map<String, CustomerHistory> histories = CustomerHistory.byCustomer(master.transactions());
        System.out.printf("CDNOW_master.txt: %s kept=%d customers in file=%d, with clean purchases=%d%n",
                report.rejected(), report.rowsKept(), customersInFile.size(), histories.size());

        // wc -l = 69,660 lines: the header and 69,659 purchases
        assertThat(report.rowsRead()).isEqualTo(69_659);
        assertThat(report.rowsKept() + report.rejectedTotal()).isEqualTo(report.rowsRead());
        assertThat(master.asOf()).isEqualTo(LocalDate.of(1998, 6, 30));
        assertThat(customersInFile).hasSize(23_570);
        // 68 customers bought only $0.00 orders, which the cleaner rejects as non-positive amounts
        assertThat(histories).hasSize(23_570 - 68);
    }
}
