package com.csr.domain.transactions;

/**
 * The data rows of one transaction file, pulled one at a time so a file of any size streams through in bounded
 * memory. Obtain one from {@link TransactionFiles#open}.
 */
public interface RowSource extends AutoCloseable {

    /** Where each field sits in the rows. */
    ColumnLayout layout();

    /** The column names as the file has them; {@code 1, 2, ...} for a file without a header. */
    java.util.List<String> header();

    /**
     * The next data row's cells, or null at the end of the file. The array may be reused by the next call.
     *
     * @throws InvalidTransactionFileException when the file breaks off (e.g. an unterminated quote)
     */
    String[] next();

    /** 1-based number of the row last returned by {@link #next()}, header excluded. */
    long rowNumber();

    @Override
    void close();
}
