package com.csr.domain.transactions;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Sits under a text parser and fails with a {@link FileLimitException} as soon as one line grows past
 * {@link FileLimits#maxLineChars()}, before the parser has buffered it: a parser's buffer grows with a quoted cell,
 * and {@code readLine} with a line, however long. For CSV it follows quotes as commons-csv, the parser before
 * FastCSV, did, and holds FastCSV to them: a quote opens a quoted cell only as a cell's first character, {@code ""}
 * inside is one quote, whitespace between a closing quote and the delimiter is dropped, any other character there
 * ends the file as unreadable, and so does a quote still open at the end of the file. So a record's quoted line
 * breaks count in its length, and the records it numbers are the parser's.
 */
final class LineLimitReader extends FilterReader {

    private static final int NONE = -1;

    private enum State { CELL_START, UNQUOTED, QUOTED, AFTER_QUOTE, SPACE_AFTER_QUOTE }

    private final FileLimits limits;
    private final int quote;
    private final int delimiter;
    private final int headerLines;
    private State state = State.CELL_START;
    private long lineChars;
    private boolean lineHasContent;
    private long linesDone;
    /** Line breaks so far, as an editor counts lines (CR LF is one), and the line the current record began on. */
    private long lineBreaks;
    private long recordLine;
    private char previous = '\n';

    private LineLimitReader(Reader in, FileLimits limits, int quote, int delimiter, boolean hasHeader) {
        super(in);
        this.limits = limits;
        this.quote = quote;
        this.delimiter = delimiter;
        this.headerLines = hasHeader ? 1 : 0;
    }

    /** For CSV: records as commons-csv read them with {@code "} quotes; only empty lines are skipped. */
    static LineLimitReader csv(Reader in, char delimiter, FileLimits limits, boolean hasHeader) {
        return new LineLimitReader(in, limits, '"', delimiter, hasHeader);
    }

    /** For whitespace-separated files: plain lines; lines of nothing but spaces are skipped. */
    static LineLimitReader lines(Reader in, FileLimits limits, boolean hasHeader) {
        return new LineLimitReader(in, limits, NONE, NONE, hasHeader);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) == 1 ? one[0] : -1;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        while (true) {
            int n = in.read(buffer, offset, length);
            if (quote == NONE) {
                countLines(buffer, offset, Math.max(n, 0));
                return n;
            }
            if (n < 0) {
                if (state == State.QUOTED) {
                    throw new InvalidTransactionFileException("unterminated quote on line " + recordLine
                            + " (after data row " + (linesDone - headerLines) + "): a quoted field is never closed");
                }
                return n;
            }
            int passed = csv(buffer, offset, offset + n) - offset;
            if (passed > 0 || n == 0) {
                return passed;
            }
            // nothing but dropped spaces: read on, a reader answers with characters or the end
        }
    }

    /**
     * Follows the CSV records through {@code buffer[from, end)}, dropping whitespace after closing quotes.
     *
     * @return where the characters passed on end
     */
    private int csv(char[] buffer, int from, int end) {
        // the state in locals for the loop: it runs over every character of the file
        State s = state;
        long chars = lineChars;
        boolean content = lineHasContent;
        long max = limits.maxLineChars();
        char last = previous;
        int i = from;
        int kept = from;
        while (i < end) {
            // a run of ordinary characters changes nothing but the count
            int run = i;
            if (s == State.QUOTED) {
                while (i < end && buffer[i] != quote && buffer[i] != '\n' && buffer[i] != '\r') {
                    i++;
                }
            } else if (s == State.UNQUOTED) {
                while (i < end && buffer[i] != quote && buffer[i] != '\n' && buffer[i] != '\r'
                        && buffer[i] != delimiter) {
                    i++;
                }
            }
            if (i > run) {
                if (!content) {
                    content = true;
                    recordLine = lineBreaks + 1;
                }
                chars += i - run;
                if (kept != run) {
                    System.arraycopy(buffer, run, buffer, kept, i - run);
                }
                kept += i - run;
                last = buffer[i - 1];
                if (chars > max) {
                    throw limits.lineTooLong(linesDone + 1 - headerLines);
                }
                if (i == end) {
                    break;
                }
            }
            char c = buffer[i++];
            if (c == '\r' || (c == '\n' && last != '\r')) {
                lineBreaks++;
            }
            last = c;
            boolean pass = true;
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
                buffer[kept++] = c;
                continue;
            } else if ((s == State.AFTER_QUOTE && c != quote && c != delimiter)
                    || (s == State.SPACE_AFTER_QUOTE && c != delimiter)) {
                if (!Character.isWhitespace(c)) {
                    throw new InvalidTransactionFileException("the file breaks off after data row "
                            + (linesDone - headerLines) + ": a character other than the delimiter follows a closing "
                            + "quote on line " + (lineBreaks + 1));
                }
                s = State.SPACE_AFTER_QUOTE;
                pass = false;
            } else if (c == delimiter) {
                s = State.CELL_START;
            } else if (c == quote && (s == State.CELL_START || s == State.AFTER_QUOTE)) {
                s = State.QUOTED;
            } else {
                s = State.UNQUOTED;
            }
            if (!content) {
                content = true;
                recordLine = lineBreaks + 1;
            }
            if (pass) {
                buffer[kept++] = c;
            }
            if (++chars > max) {
                throw limits.lineTooLong(linesDone + 1 - headerLines);
            }
        }
        state = s;
        lineChars = chars;
        lineHasContent = content;
        previous = last;
        return kept;
    }

    /** Lines of a whitespace-separated file: a line counts once it has something other than spaces. */
    private void countLines(char[] buffer, int from, int n) {
        long chars = lineChars;
        boolean content = lineHasContent;
        long max = limits.maxLineChars();
        for (int i = from, end = from + n; i < end; i++) {
            char c = buffer[i];
            if (c == '\n' || c == '\r') {
                if (content) {
                    linesDone++;
                }
                chars = 0;
                content = false;
                continue;
            }
            content = content || !Character.isWhitespace(c);
            if (++chars > max) {
                throw limits.lineTooLong(linesDone + 1 - headerLines);
            }
        }
        lineChars = chars;
        lineHasContent = content;
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
