package com.csr.core.ingest;

import com.csr.core.cleaning.CleanTransactions;
import com.csr.core.cleaning.QualityReport;
import com.csr.core.cleaning.TransactionCleaner;
import com.csr.core.events.CleanTransaction;
import com.csr.core.events.IngestReport;
import com.csr.core.events.RejectedRow;
import com.csr.core.transactions.ColumnMapping;
import com.csr.core.transactions.InMemoryRowSource;
import com.csr.core.transactions.InvalidTransactionFileException;
import com.csr.core.transactions.RowSource;
import com.csr.core.transactions.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cleans an assembled file with the batch cleaner and turns it into events: one {@link CleanTransaction} per kept
 * row, one {@link RejectedRow} per rejected row, one {@link IngestReport}. A file that cannot be read at all (no
 * customer column, say) gives a failed report and no rows.
 */
public final class FileIngestion {

    private FileIngestion() {
    }

    /**
     * The events of one file.
     *
     * @param clean    kept transactions, in file order
     * @param rejected rejected rows
     * @param report   the accounting
     */
    public record Result(List<CleanTransaction> clean, List<RejectedRow> rejected, IngestReport report) {
    }

    public static Result ingest(FileAssembly file) {
        String tenant = file.tenantId();
        List<RejectedRow> rejected = new ArrayList<>();
        if (file.rowsSoFar() == 0) {
            return new Result(List.of(), List.of(), report(tenant, file.fileId(), new QualityReport(),
                    file.end().asOf(), null));
        }
        try {
            ColumnMapping mapping = ColumnMapping.parse(file.end().columns());
            LocalDate asOf = file.end().asOf() == null ? null : LocalDate.parse(file.end().asOf());
            CleanTransactions clean;
            try (RowSource rows = new InMemoryRowSource(file.header(), file.cells(), mapping)) {
                clean = new TransactionCleaner(asOf, (row, reason, cells) -> rejected.add(new RejectedRow(tenant,
                        file.fileId(), row, reason.code(), Arrays.asList(cells)))).clean(rows);
            }
            List<CleanTransaction> events = new ArrayList<>(clean.transactions().size());
            Map<String, Integer> linesPerInvoice = new HashMap<>();
            for (Transaction t : clean.transactions()) {
                int line = linesPerInvoice.merge(t.invoice(), 1, Integer::sum);
                events.add(new CleanTransaction(tenant, file.fileId(), t.invoice() + "#" + line, t));
            }
            return new Result(events, rejected, report(tenant, file.fileId(), clean.report(),
                    clean.asOf() == null ? null : clean.asOf().toString(), null));
        } catch (InvalidTransactionFileException | IllegalArgumentException | java.time.DateTimeException e) {
            return new Result(List.of(), List.of(), report(tenant, file.fileId(), null, null, e.getMessage()));
        }
    }

    private static IngestReport report(String tenant, String fileId, QualityReport q, String asOf, String error) {
        if (q == null) {
            return new IngestReport(tenant, fileId, "failed", 0, 0, 0, 0, Map.of(), Map.of(), null,
                    Instant.now().toString(), error);
        }
        Map<String, Long> rejected = new LinkedHashMap<>();
        Map<String, Double> revenue = new LinkedHashMap<>();
        q.rejected().forEach((reason, count) -> rejected.put(reason.code(), count));
        q.rejectedRevenue().forEach((reason, value) -> revenue.put(reason.code(), value));
        return new IngestReport(tenant, fileId, "completed", q.rowsRead(), q.rowsKept(), q.cancellationsKept(),
                q.keptRevenue(), rejected, revenue, asOf, Instant.now().toString(), null);
    }
}
