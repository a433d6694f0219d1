package com.csr.domain.transactions;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Rows of a delimited text file, parsed by FastCSV (quotes, embedded delimiters and line breaks) under a
 * {@link LineLimitReader}, which holds it to the quoting rules the platform has always read files by.
 */
final class CsvRowSource extends HeaderedRowSource {

    /** FastCSV's own default; a longer line limit raises it, as the line limit is what bounds a record. */
    private static final int PARSER_BUFFER = 16 * 1024 * 1024;

    private final CsvReader<String[]> reader;
    private final Iterator<String[]> records;

    /** @param reader the file's text, under a {@link LineLimitReader} so no record outgrows the line limit */
    CsvRowSource(Reader reader, char delimiter, ColumnMapping mapping, FileLimits limits) {
        super(limits);
        this.reader = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE).skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).detectBomHeader(false)
                .maxBufferSize((int) Math.max(PARSER_BUFFER, Math.min(Integer.MAX_VALUE - 16L,
                        limits.maxLineChars() + 2L)))
                .build(new Cells(), reader);
        this.records = this.reader.iterator();
        resolveLayout(mapping, "the file is empty");
    }

    @Override
    String[] readRow() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw TransactionFiles.unreadable(e, rowNumber());
        } catch (CsvParseException e) {
            // FastCSV wraps what fails under it: a limit or a broken quote the LineLimitReader found
            if (e.getCause() instanceof InvalidTransactionFileException found) {
                throw found;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw TransactionFiles.unreadable(io, rowNumber());
            }
            throw new InvalidTransactionFileException("the file breaks off after data row " + rowNumber() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        TransactionFiles.closeQuietly(reader);
    }

    /** A record's cells as a new array of strings. */
    private static final class Cells extends AbstractBaseCsvCallbackHandler<String[]> {
        private String[] cells = new String[16];
        private int count;

        @Override
        protected void handleBegin(long startingLineNumber) {
            count = 0;
        }

        @Override
        protected void handleField(int fieldIdx, char[] buffer, int offset, int length, boolean quoted) {
            if (count == cells.length) {
                cells = Arrays.copyOf(cells, count * 2);
            }
            cells[count++] = new String(buffer, offset, length);
        }

        @Override
        protected String[] buildRecord() {
            return Arrays.copyOf(cells, count);
        }
    }
}
