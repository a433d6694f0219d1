package com.csr.core.transactions;

/**
 * What every row source shares: the first row is read to resolve the column layout, and handed out again as data
 * when the mapping says the file has no header; rows are numbered as they go.
 */
abstract class HeaderedRowSource implements RowSource {

    private ColumnLayout layout;
    private java.util.List<String> header;
    private String[] pending;
    private long rowNumber;

    /** The next row as read, or null at the end; subclasses translate their own failures. */
    abstract String[] readRow();

    /**
     * Reads the first row and resolves the layout; subclasses call it last in their constructor.
     *
     * @param emptyMessage what to say when there is no row at all
     */
    final void resolveLayout(ColumnMapping mapping, String emptyMessage) {
        String[] first = readRow();
        if (first == null) {
            throw new InvalidTransactionFileException(emptyMessage);
        }
        layout = ColumnLayout.resolve(first, mapping);
        pending = layout.hasHeader() ? null : first;
        header = layout.hasHeader() ? java.util.List.of(first)
                : java.util.stream.IntStream.rangeClosed(1, first.length).mapToObj(String::valueOf).toList();
    }

    @Override
    public final java.util.List<String> header() {
        return header;
    }

    @Override
    public final ColumnLayout layout() {
        return layout;
    }

    @Override
    public final String[] next() {
        String[] row = pending != null ? pending : readRow();
        pending = null;
        if (row != null) {
            rowNumber++;
        }
        return row;
    }

    @Override
    public final long rowNumber() {
        return rowNumber;
    }
}
