package com.csr.domain.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.TestFiles;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionCleanerTest {

    private CleanTransactions clean(String fixture, LocalDate asOf, RejectedRowListener listener) {
        try (RowSource rows = TransactionFiles.open(TestFiles.fixture(fixture), ColumnMapping.none())) {
            return new TransactionCleaner(asOf, listener).clean(rows);
        }
    }

    @Test
    void everyRowIsKeptOrRejectedWithOneReason() {
        List<String> rejected = new ArrayList<>();
        CleanTransactions result = clean("tiny.csv", LocalDate.of(2010, 1, 31),
                (row, reason, cells) -> rejected.add(row + ":" + reason.code()));

        QualityReport report = result.report();
        assertThat(report.rowsRead()).isEqualTo(15);
        assertThat(report.rowsKept()).isEqualTo(6);
        assertThat(report.cancellationsKept()).isEqualTo(1);
        assertThat(report.rejected()).containsOnly(
                java.util.Map.entry(RejectReason.UNMATCHED_CANCELLATION, 1L),
                java.util.Map.entry(RejectReason.NON_MERCHANDISE, 1L),
                java.util.Map.entry(RejectReason.MISSING_CUSTOMER, 1L),
                java.util.Map.entry(RejectReason.UNPARSABLE_DATE, 1L),
                java.util.Map.entry(RejectReason.UNPARSABLE_NUMBER, 1L),
                java.util.Map.entry(RejectReason.NON_POSITIVE_PRICE, 1L),
                java.util.Map.entry(RejectReason.DUPLICATE, 1L),
                java.util.Map.entry(RejectReason.ZERO_QUANTITY, 1L),
                java.util.Map.entry(RejectReason.AFTER_AS_OF, 1L));
        assertThat(report.rowsRead()).isEqualTo(report.rowsKept() + report.rejectedTotal());
        assertThat(rejected).containsExactlyInAnyOrder("7:unmatched_cancellation", "8:non_merchandise",
                "9:missing_customer", "10:unparsable_date", "11:unparsable_number", "12:non_positive_price",
                "13:duplicate", "14:zero_quantity", "15:after_as_of");
        assertThat(report.rejectedRevenue().get(RejectReason.NON_MERCHANDISE)).isEqualTo(18.0);
        assertThat(report.keptRevenue()).isEqualTo(10 + 3 + 5 - 5 + 10 + 5);
        assertThat(result.transactions()).extracting(t -> t.customerId()).containsOnly("100", "200");
    }

    @Test
    void theAsOfDateDefaultsToTheLastDateInTheFile() {
        CleanTransactions result = clean("tiny.csv", null, RejectedRowListener.NONE);

        assertThat(result.asOf()).isEqualTo(LocalDate.of(2010, 3, 1));
        assertThat(result.report().rejected()).doesNotContainKey(RejectReason.AFTER_AS_OF);
        assertThat(result.report().rowsKept()).isEqualTo(7);
    }

    @Test
    void aRowDatedInTheFutureOrBefore1970OrWithAnOverlongCustomerIsRejectedAndDoesNotMoveTheClock() {
        String tomorrow = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1) + " 23:00";
        String csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "1001,A,Apple,2,2010-01-01 10:00,5.00,100,United Kingdom\n"
                + "1002,A,Apple,2,2099-01-01 00:00,5.00,100,United Kingdom\n"
                + "1003,A,Apple,2,99999,5.00,100,United Kingdom\n"
                + "1004,A,Apple,2,1960-05-01 00:00,5.00,100,United Kingdom\n"
                + "1005,A,Apple,2,2010-01-02 10:00,5.00," + "7".repeat(1_001) + ",United Kingdom\n"
                + "1006,A,Apple,2," + tomorrow + ",5.00,200,United Kingdom\n";
        List<String> rejected = new ArrayList<>();
        CleanTransactions result;
        try (RowSource rows = TransactionFiles.open(new java.io.ByteArrayInputStream(
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), ColumnMapping.none())) {
            result = new TransactionCleaner(null, (row, reason, cells) -> rejected.add(row + ":" + reason.code()))
                    .clean(rows);
        }

        assertThat(rejected).containsExactly("2:implausible_date", "3:implausible_date", "4:implausible_date",
                "5:overlong_customer");
        assertThat(result.report().rowsKept()).as("2010 and tomorrow, any time zone's today").isEqualTo(2);
        assertThat(result.asOf()).isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1));
    }
}
