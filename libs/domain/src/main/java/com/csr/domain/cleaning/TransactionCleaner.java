package com.csr.domain.cleaning;

import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a whole file's rows into clean {@link Transaction}s with an accounting: a {@link FileCleaner} fed from a
 * {@link RowSource}. Either every kept transaction in a list, in file order (a small file, a test), or each one
 * handed on as it is settled, so that nothing of a row outlives it (the batch run, files of any size).
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

    /** Cleans every row of a source into a list; the caller closes it. */
    public CleanTransactions clean(RowSource source) {
        List<Transaction> kept = new ArrayList<>();
        FileCleaner.Outcome outcome = clean(source,
                new FileCleaner(source.layout(), asOf, new InMemoryCleaningMemory(), new QualityReport(),
                        Long.MIN_VALUE, kept::add, listener));
        // cancellations settled at the end come last: back into file order
        kept.sort(Comparator.comparingLong(Transaction::rowNumber));
        return new CleanTransactions(kept, outcome.report(), outcome.asOf());
    }

    /**
     * Cleans every row of a source, handing each kept transaction to {@code kept} once its fate is known
     * (cancellations settled at the end come after the rows that follow them); the caller closes the source.
     * What is held across rows is {@link StreamingCleaningMemory}'s.
     */
    public FileCleaner.Outcome clean(RowSource source, KeptTransactions kept) {
        return clean(source, new FileCleaner(source.layout(), asOf, new StreamingCleaningMemory(kept),
                new QualityReport(), Long.MIN_VALUE, kept, listener));
    }

    private static FileCleaner.Outcome clean(RowSource source, FileCleaner cleaner) {
        String[] cells;
        while ((cells = source.next()) != null) {
            cleaner.row(source.rowNumber(), cells);
        }
        return cleaner.finish();
    }
}
