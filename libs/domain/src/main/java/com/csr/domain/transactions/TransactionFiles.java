package com.csr.domain.transactions;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a transaction file of any supported kind — CSV with {@code ,} {@code ;} tab or whitespace, the same
 * gzip-compressed, or XLSX — recognised from its first bytes, and resolves its columns. Every file is read within
 * its {@link FileLimits}: a line, a cell, the decompressed bytes, the rows and a workbook's parts stop at their limit
 * with a {@link FileLimitException}, and no more than the limit is ever held.
 */
public final class TransactionFiles {

    private static final int BUFFER = 1 << 16;
    private static final int MAX_HEADER_CHARS = 1 << 20;

    private TransactionFiles() {
    }

    /** Opens a file on disk, within the default limits. */
    public static RowSource open(Path file, ColumnMapping mapping) {
        return open(file, mapping, FileLimits.defaults());
    }

    /** Opens a file on disk; a workbook is read from the file itself, never copied into memory. */
    public static RowSource open(Path file, ColumnMapping mapping, FileLimits limits) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidTransactionFileException("no such file: " + file);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        } catch (IOException e) {
            throw new InvalidTransactionFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (FileFormat.sniff(head, head.length) == FileFormat.XLSX) {
            return new XlsxRowSource(file, false, mapping, limits);
        }
        try {
            return open(Files.newInputStream(file), mapping, limits);
        } catch (IOException e) {
            throw new InvalidTransactionFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens a stream (an upload, say) within the default limits; it is read once and closed with the source. */
    public static RowSource open(InputStream stream, ColumnMapping mapping) {
        return open(stream, mapping, FileLimits.defaults());
    }

    /**
     * Opens a stream; it is read once, front to back, and closed with the source. A workbook is first copied to a
     * temporary file (at most {@link FileLimits#maxDecompressedBytes()}), deleted when the source closes.
     */
    public static RowSource open(InputStream stream, ColumnMapping mapping, FileLimits limits) {
        BufferedInputStream in = new BufferedInputStream(stream, BUFFER);
        try {
            in.mark(8);
            byte[] head = in.readNBytes(4);
            in.reset();
            if (head.length == 0) {
                throw new InvalidTransactionFileException("the file is empty");
            }
            return switch (FileFormat.sniff(head, head.length)) {
                case XLSX -> new XlsxRowSource(copyToTemporaryFile(in, limits), true, mapping, limits);
                case GZIP_TEXT -> text(new GZIPInputStream(in, BUFFER), mapping, limits);
                case TEXT -> text(in, mapping, limits);
            };
        } catch (EOFException e) {
            closeQuietly(in);
            throw new InvalidTransactionFileException("the gzip file is truncated: its compressed data ends early", e);
        } catch (ZipException e) {
            closeQuietly(in);
            throw new InvalidTransactionFileException("not a valid gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(in);
            throw new InvalidTransactionFileException("cannot read the file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** The stream's bytes in a new temporary file, readable by its owner only; the stream is closed. */
    private static Path copyToTemporaryFile(InputStream in, FileLimits limits) throws IOException {
        Path copy = Files.createTempFile("csr-workbook-", ".xlsx");
        LimitedInputStream.Budget budget = new LimitedInputStream.Budget(FileLimits.Limit.DECOMPRESSED_BYTES,
                limits.maxDecompressedBytes(), "the workbook");
        try (InputStream limited = new LimitedInputStream(in, budget, null)) {
            Files.copy(limited, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    private static RowSource text(InputStream raw, ColumnMapping mapping, FileLimits limits) throws IOException {
        LimitedInputStream in = new LimitedInputStream(raw, new LimitedInputStream.Budget(
                FileLimits.Limit.DECOMPRESSED_BYTES, limits.maxDecompressedBytes(), "the file"), null);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
        reader.mark(MAX_HEADER_CHARS);
        String first = firstNonBlankLine(reader);
        if (first == null) {
            throw new InvalidTransactionFileException("the file is empty");
        }
        if (looksBinary(first)) {
            throw new InvalidTransactionFileException("not a text, gzip or XLSX file: the first line holds binary data");
        }
        reader.reset();
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        Delimiter delimiter = Delimiter.guess(first.charAt(0) == '\uFEFF' ? first.substring(1) : first);
        boolean hasHeader = !mapping.isPositional();
        HeaderedRowSource source = delimiter == Delimiter.WHITESPACE
                ? new WhitespaceRowSource(LineLimitReader.lines(reader, limits, hasHeader), mapping, limits)
                : new CsvRowSource(LineLimitReader.csv(reader, delimiter.character, limits, hasHeader),
                        delimiter.character, mapping, limits);
        in.reportRowsFrom(source::rowNumber);
        return source;
    }

    /**
     * The first line with something on it, read a character at a time so that a file without line breaks is held
     * to {@value #MAX_HEADER_CHARS} characters (the reader's mark), never more.
     */
    private static String firstNonBlankLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int chars = 0;
        int c;
        while ((c = reader.read()) >= 0) {
            if (++chars >= MAX_HEADER_CHARS) {
                throw new InvalidTransactionFileException("no line break in the first megabyte: not a transaction file");
            }
            if (c == '\n' || c == '\r') {
                if (!line.toString().isBlank()) {
                    return line.toString();
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return line.toString().isBlank() ? null : line.toString();
    }

    private static boolean looksBinary(String line) {
        int odd = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == 0 || c == '\uFFFD' || (c < 0x20 && c != '\t')) {
                odd++;
            }
        }
        return odd > 0 && odd * 20 >= line.length() || line.indexOf(0) >= 0;
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing after a failure: the failure is what the caller needs to see
        }
    }

    static InvalidTransactionFileException unreadable(UncheckedIOException e, long afterRow) {
        return new InvalidTransactionFileException("the file breaks off after data row " + afterRow + ": "
                + e.getCause().getMessage(), e);
    }
}
