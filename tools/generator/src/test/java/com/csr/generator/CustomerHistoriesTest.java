package com.csr.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.TestFiles;
import com.csr.domain.cleaning.CleanTransactions;
import com.csr.domain.cleaning.FileCleaner;
import com.csr.domain.cleaning.RejectedRowListener;
import com.csr.domain.cleaning.TransactionCleaner;
import com.csr.domain.features.CustomerHistories;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * (Here, beside the generator, so the mess of every kind it writes is covered.)
 *
 * <p>The batch run's streaming build: cleaning a file straight into per-customer histories gives the same accounting
 * and the same histories, customer for customer, array for array, in the same order, as cleaning it into a list of
 * transactions and grouping them ({@link CustomerHistory#byCustomer}).
 */
class CustomerHistoriesTest {

    @TempDir
    static Path dir;

    @Test
    void theSampleGivesTheSameHistoriesAsGroupingItsTransactions() {
        assertSameAsTheListPath(TestFiles.onlineRetailSample());
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 8})
    void aGeneratedExportWithEveryKindOfMessGivesTheSameHistories(int seed) {
        Path file = dir.resolve("export-" + seed + ".csv");
        ExportGenerator.generate(new ExportSpec(1_500, 2, seed, ExportSpec.DEFAULT_AS_OF), file);
        assertSameAsTheListPath(file);
    }

    private static void assertSameAsTheListPath(Path file) {
        CleanTransactions list;
        try (RowSource rows = TransactionFiles.open(file, ColumnMapping.none())) {
            list = new TransactionCleaner(null, RejectedRowListener.NONE).clean(rows);
        }
        CustomerHistories streamed = new CustomerHistories();
        FileCleaner.Outcome outcome;
        try (RowSource rows = TransactionFiles.open(file, ColumnMapping.none())) {
            outcome = new TransactionCleaner(null, RejectedRowListener.NONE).clean(rows, streamed);
        }

        assertThat(outcome.asOf()).isEqualTo(list.asOf());
        assertThat(outcome.report().rowsRead()).isEqualTo(list.report().rowsRead());
        assertThat(outcome.report().rowsKept()).isEqualTo(list.report().rowsKept());
        assertThat(outcome.report().cancellationsKept()).isEqualTo(list.report().cancellationsKept());
        assertThat(outcome.report().keptRevenue()).isEqualTo(list.report().keptRevenue());
        assertThat(outcome.report().rejected()).isEqualTo(list.report().rejected());
        assertThat(outcome.report().rejectedRevenue()).isEqualTo(list.report().rejectedRevenue());

        Map<String, CustomerHistory> expected = CustomerHistory.byCustomer(list.transactions());
        Map<String, CustomerHistory> actual = streamed.histories();
        assertThat(List.copyOf(actual.keySet())).containsExactlyElementsOf(expected.keySet());
        assertThat(list.report().cancellationsKept()).isPositive();
        for (CustomerHistory history : expected.values()) {
            CustomerHistory.Parts want = history.parts();
            CustomerHistory.Parts got = actual.get(history.customerId()).parts();
            assertThat(got.purchaseTimes()).as(want.customerId()).containsExactly(want.purchaseTimes());
            assertThat(got.purchaseValues()).as(want.customerId()).containsExactly(want.purchaseValues());
            assertThat(got.returnTimes()).as(want.customerId()).containsExactly(want.returnTimes());
            assertThat(got.returnValues()).as(want.customerId()).containsExactly(want.returnValues());
            assertThat(got.firstProductPurchaseTimes()).as(want.customerId())
                    .containsExactly(want.firstProductPurchaseTimes());
        }
    }
}
