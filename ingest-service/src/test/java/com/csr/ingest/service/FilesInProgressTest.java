package com.csr.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.core.events.CleanTransaction;
import com.csr.core.events.RawRow;
import com.csr.core.events.RejectedRow;
import com.csr.core.ingest.IncomingFile;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Offsets are committed only past files that are complete, so a restart re-reads an open file from its start. */
class FilesInProgressTest {

    private static final TopicPartition P0 = new TopicPartition("transactions.raw", 0);
    private static final TopicPartition P1 = new TopicPartition("transactions.raw", 1);

    private static final IncomingFile.Output NOWHERE = new IncomingFile.Output() {
        @Override
        public void clean(CleanTransaction transaction) {
        }

        @Override
        public void rejected(RejectedRow row) {
        }
    };

    private static RawRow row(String file, long n) {
        return RawRow.row("t1", file, n, Map.of("customer", "c" + n));
    }

    @Test
    void aPartitionIsSafeOnlyUpToTheOldestOpenFile() {
        FilesInProgress files = new FilesInProgress((tenant, file) -> new IncomingFile(tenant, file, NOWHERE));
        files.add(P0, 10, row("a", 1));
        files.add(P0, 11, row("b", 1));
        files.passed(P1, 4);

        assertThat(files.safeOffsets()).isEqualTo(Map.of(P0, 10L, P1, 5L));
        assertThat(files.add(P0, 12, RawRow.end("t1", "a", 1, null, null))).isPresent();
        assertThat(files.safeOffsets()).containsEntry(P0, 11L);
        assertThat(files.add(P0, 13, RawRow.end("t1", "b", 1, null, null))).get()
                .satisfies(report -> assertThat(report.fileId()).isEqualTo("b"));
        assertThat(files.safeOffsets()).containsEntry(P0, 14L);
    }

    @Test
    void aRecordPassedOverDoesNotMoveAPartitionPastAnOpenFile() {
        FilesInProgress files = new FilesInProgress((tenant, file) -> new IncomingFile(tenant, file, NOWHERE));
        files.add(P0, 3, row("a", 1));
        files.passed(P0, 4);

        assertThat(files.safeOffsets()).containsEntry(P0, 3L);
        files.clear();
        assertThat(files.safeOffsets()).isEmpty();
    }

    @Test
    void theSameFileIdInAnotherTenantIsAnotherFile() {
        FilesInProgress files = new FilesInProgress((tenant, file) -> new IncomingFile(tenant, file, NOWHERE));
        files.add(P0, 0, row("a", 1));
        assertThat(files.add(P0, 1, RawRow.end("t2", "a", 1, null, null))).isEmpty();
        assertThat(files.add(P0, 2, RawRow.end("t1", "a", 1, null, null))).isPresent();
    }
}
