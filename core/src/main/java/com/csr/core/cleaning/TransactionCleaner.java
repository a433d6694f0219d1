package com.csr.core.cleaning;

import com.csr.core.transactions.RowSource;
import com.csr.core.transactions.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a whole file's rows into clean {@link Transaction}s, in file order, with an accounting: a {@link FileCleaner}
 * fed from a {@link RowSource}.
 */
public final class TransactionCleaner {

    private final LocalDate asOf;
    private final RejectedRowListener listener;

    /**
     * @param asOf     last date whose transactions are known (inclusive); null for the last date in the file
     * @param listener receives every rejected row
     */
    public TransactionCleaner(LocalDate asOf, RejectedRowListener listener) {
        this.asOf = asOf;
        this.listener = listener;
    }

    /** Cleans every row of a source; the caller closes it. */
    public CleanTransactions clean(RowSource source) {
        List<Transaction> kept = new ArrayList<>();
        FileCleaner cleaner = new FileCleaner(source.layout(), asOf, kept::add, listener);
        String[] cells;
        while ((cells = source.next()) != null) {
            cleaner.row(source.rowNumber(), cells);
        }
        FileCleaner.Outcome outcome = cleaner.finish();
        // cancellations settled at the end come last: back into file order
        kept.sort(Comparator.comparingLong(Transaction::rowNumber));
        return new CleanTransactions(kept, outcome.report(), outcome.asOf());
    }
}
