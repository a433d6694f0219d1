package com.csr.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.domain.cleaning.CleanTransactions;
import com.csr.domain.cleaning.RejectReason;
import com.csr.domain.cleaning.RejectedRowListener;
import com.csr.domain.cleaning.TransactionCleaner;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TimestampParser;
import com.csr.domain.transactions.TransactionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated exports read back by the platform: exact accounting, every kind of mess, replayable from the seed. */
class ExportGeneratorTest {

    private static final ExportSpec SMALL = new ExportSpec(300, 1, 42, ExportSpec.DEFAULT_AS_OF);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"csv", "csv.gz", "xlsx"})
    void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherFile(String format) throws IOException {
        Path first = dir.resolve("first." + format);
        Path again = dir.resolve("again." + format);
        Path other = dir.resolve("other." + format);
        ExportGenerator.generate(SMALL, first);
        ExportGenerator.generate(SMALL, again);
        ExportGenerator.generate(new ExportSpec(300, 1, 43, ExportSpec.DEFAULT_AS_OF), other);

        assertThat(Files.mismatch(first, again)).isEqualTo(-1);
        assertThat(Files.mismatch(first, other)).isNotEqualTo(-1);
    }

    @Test
    void aMidSizeExportHoldsEveryKindOfMessAndCleaningCountsEachExactly() {
        Path file = dir.resolve("mid.csv.gz");
        ExportAccounting accounting = ExportGenerator.generate(new ExportSpec(3_000, 1, 7, ExportSpec.DEFAULT_AS_OF),
                file);
        CleanTransactions clean = ExportReadBack.clean(file);

        for (RejectReason reason : RejectReason.values()) {
            // rows after the as-of date, dated in the future or with kilobyte customer ids are not mess a shop's own
            // export has: hostile input, which the cleaning tests give it
            if (!java.util.EnumSet.of(RejectReason.AFTER_AS_OF, RejectReason.IMPLAUSIBLE_DATE,
                    RejectReason.OVERLONG_CUSTOMER).contains(reason)) {
                assertThat(accounting.rejected().get(reason)).as(reason.code()).isPositive();
            }
            assertThat(clean.report().rejected().getOrDefault(reason, 0L)).as(reason.code())
                    .isEqualTo(accounting.rejected().get(reason));
        }
        assertThat(accounting.cancellationsKept()).isPositive().isEqualTo(clean.report().cancellationsKept());
        assertThat(accounting.rowsKept()).isEqualTo(clean.report().rowsKept());
        assertThat(accounting.rows()).isEqualTo(clean.report().rowsRead())
                .isEqualTo(accounting.rowsKept() + accounting.rejectedTotal());
    }

    @Test
    void rowsAreInTimeOrderAndEachInvoiceIsOneRunOfRows() {
        Path file = dir.resolve("order.csv");
        ExportGenerator.generate(SMALL, file);

        TimestampParser dates = new TimestampParser();
        long latest = Long.MIN_VALUE;
        Set<String> finished = new HashSet<>();
        String current = null;
        for (String[] row : ExportReadBack.rows(file)) {
            if (row.length == 8) {
                long time = dates.parse(row[4]);
                if (time != TimestampParser.INVALID) {
                    assertThat(time).isGreaterThanOrEqualTo(latest);
                    latest = time;
                }
            }
            if (!row[0].equals(current)) {
                assertThat(finished.add(row[0])).as("invoice %s seen again", row[0]).isTrue();
                current = row[0];
            }
        }
        assertThat(finished).hasSizeGreaterThan(1_000);
    }

    @Test
    void anExportIsShapedLikeOnlineRetail() {
        Path file = dir.resolve("shape.csv");
        ExportAccounting accounting = ExportGenerator.generate(
                new ExportSpec(1_000, 2, 3, ExportSpec.DEFAULT_AS_OF), file);
        List<String[]> rows = ExportReadBack.rows(file);
        Set<String> invoices = new HashSet<>();
        Set<String> guestInvoices = new HashSet<>();
        long abroad = 0;
        for (String[] row : rows) {
            invoices.add(row[0]);
            if (row.length == 8 && row[6].isEmpty()) {
                guestInvoices.add(row[0]);
            }
            if (row.length == 8 && !row[7].equals("United Kingdom")) {
                abroad++;
            }
        }

        // the calibration: 60,000 customers over 2 years make about 9.6 million rows
        assertThat(accounting.rows() / 1_000.0).isBetween(140.0, 180.0);
        assertThat(rows.size() / (double) invoices.size()).isBetween(17.0, 23.0);
        assertThat(guestInvoices.size() / (double) invoices.size()).isBetween(0.15, 0.25);
        assertThat(abroad / (double) rows.size()).isBetween(0.05, 0.15);
        assertThat(accounting.firstTime().toLocalDate()).isEqualTo(new ExportSpec(1_000, 2, 3,
                ExportSpec.DEFAULT_AS_OF).firstDay());
        assertThat(accounting.lastTime().toLocalDate()).isBeforeOrEqualTo(ExportSpec.DEFAULT_AS_OF);
    }

    @Test
    void theExportEndsOnTheAsOfDate() {
        LocalDate asOf = LocalDate.of(2021, 3, 31);
        Path file = dir.resolve("as-of.csv");
        ExportAccounting accounting = ExportGenerator.generate(new ExportSpec(200, 1, 5, asOf), file);

        assertThat(accounting.firstTime().toLocalDate()).isAfterOrEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(accounting.lastTime().toLocalDate()).isBeforeOrEqualTo(asOf).isAfter(asOf.minusDays(14));
        try (RowSource rows = TransactionFiles.open(file, ColumnMapping.parse(null))) {
            CleanTransactions clean = new TransactionCleaner(asOf, RejectedRowListener.NONE).clean(rows);
            assertThat(clean.report().rejected()).doesNotContainKey(RejectReason.AFTER_AS_OF);
            assertThat(clean.report().rowsKept()).isEqualTo(accounting.rowsKept());
        }
    }

    @Test
    void anXlsxExportOverTheRowLimitIsRefusedAndLeavesNoFile() throws IOException {
        Path file = dir.resolve("big.xlsx");

        assertThatThrownBy(() -> ExportGenerator.generate(new ExportSpec(20_000, 1, 1, ExportSpec.DEFAULT_AS_OF),
                file)).isInstanceOf(ExportTooLargeException.class).hasMessageContaining("1,048,575 rows");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
