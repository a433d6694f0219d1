package com.csr.domain.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.domain.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows read ahead on another thread come as the file gives them: same rows, numbers, end and failure. */
class ReadAheadRowSourceTest {

    @TempDir
    Path directory;

    @Test
    void givesTheSampleRowForRowWithItsNumbers() {
        List<String> direct = new ArrayList<>();
        try (RowSource rows = TransactionFiles.open(TestFiles.onlineRetailSample(), ColumnMapping.none())) {
            for (String[] row = rows.next(); row != null; row = rows.next()) {
                direct.add(rows.rowNumber() + ":" + String.join("|", row));
            }
        }
        List<String> ahead = new ArrayList<>();
        try (RowSource rows = new ReadAheadRowSource(TransactionFiles.open(TestFiles.onlineRetailSample(),
                ColumnMapping.none()))) {
            assertThat(rows.header()).contains("Invoice");
            for (String[] row = rows.next(); row != null; row = rows.next()) {
                ahead.add(rows.rowNumber() + ":" + String.join("|", row));
            }
            assertThat(rows.next()).as("still the end").isNull();
        }
        assertThat(ahead).hasSize(525_461).isEqualTo(direct);
    }

    @Test
    void aFileThatBreaksOffFailsAfterEveryRowBeforeIt() throws IOException {
        int before = ReadAheadRowSource.BATCH_ROWS * 2; // the failure right after a full batch
        StringBuilder csv = new StringBuilder("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,"
                + "Country\n");
        for (int i = 1; i <= before; i++) {
            csv.append(i).append(",A,thing,1,2010-01-01 10:00:00,1.5,100,UK\n");
        }
        csv.append("\"never closed,A,thing,1,2010-01-01 10:00:00,1.5,100,UK\n");
        Path file = Files.writeString(directory.resolve("broken.csv"), csv, StandardCharsets.UTF_8);

        String direct = failure(TransactionFiles.open(file, ColumnMapping.none()), before);
        String ahead = failure(new ReadAheadRowSource(TransactionFiles.open(file, ColumnMapping.none())), before);
        assertThat(ahead).isEqualTo(direct).contains("line");
    }

    private static String failure(RowSource source, int rowsBefore) {
        try (RowSource rows = source) {
            for (int i = 1; i <= rowsBefore; i++) {
                assertThat(rows.next()).as("row " + i).isNotNull();
                assertThat(rows.rowNumber()).isEqualTo(i);
            }
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(rows::next);
            assertThat(thrown).isInstanceOf(InvalidTransactionFileException.class);
            assertThatThrownBy(rows::next).as("and again").isInstanceOf(InvalidTransactionFileException.class);
            return thrown.getMessage();
        }
    }

    @Test
    void closedHalfWayItStopsItsThreadAndClosesTheFileAfterItsLastRead() throws InterruptedException {
        Watched source = new Watched(TransactionFiles.open(TestFiles.onlineRetailSample(), ColumnMapping.none()));
        ReadAheadRowSource rows = new ReadAheadRowSource(source);
        assertThat(rows.next()).isNotNull();
        rows.close();
        assertThat(source.closed).isTrue();
        Thread.sleep(50);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("rows-read-ahead"));
        assertThat(source.readAfterClose).as("read after it was closed").isFalse();
    }

    /** A source that says whether it was closed, and whether anything read it after that. */
    private static final class Watched implements RowSource {
        private final RowSource source;
        volatile boolean closed;
        volatile boolean readAfterClose;

        Watched(RowSource source) {
            this.source = source;
        }

        @Override
        public ColumnLayout layout() {
            return source.layout();
        }

        @Override
        public List<String> header() {
            return source.header();
        }

        @Override
        public String[] next() {
            readAfterClose |= closed;
            return source.next();
        }

        @Override
        public long rowNumber() {
            return source.rowNumber();
        }

        @Override
        public void close() {
            closed = true;
            source.close();
        }
    }
}
