package com.csr.domain.transactions;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Counts the bytes read through it and fails with a {@link FileLimitException} as soon as more than a limit have
 * come: under a gzip stream it bounds what the file decompresses to, under a zip entry what the entry inflates to
 * whatever its header declares. It can share a second, larger budget with other streams (a workbook's parts).
 */
final class LimitedInputStream extends FilterInputStream {

    /** A count of bytes several streams draw on, with the limit it must stay within. */
    static final class Budget {
        private final FileLimits.Limit limit;
        private final long max;
        private final String what;
        private long used;

        Budget(FileLimits.Limit limit, long max, String what) {
            this.limit = limit;
            this.max = max;
            this.what = what;
        }

        private void take(long bytes, LongSupplier afterRow) {
            used += bytes;
            if (used > max) {
                throw FileLimits.tooManyBytes(limit, max, what, afterRow.getAsLong());
            }
        }
    }

    private final Budget own;
    private final Budget shared;
    private LongSupplier afterRow = () -> 0;

    /**
     * @param own    this stream's limit
     * @param shared a budget shared with other streams, or null
     */
    LimitedInputStream(InputStream in, Budget own, Budget shared) {
        super(in);
        this.own = own;
        this.shared = shared;
    }

    /** Where the reader is, for the message: the last data row it returned. */
    void reportRowsFrom(LongSupplier lastRow) {
        this.afterRow = lastRow;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            taken(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            taken(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            taken(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void taken(long bytes) {
        own.take(bytes, afterRow);
        if (shared != null) {
            shared.take(bytes, afterRow);
        }
    }
}
