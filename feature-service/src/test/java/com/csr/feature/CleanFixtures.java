package com.csr.feature;

import com.csr.contracts.events.CleanTransaction;
import com.csr.domain.TestFiles;
import com.csr.domain.cleaning.RejectedRowListener;
import com.csr.domain.cleaning.TransactionCleaner;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.Transaction;
import com.csr.domain.transactions.TransactionFiles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Clean transactions for tests: the domain's tiny fixture ({@code tiny.csv} of its test jar's {@code TestFiles}) and
 * the Online Retail II sample cleaned as ingestion cleans them, and a synthetic shop.
 */
public final class CleanFixtures {

    public static final LocalDate TINY_AS_OF = LocalDate.parse("2010-01-31");
    private static final long DAY = 86_400L;

    private CleanFixtures() {
    }

    /** The tiny fixture's kept lines at 2010-01-31, with the {@code invoice#n} ids ingestion gives them. */
    public static List<CleanTransaction> tiny(String tenantId) {
        try (RowSource rows = TransactionFiles.open(TestFiles.fixture("tiny.csv"), ColumnMapping.none())) {
            return withIds(tenantId, "tiny", new TransactionCleaner(TINY_AS_OF, RejectedRowListener.NONE).clean(rows)
                    .transactions());
        }
    }

    /** The Online Retail II sample's kept lines (407,539), in file order, with ingestion's {@code invoice#n} ids. */
    public static List<CleanTransaction> onlineRetailSample(String tenantId) {
        try (RowSource rows = TransactionFiles.open(TestFiles.onlineRetailSample(), ColumnMapping.none())) {
            return withIds(tenantId, "online-retail-ii", new TransactionCleaner(null, RejectedRowListener.NONE)
                    .clean(rows).transactions());
        }
    }

    /**
     * A shop with {@code customers} customers over 200 days from {@code start}: each buys every 7 to 13 days from
     * a first day in the first three weeks until a day of their own, so by the end some have stopped and some not.
     */
    public static List<CleanTransaction> shop(String tenantId, int customers, LocalDate start) {
        Random random = new Random(42);
        List<Transaction> lines = new ArrayList<>();
        long row = 0;
        for (int c = 0; c < customers; c++) {
            int stopDay = 60 + random.nextInt(141);
            for (int day = random.nextInt(21), purchase = 0; day <= stopDay; day += 7 + random.nextInt(7), purchase++) {
                long time = (start.toEpochDay() + day) * DAY + 36_000;
                String invoice = "S" + c + "-" + purchase;
                int linesInInvoice = 1 + random.nextInt(2);
                for (int line = 0; line < linesInInvoice; line++) {
                    double quantity = 1 + random.nextInt(4);
                    double price = 2.5 + random.nextInt(10);
                    lines.add(new Transaction(++row, invoice, "P" + random.nextInt(30), "product", quantity, price,
                            quantity * price, time, "C" + c, "United Kingdom", false));
                }
            }
        }
        return withIds(tenantId, "shop", lines);
    }

    private static List<CleanTransaction> withIds(String tenantId, String fileId, List<Transaction> lines) {
        Map<String, Integer> linesPerInvoice = new HashMap<>();
        List<CleanTransaction> events = new ArrayList<>(lines.size());
        for (Transaction t : lines) {
            int line = linesPerInvoice.merge(t.invoice(), 1, Integer::sum);
            events.add(new CleanTransaction(tenantId, fileId, t.invoice() + "#" + line, t));
        }
        return events;
    }
}
