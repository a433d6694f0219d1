package com.csr.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** The file kinds an export can be written as, told from the file's name. */
public enum ExportFormat {
    CSV("csv"),
    CSV_GZIP("csv.gz"),
    XLSX("xlsx");

    /**
     * Fastest deflate, for gzip and XLSX alike: level 6 makes a file about a fifth smaller but takes several times as
     * long to write, and a test file is written far more often than it is stored.
     */
    static final int DEFLATE_LEVEL = Deflater.BEST_SPEED;
    private static final int STREAM_BUFFER = 1 << 16;

    private final String code;

    ExportFormat(String code) {
        this.code = code;
    }

    /** The name ending without its dot: {@code csv}, {@code csv.gz}, {@code xlsx}. */
    public String code() {
        return code;
    }

    /**
     * @throws IllegalArgumentException for a name that ends in none of them
     */
    public static ExportFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv.gz")) {
            return CSV_GZIP;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        throw new IllegalArgumentException("cannot tell the format from the name '" + file.getFileName()
                + "': it must end in .csv, .csv.gz or .xlsx");
    }

    /** The most data rows one file of this kind can hold. */
    long maxRows() {
        return this == XLSX ? XlsxExportWriter.MAX_DATA_ROWS : Long.MAX_VALUE;
    }

    ExportWriter open(Path file, ExportSpec spec) throws IOException {
        return switch (this) {
            case CSV -> new CsvExportWriter(new BufferedOutputStream(Files.newOutputStream(file), STREAM_BUFFER));
            case CSV_GZIP -> new CsvExportWriter(new FastGzipOutputStream(Files.newOutputStream(file)));
            case XLSX -> new XlsxExportWriter(file, spec.asOf());
        };
    }

    /** gzip at {@link #DEFLATE_LEVEL}; the JDK's stream starts at level 6 and has no setter. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, STREAM_BUFFER);
            def.setLevel(DEFLATE_LEVEL);
        }
    }
}
