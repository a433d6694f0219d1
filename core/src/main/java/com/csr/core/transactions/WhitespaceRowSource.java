package com.csr.core.transactions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** Rows of a file whose columns are separated by runs of spaces (fixed-width benchmark files such as CDNOW). */
final class WhitespaceRowSource implements RowSource {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final BufferedReader reader;
    private final ColumnLayout layout;
    private String[] pending;
    private long rowNumber;

    WhitespaceRowSource(BufferedReader reader, ColumnMapping mapping) {
        this.reader = reader;
        String[] first = nextLine();
        if (first == null) {
            throw new InvalidTransactionFileException("the file is empty");
        }
        this.layout = ColumnLayout.resolve(first, mapping);
        this.pending = layout.hasHeader() ? null : first;
    }

    private String[] nextLine() {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty()) {
                    return SPACES.split(trimmed);
                }
            }
            return null;
        } catch (IOException e) {
            throw TransactionFiles.unreadable(new UncheckedIOException(e), rowNumber);
        }
    }

    @Override
    public ColumnLayout layout() {
        return layout;
    }

    @Override
    public String[] next() {
        String[] row = pending != null ? pending : nextLine();
        pending = null;
        if (row != null) {
            rowNumber++;
        }
        return row;
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public void close() {
        TransactionFiles.closeQuietly(reader);
    }
}
