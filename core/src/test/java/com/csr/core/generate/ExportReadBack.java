package com.csr.core.generate;

import com.csr.core.cleaning.CleanTransactions;
import com.csr.core.cleaning.RejectedRowListener;
import com.csr.core.cleaning.TransactionCleaner;
import com.csr.core.transactions.ColumnMapping;
import com.csr.core.transactions.RowSource;
import com.csr.core.transactions.TransactionFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a generated export back the way the platform does. */
final class ExportReadBack {

    private ExportReadBack() {
    }

    /** The platform's cleaning of the file, as-of the last date in it. */
    static CleanTransactions clean(Path file) {
        try (RowSource rows = TransactionFiles.open(file, ColumnMapping.parse(null))) {
            return new TransactionCleaner(null, RejectedRowListener.NONE).clean(rows);
        }
    }

    /** Every data row's cells as read. */
    static List<String[]> rows(Path file) {
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
