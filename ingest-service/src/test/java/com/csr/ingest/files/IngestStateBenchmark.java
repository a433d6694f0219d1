package com.csr.ingest.files;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.RawRow;
import com.csr.contracts.events.RejectedRow;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark, not a test: it runs only with {@code -Dingest-state-benchmark=FILE} (docs/benchmarks.md). Feeds a
 * file's rows as raw-row records through {@link IncomingFile} with its state on disk ({@link FileStateStore}),
 * applying the store every 20,000 records as the ingest service does, and prints rows per second for cleaning with
 * the state on disk, without Kafka.
 */
@EnabledIfSystemProperty(named = "ingest-state-benchmark", matches = ".+")
class IngestStateBenchmark {

    @Test
    void cleansAFileWithItsStateOnDisk(@TempDir Path directory) {
        Path file = Path.of(System.getProperty("ingest-state-benchmark"));
        long[] out = new long[2];
        IncomingFile.Output output = new IncomingFile.Output() {
            @Override
            public void clean(CleanTransaction transaction) {
                out[0]++;
            }

            @Override
            public void rejected(RejectedRow row) {
                out[1]++;
            }
        };
        try (FileStateStore store = FileStateStore.open(directory.resolve("state"));
             RowSource source = TransactionFiles.open(file, ColumnMapping.none())) {
            long start = System.nanoTime();
            FileState state = FileState.opened("bench", "f", 0);
            IncomingFile incoming = new IncomingFile(state, store.memory(0, "bench", "f"), output);
            incoming.add(RawRow.start("bench", "f", null, null));
            String[] cells;
            long rows = 0;
            while ((cells = source.next()) != null) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    values.put(source.header().get(i), cells[i]);
                }
                incoming.add(RawRow.row("bench", "f", source.rowNumber(), values));
                if (++rows % 20_000 == 0) {
                    store.put(0, incoming.state());
                    store.apply(Map.of(0, rows));
                    incoming = new IncomingFile(store.file(0, "bench", "f"), store.memory(0, "bench", "f"), output);
                }
            }
            IngestReport report = incoming.add(RawRow.end("bench", "f", rows, null, null)).orElseThrow();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%,d rows (%,d kept, %,d clean and %,d rejected records) in %.1f s: %,.0f rows/s%n",
                    report.rowsRead(), report.rowsKept(), out[0], out[1], seconds, report.rowsRead() / seconds);
        }
    }
}
