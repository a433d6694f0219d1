package com.csr.domain.transactions;

/**
 * What every row source shares: the first row is read to resolve the column layout, and handed out again as data
 * when the mapping says the file has no header; rows are numbered as they go, and held to the file's limits on
 * rows and cells.
 */
abstract class HeaderedRowSource implements RowSource {

    private final FileLimits limits;
    private ColumnLayout layout;
    private java.util.List<String> header;
    private String[] pending;
    private long rowNumber;

    HeaderedRowSource(FileLimits limits) {
        this.limits = limits;
    }

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
        if (layout.hasHeader()) {
            requireCells(0, first);
        }
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
            limits.requireRows(rowNumber + 1);
            rowNumber++;
            requireCells(rowNumber, row);
        }
        return row;
    }

    @Override
    public final long rowNumber() {
        return rowNumber;
    }

    /** The limits this file is read within. */
    final FileLimits limits() {
        return limits;
    }

    private void requireCells(long row, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null && cells[i].length() > limits.maxCellChars()) {
                limits.requireCell(row, row > 0 && i < header.size() ? header.get(i) : String.valueOf(i + 1),
                        cells[i]);
            }
        }
    }
}
