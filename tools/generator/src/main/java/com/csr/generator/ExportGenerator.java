package com.csr.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Makes a retail transaction export from a spec: the shop is simulated and written out as it goes, into a temporary
 * file beside the target that takes the target's name only once complete, so a failed run leaves no half file.
 */
public final class ExportGenerator {

    private ExportGenerator() {
    }

    /**
     * Writes the export and returns its accounting.
     *
     * @throws ExportTooLargeException  if the format cannot hold that many rows (checked before anything is written)
     * @throws IllegalArgumentException if the file name says no known format
     * @throws UncheckedIOException     if the file cannot be written
     */
    public static ExportAccounting generate(ExportSpec spec, Path out) {
        ExportFormat format = ExportFormat.of(out);
        ShopSimulation shop = new ShopSimulation(spec);
        try {
            if (format.maxRows() != Long.MAX_VALUE) {
                checkFits(shop, spec, format.maxRows());
            }
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // a plain file, not a temporary one, so the export gets the usual permissions
            Path part = dir.resolve("." + out.getFileName() + ".part");
            try {
                ExportAccounting accounting;
                try (ExportWriter writer = format.open(part, spec)) {
                    accounting = shop.run(writer);
                    writer.finish();
                }
                move(part, out);
                return accounting;
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** A dry run that only counts, stopping at the limit: the simulation is cheap next to the writing. */
    private static void checkFits(ShopSimulation shop, ExportSpec spec, long limit) throws IOException {
        try {
            shop.run(new RowCount(limit));
        } catch (RowCount.LimitReached e) {
            throw new ExportTooLargeException(String.format(Locale.ROOT,
                    "an XLSX sheet holds at most %,d rows, and %,d customers over %d year%s make more; write .csv or "
                    + ".csv.gz, or ask for fewer customers or years", limit, spec.customers(), spec.years(),
                    spec.years() == 1 ? "" : "s"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Counts rows without writing them. */
    private static final class RowCount implements ExportWriter {
        private final long limit;
        private long rows;

        RowCount(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(ExportLine line) {
            if (++rows > limit) {
                throw new LimitReached();
            }
        }

        @Override
        public void finish() {
        }

        @Override
        public void close() {
        }

        /** Thrown to stop the dry run as soon as the answer is known. */
        private static final class LimitReached extends RuntimeException {
            LimitReached() {
                super(null, null, false, false);
            }
        }
    }
}
