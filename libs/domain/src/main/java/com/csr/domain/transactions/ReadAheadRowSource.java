package com.csr.domain.transactions;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Rows read ahead on a thread of their own: decompressing, splitting lines and making cells runs on one core while
 * cleaning runs on another. The rows come in the same order with the same numbers, and a file that breaks off fails
 * at the same row as its source would, after every row before it. At most {@link #BATCHES_AHEAD} batches of
 * {@link #BATCH_ROWS} rows wait, so memory stays bounded whatever the file's size.
 */
public final class ReadAheadRowSource implements RowSource {

    static final int BATCH_ROWS = 2_048;
    static final int BATCHES_AHEAD = 4;

    /** Rows in file order; an empty batch ends the file, with {@code failure} when the source failed there. */
    private record Batch(String[][] rows, long[] numbers, int size, Throwable failure) {
    }

    private final RowSource source;
    private final BlockingQueue<Batch> ready = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private Batch current = new Batch(new String[0][], new long[0], 0, null);
    private int position;
    private long rowNumber;
    private boolean ended;

    public ReadAheadRowSource(RowSource source) {
        this.source = source;
        this.reader = new Thread(this::readAll, "rows-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public ColumnLayout layout() {
        return source.layout();
    }

    @Override
    public List<String> header() {
        return source.header();
    }

    @Override
    public String[] next() {
        if (position == current.size()) {
            if (ended) {
                return null;
            }
            if (current.failure() instanceof RuntimeException failure) {
                throw failure;
            }
            if (current.failure() instanceof Error failure) {
                throw failure;
            }
            current = take();
            position = 0;
            if (current.size() == 0) {
                ended = current.failure() == null;
                return next();
            }
        }
        rowNumber = current.numbers()[position];
        return current.rows()[position++];
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    /** Stops the reader, then closes the source: the source is never closed under a read in progress. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        ready.clear();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            source.close();
        }
    }

    private Batch take() {
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading rows", e);
        }
    }

    private void readAll() {
        String[][] rows = new String[BATCH_ROWS][];
        long[] numbers = new long[BATCH_ROWS];
        int size = 0;
        Throwable failure = null;
        try {
            for (String[] row = source.next(); row != null && !closed; row = source.next()) {
                rows[size] = row.clone();
                numbers[size++] = source.rowNumber();
                if (size == BATCH_ROWS) {
                    hand(new Batch(rows, numbers, size, null));
                    rows = new String[BATCH_ROWS][];
                    numbers = new long[BATCH_ROWS];
                    size = 0;
                }
            }
        } catch (InterruptedException e) {
            return; // closed: nobody waits for the rest
        } catch (RuntimeException | Error e) {
            failure = e; // handed on after the rows before it, thrown where the rows are taken
        }
        try {
            if (size > 0) {
                hand(new Batch(rows, numbers, size, null));
            }
            hand(new Batch(rows, numbers, 0, failure));
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Waits for room, checking now and then whether the reader was closed meanwhile. */
    private void hand(Batch batch) throws InterruptedException {
        while (!closed) {
            if (ready.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new InterruptedException("closed");
    }
}
