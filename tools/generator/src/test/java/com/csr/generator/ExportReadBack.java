package com.csr.generator;

import com.csr.domain.cleaning.CleanTransactions;
import com.csr.domain.cleaning.RejectedRowListener;
import com.csr.domain.cleaning.TransactionCleaner;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a generated export back the way the platform does. */
public final class ExportReadBack {

    private ExportReadBack() {
    }

    /** The platform's cleaning of the file, as-of the last date in it. */
    public static CleanTransactions clean(Path file) {
        try (RowSource rows = TransactionFiles.open(file, ColumnMapping.parse(null))) {
            return new TransactionCleaner(null, RejectedRowListener.NONE).clean(rows);
        }
    }

    /** Every data row's cells as read. */
    public static List<String[]> rows(Path file) {
        List<String[]> rows = new ArrayList<>();
        try (RowSource source = TransactionFiles.open(file, ColumnMapping.parse(null))) {
            String[] cells;
            while ((cells = source.next()) != null) {
                rows.add(cells.clone());
            }
        }
        return rows;
    }
}
