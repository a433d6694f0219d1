package com.csr.domain.transactions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** Rows of a file whose columns are separated by runs of spaces (fixed-width benchmark files such as CDNOW). */
final class WhitespaceRowSource extends HeaderedRowSource {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final BufferedReader reader;

    /** @param lines the file's text, under a {@link LineLimitReader} so no line outgrows the line limit */
    WhitespaceRowSource(Reader lines, ColumnMapping mapping, FileLimits limits) {
        super(limits);
        this.reader = new BufferedReader(lines, 1 << 16);
        resolveLayout(mapping, "the file is empty");
    }

    @Override
    String[] readRow() {
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
            throw TransactionFiles.unreadable(new UncheckedIOException(e), rowNumber());
        }
    }

    @Override
    public void close() {
        TransactionFiles.closeQuietly(reader);
    }
}
