package com.csr.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.RawRow;
import com.csr.contracts.events.RejectedRow;
import com.csr.domain.transactions.FileLimits;
import com.csr.ingest.files.FileStateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offsets move on past open files, each commit says where its partition's open files start, and a partition taken
 * up again is read from where its state was applied — or, without state, from where the commit says.
 */
class FilesInProgressTest {

    @TempDir
    Path directory;
    private FileStateStore store;
    private final Published published = new Published();

    /** What went out. */
    private static final class Published implements FilesInProgress.Output {
        final List<CleanTransaction> clean = new ArrayList<>();
        final List<IngestReport> reports = new ArrayList<>();

        @Override
        public void clean(CleanTransaction transaction) {
            clean.add(transaction);
        }

        @Override
        public void rejected(RejectedRow row) {
        }

        @Override
        public void report(IngestReport report) {
            reports.add(report);
        }
    }

    @BeforeEach
    void open() {
        store = FileStateStore.open(directory.resolve("state"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private FilesInProgress files() {
        return new FilesInProgress(store, new ReportView(), published, 10_000,
                FileLimits.defaults().with(FileLimits.Limit.ROWS, 5).with(FileLimits.Limit.CELL, 50));
    }

    private static RawRow row(String file, long n) {
        return RawRow.row("t1", file, n, Map.of("Customer ID", "c" + n, "InvoiceDate", "2010-01-0" + n + " 10:00",
                "Invoice", "i" + n, "StockCode", "85123A", "Quantity", "1", "Price", "2"));
    }

    @Test
    void offsetsMoveOnPastAnOpenFileAndTheCommitSaysWhereItStarts() {
        FilesInProgress files = files();
        files.assigned(0, OptionalLong.empty(), null);
        files.take(0, 10, RawRow.start("t1", "a", null, null), 100);
        files.take(0, 11, row("a", 1), 100);
        files.take(0, 12, RawRow.start("t1", "b", null, null), 100);
        files.take(0, 13, row("b", 1), 100);
        files.take(0, 14, RawRow.end("t1", "b", 1, null, null), 100);

        assertThat(files.offsetsToCommit()).containsEntry(0, new FilesInProgress.Commit(15, "rebuild-from=10"));
        assertThat(files.committed()).extracting(IngestReport::fileId).containsExactly("b");
        assertThat(published.reports).extracting(IngestReport::fileId).containsExactly("b");
        assertThat(files.filesInProgress()).isEqualTo(1);
    }

    @Test
    void aPartitionTakenUpAgainIsReadFromWhereItsStateWasAppliedOrRebuiltFromTheCommit() {
        FilesInProgress files = files();
        files.assigned(0, OptionalLong.empty(), null);
        files.take(0, 0, RawRow.start("t1", "a", null, null), 100);
        files.take(0, 1, row("a", 1), 100);
        files.offsetsToCommit();
        files.committed();

        FilesInProgress again = files();
        assertThat(again.assigned(0, OptionalLong.of(2), "rebuild-from=0")).as("state applied up to 2").isEqualTo(2);
        assertThat(again.filesInProgress()).isEqualTo(1);
        assertThat(again.assigned(0, OptionalLong.of(5), "rebuild-from=0"))
                .as("another instance read on to 5: its records are read again from 2").isEqualTo(2);
        store.wipe(0);
        assertThat(again.assigned(0, OptionalLong.of(5), "rebuild-from=1")).as("no state: from the commit's metadata")
                .isEqualTo(1);
    }

    @Test
    void recordsBelowTheCommittedOffsetRebuildAFileWithoutPublishingItAgain() {
        FilesInProgress files = files();
        files.assigned(0, OptionalLong.of(3), "rebuild-from=0");
        files.take(0, 0, RawRow.start("t1", "a", null, null), 100);
        files.take(0, 1, row("a", 1), 100);
        files.take(0, 2, row("a", 2), 100);
        assertThat(published.clean).as("rebuilt, not published again").isEmpty();
        files.take(0, 3, row("a", 3), 100);
        files.take(0, 4, RawRow.end("t1", "a", 3, null, null), 100);
        files.offsetsToCommit();

        assertThat(published.reports).singleElement().satisfies(report -> {
            assertThat(report.rejected()).isEmpty();
            assertThat(report.rowsRead()).isEqualTo(3);
            assertThat(report.rowsKept()).isEqualTo(3);
        });
        assertThat(published.clean).extracting(CleanTransaction::transactionId).containsExactly("i3#1");
    }

    @Test
    void aRowTooLargeToPublishEndsItsFileAsFailedNamingTheRowAndOthersGoOn() {
        FilesInProgress files = files();
        files.assigned(0, OptionalLong.empty(), null);
        files.take(0, 0, RawRow.start("t1", "a", null, null), 100);
        files.take(0, 1, row("a", 1), 100);
        files.take(0, 2, row("a", 2), 20_000);
        files.take(0, 3, row("a", 3), 100);
        files.take(0, 4, RawRow.start("t1", "b", null, null), 100);
        files.take(0, 5, row("b", 1), 100);
        files.take(0, 6, RawRow.end("t1", "b", 1, null, null), 100);
        files.offsetsToCommit();

        assertThat(published.reports).extracting(IngestReport::fileId).containsExactly("a", "b");
        IngestReport failed = published.reports.get(0);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).contains("data row 2").contains("20,000 bytes");
        assertThat(failed.rowsRead()).isEqualTo(1);
        assertThat(published.reports.get(1).status()).isEqualTo("completed");
        assertThat(files.committed()).hasSize(2);
        assertThat(files.filesInProgress()).isZero();
    }

    @Test
    void aRowOverAFileLimitEndsItsFileAsFailedNamingTheLimitAndTheRow() {
        FilesInProgress files = files();
        files.assigned(0, OptionalLong.empty(), null);
        files.take(0, 0, RawRow.start("t1", "long-cell", null, null), 100);
        files.take(0, 1, row("long-cell", 1), 100);
        RawRow wide = RawRow.row("t1", "long-cell", 2, Map.of("Customer ID", "c".repeat(60),
                "InvoiceDate", "2010-01-02 10:00", "Invoice", "i2", "StockCode", "85123A", "Quantity", "1",
                "Price", "2"));
        files.take(0, 2, wide, 200);
        files.take(0, 10, RawRow.start("t1", "many-rows", null, null), 100);
        for (long n = 1; n <= 6; n++) {
            files.take(0, 10 + n, row("many-rows", n), 100);
        }
        files.offsetsToCommit();

        assertThat(published.reports).extracting(IngestReport::fileId).containsExactly("long-cell", "many-rows");
        assertThat(published.reports.get(0).error()).contains("data row 2").contains("csr.ingest.limits.max-cell-chars");
        assertThat(published.reports.get(0).rowsRead()).isEqualTo(1);
        assertThat(published.reports.get(1).error()).contains("data row 6").contains("csr.ingest.limits.max-rows");
        assertThat(published.reports.get(1).rowsRead()).isEqualTo(5);
    }

    @Test
    void theSameFileIdInAnotherTenantIsAnotherFile() {
        FilesInProgress files = files();
        files.assigned(0, OptionalLong.empty(), null);
        files.take(0, 0, row("a", 1), 100);
        files.take(0, 1, RawRow.end("t2", "a", 1, null, null), 100);
        assertThat(published.reports).isEmpty();
        files.take(0, 2, RawRow.end("t1", "a", 1, null, null), 100);
        assertThat(published.reports).hasSize(1);
    }
}
