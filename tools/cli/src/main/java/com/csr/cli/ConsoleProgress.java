package com.csr.cli;

import com.csr.cli.pipeline.Progress;
import java.io.PrintStream;
import java.util.Locale;

/** Prints stages with the elapsed time, and a running row count while reading, on standard error. */
final class ConsoleProgress implements Progress {

    private final PrintStream out;
    private final long start = System.nanoTime();
    private final boolean interactive = System.console() != null;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void stage(String description) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, description);
    }

    @Override
    public void rowsRead(long rows) {
        if (interactive) {
            out.printf(Locale.ROOT, "\r          %,d rows read", rows);
            out.flush();
        } else if (rows % 500_000 == 0) {
            out.printf(Locale.ROOT, "          %,d rows read%n", rows);
        }
    }
}
