package com.csr.domain.transactions;

import java.util.Iterator;
import java.util.List;

/** Rows already in memory (a file assembled from Kafka records), read like a file: header first unless positional. */
public final class InMemoryRowSource extends HeaderedRowSource {

    private final Iterator<String[]> rows;

    /**
     * @param header  the column names; ignored when the mapping is positional (the file had no header)
     * @param rows    the data rows in file order
     * @param mapping explicit columns, or none for header aliases
     */
    public InMemoryRowSource(List<String> header, List<String[]> rows, ColumnMapping mapping) {
        super(FileLimits.defaults());
        this.rows = mapping.isPositional() ? rows.iterator()
                : java.util.stream.Stream.concat(java.util.stream.Stream.<String[]>of(header.toArray(String[]::new)),
                        rows.stream()).iterator();
        resolveLayout(mapping, "the file has no rows");
    }

    @Override
    String[] readRow() {
        return rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {
    }
}
