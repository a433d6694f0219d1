package com.csr.core.transactions;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Sits under a text parser and fails with a {@link FileLimitException} as soon as one line grows past
 * {@link FileLimits#maxLineChars()}, before the parser has buffered it: commons-csv's token buffer grows with a
 * quoted cell, and {@code readLine} with a line, however long. For CSV it follows quotes as commons-csv does (a
 * quote opens a quoted cell only as a cell's first character; {@code ""} inside is one quote), so a record's quoted
 * line breaks count in its length and the records it numbers are the parser's.
 */
final class LineLimitReader extends FilterReader {

    private static final int NONE = -1;

    private enum State { CELL_START, UNQUOTED, QUOTED, AFTER_QUOTE }

    private final FileLimits limits;
    private final int quote;
    private final int delimiter;
    private final boolean blankLinesAreRows;
    private final int headerLines;
    private State state = State.CELL_START;
    private long lineChars;
    private boolean lineHasContent;
    private long linesDone;

    private LineLimitReader(Reader in, FileLimits limits, int quote, int delimiter, boolean blankLinesAreRows,
                            boolean hasHeader) {
        super(in);
        this.limits = limits;
        this.quote = quote;
        this.delimiter = delimiter;
        this.blankLinesAreRows = blankLinesAreRows;
        this.headerLines = hasHeader ? 1 : 0;
    }

    /** For CSV: records as commons-csv reads them with {@code "} quotes; only empty lines are skipped. */
    static LineLimitReader csv(Reader in, char delimiter, FileLimits limits, boolean hasHeader) {
        return new LineLimitReader(in, limits, '"', delimiter, true, hasHeader);
    }

    /** For whitespace-separated files: plain lines; lines of nothing but spaces are skipped. */
    static LineLimitReader lines(Reader in, FileLimits limits, boolean hasHeader) {
        return new LineLimitReader(in, limits, NONE, NONE, false, hasHeader);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) == 1 ? one[0] : -1;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        // the state in locals for the loop: it runs over every character of the file
        State s = state;
        long chars = lineChars;
        boolean content = lineHasContent;
        long max = limits.maxLineChars();
        int i = offset;
        int end = offset + Math.max(n, 0);
        while (i < end) {
            if (blankLinesAreRows) {
                // a run of letters, digits and most punctuation changes nothing but the count
                int run = i;
                while (i < end && buffer[i] > '"' && buffer[i] != delimiter) {
                    i++;
                }
                if (i > run) {
                    chars += i - run;
                    content = true;
                    s = s == State.QUOTED ? s : State.UNQUOTED;
                    if (chars > max) {
                        throw limits.lineTooLong(linesDone + 1 - headerLines);
                    }
                    continue;
                }
            }
            char c = buffer[i++];
            if (s == State.QUOTED) {
                if (c == quote) {
                    s = State.AFTER_QUOTE;
                }
            } else if (c == '\n' || c == '\r') {
                if (content) {
                    linesDone++;
                }
                chars = 0;
                content = false;
                s = State.CELL_START;
                continue;
            } else if (c == delimiter) {
                s = State.CELL_START;
            } else if (c == quote) {
                if (s == State.CELL_START || s == State.AFTER_QUOTE) {
                    s = State.QUOTED;
                }
            } else {
                s = State.UNQUOTED;
            }
            content = content || blankLinesAreRows || !Character.isWhitespace(c);
            if (++chars > max) {
                throw limits.lineTooLong(linesDone + 1 - headerLines);
            }
        }
        state = s;
        lineChars = chars;
        lineHasContent = content;
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("every character is counted");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
