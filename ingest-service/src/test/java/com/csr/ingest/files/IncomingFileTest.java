package com.csr.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.RawRow;
import com.csr.contracts.events.RejectedRow;
import com.csr.domain.TestFiles;
import com.csr.domain.cleaning.CleanTransactions;
import com.csr.domain.cleaning.RejectedRowListener;
import com.csr.domain.cleaning.TransactionCleaner;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.Transaction;
import com.csr.domain.transactions.TransactionFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file arriving as raw-row records is cleaned exactly like the file itself, with or without a start marker, with
 * what it remembers on disk, and just the same when it is taken up again from its state every few records.
 */
class IncomingFileTest {

    @TempDir
    Path directory;
    private FileStateStore store;

    @BeforeEach
    void openStore() {
        store = FileStateStore.open(directory.resolve("state"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private IncomingFile newFile(String fileId, IncomingFile.Output output) {
        return new IncomingFile(FileState.opened("t1", fileId, 0), store.memory(0, "t1", fileId), output);
    }

    /** What a file gave, in the order it was given. */
    private static final class Events implements IncomingFile.Output {
        final List<CleanTransaction> clean = new ArrayList<>();
        final List<RejectedRow> rejected = new ArrayList<>();

        @Override
        public void clean(CleanTransaction transaction) {
            clean.add(transaction);
        }

        @Override
        public void rejected(RejectedRow row) {
            rejected.add(row);
        }
    }

    private static List<RawRow> rows(Path file, String tenant, String fileId) {
        List<RawRow> records = new ArrayList<>();
        try (RowSource source = TransactionFiles.open(file, ColumnMapping.none())) {
            String[] cells;
            while ((cells = source.next()) != null) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    values.put(source.header().get(i), cells[i]);
                }
                records.add(RawRow.row(tenant, fileId, source.rowNumber(), values));
            }
        }
        return records;
    }

    private static List<RawRow> streamed(Path file, String asOf) {
        List<RawRow> records = new ArrayList<>();
        records.add(RawRow.start("t1", "f1", null, asOf));
        records.addAll(rows(file, "t1", "f1"));
        records.add(RawRow.end("t1", "f1", records.size() - 1, null, null));
        return records;
    }

    private static Optional<IngestReport> feed(IncomingFile file, List<RawRow> records) {
        Optional<IngestReport> report = Optional.empty();
        for (RawRow record : records) {
            assertThat(report).as("complete before its last record").isEmpty();
            report = file.add(record);
        }
        return report;
    }

    @Test
    void aStreamedFileIsCleanedRowByRowAsItArrives() {
        List<RawRow> records = streamed(TestFiles.fixture("tiny.csv"), "2010-01-31");
        Events events = new Events();
        IncomingFile file = newFile("f1", events);

        feed(file, records.subList(0, records.size() - 1));
        assertThat(file.state().heldRows()).isFalse();
        assertThat(events.clean).as("kept before the end marker").hasSize(6);
        assertThat(events.rejected).as("rejected before the end marker").hasSize(8);
        IngestReport report = file.add(records.get(records.size() - 1)).orElseThrow();

        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.rowsRead()).isEqualTo(15);
        assertThat(report.rowsKept()).isEqualTo(6);
        assertThat(report.asOf()).isEqualTo("2010-01-31");
        assertThat(report.columns()).as("its header named the columns").isNull();
        assertThat(report.rejected()).containsEntry("after_as_of", 1L).containsEntry("unmatched_cancellation", 1L);
        assertThat(events.rejected).hasSize(9);
        assertThat(events.clean).extracting(CleanTransaction::transactionId)
                .containsExactly("1001#1", "1001#2", "1002#1", "C1003#1", "1004#1", "1005#1");
    }

    @Test
    void theReportSaysWhichMappingTheFileWasReadWithFromEitherMarker() {
        String mapping = "customer=CustomerID,date=InvoiceDate,quantity=Quantity,price=UnitPrice";
        Map<String, String> document = Map.of("customer_id", "CustomerID", "order_datetime", "InvoiceDate",
                "quantity", "Quantity", "unit_price", "UnitPrice");
        List<RawRow> rows = rows(TestFiles.fixture("tiny.csv"), "t1", "f1");
        List<RawRow> streamed = new ArrayList<>();
        streamed.add(RawRow.start("t1", "f1", mapping, null));
        streamed.addAll(rows);
        streamed.add(RawRow.end("t1", "f1", rows.size(), mapping, null));
        IngestReport fromStart = feed(newFile("f1", new Events()), streamed).orElseThrow();
        List<RawRow> held = new ArrayList<>(rows);
        held.add(RawRow.end("t1", "f1", rows.size(), mapping, null));
        IngestReport fromEnd = feed(newFile("f2", new Events()), held).orElseThrow();

        assertThat(fromStart.columns()).isEqualTo(document);
        assertThat(fromEnd.columns()).isEqualTo(document);
        assertThat(fromEnd.rowsRead()).isEqualTo(fromStart.rowsRead()).isEqualTo(15);
    }

    @Test
    void aFileWithoutAStartMarkerIsHeldUntilItsEndAndAddsUpThoughRowsComeOutOfOrderAndTwice() {
        List<RawRow> records = new ArrayList<>(rows(TestFiles.fixture("tiny.csv"), "t1", "f1"));
        records.add(RawRow.end("t1", "f1", 15, null, null));
        List<RawRow> shuffled = new ArrayList<>(records);
        shuffled.addAll(records.subList(0, 5));
        Collections.shuffle(shuffled, new Random(7));
        Events events = new Events();
        IncomingFile file = newFile("f1", events);

        Optional<IngestReport> report = Optional.empty();
        for (RawRow record : shuffled) {
            report = report.isPresent() ? report : file.add(record);
        }

        assertThat(file.state().heldRows()).isTrue();
        assertThat(report).isPresent();
        assertThat(report.get().rowsRead()).isEqualTo(15);
        assertThat(report.get().rowsKept()).isEqualTo(7);
        assertThat(events.rejected).hasSize(8);
        assertThat(events.clean).extracting(CleanTransaction::transactionId)
                .containsExactly("1001#1", "1001#2", "1002#1", "C1003#1", "1004#1", "1005#1", "1013#1");
        assertThat(events.rejected).anySatisfy(r -> {
            assertThat(r.reason()).isEqualTo("missing_customer");
            assertThat(r.row()).isEqualTo(9);
            assertThat(r.cells()).contains("1008");
        });
    }

    @Test
    void aCancellationArrivingBeforeItsPurchaseIsSettledAtTheEnd() {
        Map<String, String> purchase = Map.of("Invoice", "1", "StockCode", "A", "Quantity", "2",
                "InvoiceDate", "2010-01-01 10:00", "Price", "5", "Customer ID", "7");
        Map<String, String> cancellation = Map.of("Invoice", "C2", "StockCode", "A", "Quantity", "-1",
                "InvoiceDate", "2010-01-02 10:00", "Price", "5", "Customer ID", "7");
        Events events = new Events();
        IncomingFile file = newFile("f1", events);
        file.add(RawRow.start("t1", "f1", null, null));
        file.add(RawRow.row("t1", "f1", 2, cancellation));
        assertThat(events.clean).isEmpty();
        file.add(RawRow.row("t1", "f1", 1, purchase));

        IngestReport report = file.add(RawRow.end("t1", "f1", 2, null, null)).orElseThrow();
        assertThat(report.rowsKept()).isEqualTo(2);
        assertThat(events.clean).extracting(c -> c.transaction().quantity()).containsExactly(2.0, -1.0);
    }

    @Test
    void aFileIsNotCompleteUntilEveryCountedRowHasArrived() {
        List<RawRow> records = streamed(TestFiles.fixture("tiny.csv"), null);
        IncomingFile file = newFile("f1", new Events());
        file.add(records.get(records.size() - 1));
        for (RawRow record : records.subList(0, records.size() - 2)) {
            assertThat(file.add(record)).isEmpty();
        }
        assertThat(file.add(records.get(records.size() - 2))).isPresent();
    }

    @Test
    void aFileWithoutACustomerColumnFailsWithItsReasonEitherWay() {
        for (boolean withStart : new boolean[] {true, false}) {
            Events events = new Events();
            IncomingFile file = newFile("bad-" + withStart, events);
            if (withStart) {
                file.add(RawRow.start("t1", "bad", null, null));
            }
            file.add(RawRow.row("t1", "bad", 1, Map.of("when", "2010-01-01", "what", "3")));
            IngestReport report = file.add(RawRow.end("t1", "bad", 1, null, null)).orElseThrow();

            assertThat(report.status()).isEqualTo("failed");
            assertThat(report.error()).contains("no customer");
            assertThat(events.clean).isEmpty();
        }
    }

    @Test
    void anEmptyFileCompletesWithNothingRead() {
        IncomingFile file = newFile("empty", new Events());
        file.add(RawRow.start("t1", "empty", null, null));
        assertThat(file.add(RawRow.end("t1", "empty", 0, null, null))).get()
                .extracting(IngestReport::rowsRead).isEqualTo(0L);
    }

    @Test
    void theSampleStreamedGivesWhatTheBatchCleanerGives() {
        Path sample = TestFiles.onlineRetailSample();
        CleanTransactions batch;
        try (RowSource source = TransactionFiles.open(sample, ColumnMapping.none())) {
            batch = new TransactionCleaner(null, RejectedRowListener.NONE).clean(source);
        }
        Events events = new Events();
        IncomingFile file = newFile("f1", events);
        IngestReport report = feed(file, streamed(sample, null)).orElseThrow();

        assertThat(report.rowsRead()).isEqualTo(batch.report().rowsRead());
        assertThat(report.rowsKept()).isEqualTo(batch.report().rowsKept());
        assertThat(report.asOf()).isEqualTo(batch.asOf().toString());
        assertThat(events.rejected).hasSize((int) batch.report().rejectedTotal());
        List<Transaction> streamed = new ArrayList<>(events.clean.stream().map(CleanTransaction::transaction).toList());
        streamed.sort(java.util.Comparator.comparingLong(Transaction::rowNumber));
        assertThat(streamed).isEqualTo(batch.transactions());
        assertThat(events.clean.stream().map(CleanTransaction::transactionId).distinct().count())
                .isEqualTo(batch.report().rowsKept());
    }

    @Test
    void theSampleTakenUpAgainEveryThousandRecordsGivesWhatOneReadingGives() {
        List<RawRow> all = streamed(TestFiles.onlineRetailSample(), null);
        // its first 100,000 rows, as a file of their own
        List<RawRow> records = new ArrayList<>(all.subList(0, 100_001));
        records.add(RawRow.end("t1", "f1", 100_000, null, null));
        Events once = new Events();
        IngestReport expected = feed(newFile("f1", once), records).orElseThrow();

        Events resumed = new Events();
        FileState state = FileState.opened("t1", "f2", 0);
        IngestReport report = null;
        for (int from = 0; from < records.size(); from += 1000) {
            IncomingFile file = new IncomingFile(state, store.memory(0, "t1", "f2"), resumed);
            for (RawRow record : records.subList(from, Math.min(records.size(), from + 1000))) {
                RawRow row = new RawRow("t1", "f2", record.row(), record.values(), record.start(), record.end(),
                        record.block());
                report = file.add(row).orElse(report);
            }
            state = file.state();
            store.apply(Map.of(0, (long) from));
        }

        assertThat(report).usingRecursiveComparison().ignoringFields("fileId", "completedAt").isEqualTo(expected);
        assertThat(resumed.clean).hasSameSizeAs(once.clean);
        assertThat(resumed.clean.stream().map(CleanTransaction::transactionId).toList())
                .isEqualTo(once.clean.stream().map(CleanTransaction::transactionId).toList());
        assertThat(resumed.rejected).hasSameSizeAs(once.rejected);
    }

    @Test
    void aFileCutAtARowReportsWhatCameBeforeItAsFailedAndAddsUp() {
        List<RawRow> records = streamed(TestFiles.fixture("tiny.csv"), "2010-01-31");
        Events events = new Events();
        IncomingFile file = newFile("f1", events);
        feed(file, records.subList(0, 6));

        IngestReport report = file.cutAt(6, "too long");

        assertThat(report.status()).isEqualTo("failed");
        assertThat(report.error()).contains("data row 6: too long");
        assertThat(report.rowsRead()).isEqualTo(5);
        assertThat(report.rowsKept() + report.rejected().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(5);
        assertThat(events.clean.size() + events.rejected.size()).isEqualTo(5);
    }

    @Test
    void aRowCutShortByItsPublisherIsMalformedAsInTheFile() {
        Events events = new Events();
        IncomingFile file = newFile("short", events);
        file.add(RawRow.start("t1", "short", null, null));
        Map<String, String> full = new LinkedHashMap<>();
        full.put("Invoice", "1");
        full.put("StockCode", "A");
        full.put("Quantity", "2");
        full.put("InvoiceDate", "2010-01-01 10:00");
        full.put("Price", "5");
        full.put("Customer ID", "7");
        file.add(RawRow.row("t1", "short", 1, full));
        Map<String, String> cut = new LinkedHashMap<>();
        cut.put("Invoice", "2");
        cut.put("StockCode", "A");
        cut.put("Quantity", "2");
        file.add(RawRow.row("t1", "short", 2, cut));

        IngestReport report = file.add(RawRow.end("t1", "short", 2, null, null)).orElseThrow();
        assertThat(report.rejected()).containsExactly(Map.entry("malformed_row", 1L));
        assertThat(report.rowsKept()).isEqualTo(1);
    }
}
