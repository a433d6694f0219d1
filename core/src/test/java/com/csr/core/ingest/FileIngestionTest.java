package com.csr.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.core.TestFiles;
import com.csr.core.events.CleanTransaction;
import com.csr.core.events.RawRow;
import com.csr.core.transactions.ColumnMapping;
import com.csr.core.transactions.RowSource;
import com.csr.core.transactions.TransactionFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A file assembled from raw-row records is cleaned exactly like the file itself. */
class FileIngestionTest {

    private static List<RawRow> records(String fixture, String tenant, String fileId) {
        List<RawRow> records = new ArrayList<>();
        try (RowSource source = TransactionFiles.open(TestFiles.fixture(fixture), ColumnMapping.none())) {
            String[] cells;
            while ((cells = source.next()) != null) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    values.put(source.header().get(i), cells[i]);
                }
                records.add(RawRow.row(tenant, fileId, source.rowNumber(), values));
            }
            records.add(RawRow.end(tenant, fileId, source.rowNumber(), null, "2010-01-31"));
        }
        return records;
    }

    @Test
    void aFileArrivingOutOfOrderAndTwiceIsCleanedOnceAndAddsUp() {
        List<RawRow> records = records("tiny.csv", "t1", "f1");
        List<RawRow> shuffled = new ArrayList<>(records);
        shuffled.addAll(records.subList(0, 5));
        Collections.shuffle(shuffled, new java.util.Random(7));
        FileAssembly file = new FileAssembly("t1", "f1");
        boolean complete = false;
        for (RawRow record : shuffled) {
            complete = file.add(record);
        }

        assertThat(complete).isTrue();
        FileIngestion.Result result = FileIngestion.ingest(file);
        assertThat(result.report().status()).isEqualTo("completed");
        assertThat(result.report().rowsRead()).isEqualTo(15);
        assertThat(result.report().rowsKept()).isEqualTo(6);
        assertThat(result.rejected()).hasSize(9);
        assertThat(result.report().rowsRead()).isEqualTo(result.report().rowsKept()
                + result.report().rejected().values().stream().mapToLong(Long::longValue).sum());
        assertThat(result.clean()).extracting(CleanTransaction::transactionId)
                .containsExactly("1001#1", "1001#2", "1002#1", "C1003#1", "1004#1", "1005#1");
        assertThat(result.rejected()).anySatisfy(r -> {
            assertThat(r.reason()).isEqualTo("missing_customer");
            assertThat(r.row()).isEqualTo(9);
            assertThat(r.cells()).contains("1008");
        });
    }

    @Test
    void aFileIsNotCompleteUntilEveryCountedRowHasArrived() {
        List<RawRow> records = records("tiny.csv", "t1", "f1");
        FileAssembly file = new FileAssembly("t1", "f1");
        file.add(records.get(records.size() - 1));
        for (RawRow record : records.subList(0, records.size() - 2)) {
            assertThat(file.add(record)).isFalse();
        }
        assertThat(file.add(records.get(records.size() - 2))).isTrue();
    }

    @Test
    void aFileWithoutACustomerColumnFailsWithItsReason() {
        FileAssembly file = new FileAssembly("t1", "bad");
        file.add(RawRow.row("t1", "bad", 1, Map.of("when", "2010-01-01", "what", "3")));
        file.add(RawRow.end("t1", "bad", 1, null, null));

        FileIngestion.Result result = FileIngestion.ingest(file);
        assertThat(result.report().status()).isEqualTo("failed");
        assertThat(result.report().error()).contains("no customer");
        assertThat(result.clean()).isEmpty();
    }

    @Test
    void anEmptyFileCompletesWithNothingRead() {
        FileAssembly file = new FileAssembly("t1", "empty");
        assertThat(file.add(RawRow.end("t1", "empty", 0, null, null))).isTrue();
        assertThat(FileIngestion.ingest(file).report().rowsRead()).isZero();
    }
}
