package com.csr.domain.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.TestFiles;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The accounting identity on the real Online Retail II sample. */
class OnlineRetailSampleTest {

    @Test
    void rowsReadEqualRowsKeptPlusRejected() {
        AtomicLong listened = new AtomicLong();
        CleanTransactions result;
        try (RowSource rows = TransactionFiles.open(TestFiles.onlineRetailSample(), ColumnMapping.none())) {
            result = new TransactionCleaner(null, (row, reason, cells) -> listened.incrementAndGet()).clean(rows);
        }
        QualityReport report = result.report();

        assertThat(report.rowsRead()).isEqualTo(525_461);
        assertThat(report.rowsKept() + report.rejectedTotal()).isEqualTo(report.rowsRead());
        assertThat(listened.get()).isEqualTo(report.rejectedTotal());
        assertThat(result.transactions()).hasSize((int) report.rowsKept());
        // about a fifth of the lines carry no customer id; most of the rest are kept
        assertThat(report.rejected().get(RejectReason.MISSING_CUSTOMER)).isBetween(100_000L, 110_000L);
        assertThat(report.rowsKept()).isBetween(390_000L, 420_000L);
        assertThat(report.rejected()).containsKeys(RejectReason.DUPLICATE, RejectReason.NON_MERCHANDISE,
                RejectReason.UNMATCHED_CANCELLATION);
        assertThat(result.asOf()).hasToString("2010-12-09");
        System.out.println(report.rejected() + " kept=" + report.rowsKept() + " cancellations="
                + report.cancellationsKept() + " revenue=" + report.keptRevenue());
    }
}
