package com.csr.domain.transactions;

/**
 * A transaction file over one of its {@link FileLimits}: the message says which row or part, what was seen, and
 * the limit with its setting, in one line, e.g. {@code data row 12,345 is longer than 1,048,576 characters (1 MiB),
 * the limit on a line (csr.ingest.limits.max-line-chars)}.
 */
public class FileLimitException extends InvalidTransactionFileException {

    private final FileLimits.Limit limit;
    private final long value;
    private final long seen;
    private final long row;

    /**
     * @param subject what is over the limit and by how much, e.g. {@code data row 7 is longer than 100 characters}
     */
    FileLimitException(FileLimits.Limit limit, long value, long seen, long row, String subject) {
        super(subject + ", " + limit.phrase());
        this.limit = limit;
        this.value = value;
        this.seen = seen;
        this.row = row;
    }

    /** Which limit. */
    public FileLimits.Limit limit() {
        return limit;
    }

    /** The limit's value. */
    public long value() {
        return value;
    }

    /** What was seen: the exact size or count when it is known, else the first value past the limit. */
    public long seen() {
        return seen;
    }

    /**
     * The data row the message names (1-based; 0 for the header): the row over the limit, or for a byte limit the
     * last row read before it; -1 when the limit was passed before any row could be told apart.
     */
    public long row() {
        return row;
    }
}
