package com.csr.core.transactions;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Rows of a delimited text file, parsed by commons-csv (quotes, embedded delimiters and line breaks). */
final class CsvRowSource extends HeaderedRowSource {

    private static final Pattern UNCLOSED_QUOTE =
            Pattern.compile("\\(startline ([\\d,.\\u00a0 ]+)\\) EOF reached before encapsulated token finished");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    /** @param reader the file's text, under a {@link LineLimitReader} so no record outgrows the line limit */
    CsvRowSource(Reader reader, char delimiter, ColumnMapping mapping, FileLimits limits) throws IOException {
        super(limits);
        this.parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get()
                .parse(reader);
        this.records = parser.iterator();
        resolveLayout(mapping, "the file is empty");
    }

    @Override
    String[] readRow() {
        try {
            return records.hasNext() ? records.next().values() : null;
        } catch (UncheckedIOException e) {
            Matcher unclosed = UNCLOSED_QUOTE.matcher(String.valueOf(e.getCause().getMessage()));
            if (unclosed.find()) {
                throw new InvalidTransactionFileException("unterminated quote on line " + unclosed.group(1).trim()
                        + " (after data row " + rowNumber() + "): a quoted field is never closed", e);
            }
            throw TransactionFiles.unreadable(e, rowNumber());
        }
    }

    @Override
    public void close() {
        TransactionFiles.closeQuietly(parser);
    }
}
