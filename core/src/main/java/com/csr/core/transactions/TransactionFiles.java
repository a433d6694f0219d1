package com.csr.core.transactions;

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
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a transaction file of any supported kind — CSV with {@code ,} {@code ;} tab or whitespace, the same
 * gzip-compressed, or XLSX — recognised from its first bytes, and resolves its columns.
 */
public final class TransactionFiles {

    private static final int BUFFER = 1 << 16;
    private static final int MAX_HEADER_CHARS = 1 << 20;

    private TransactionFiles() {
    }

    /** Opens a file on disk. */
    public static RowSource open(Path file, ColumnMapping mapping) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidTransactionFileException("no such file: " + file);
        }
        try {
            return open(Files.newInputStream(file), mapping);
        } catch (IOException e) {
            throw new InvalidTransactionFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens a stream (an upload, say); it is read once, front to back, and closed with the source. */
    public static RowSource open(InputStream stream, ColumnMapping mapping) {
        BufferedInputStream in = new BufferedInputStream(stream, BUFFER);
        try {
            in.mark(8);
            byte[] head = in.readNBytes(4);
            in.reset();
            if (head.length == 0) {
                throw new InvalidTransactionFileException("the file is empty");
            }
            return switch (FileFormat.sniff(head, head.length)) {
                case XLSX -> new XlsxRowSource(in, mapping);
                case GZIP_TEXT -> text(new GZIPInputStream(in, BUFFER), mapping);
                case TEXT -> text(in, mapping);
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

    private static RowSource text(InputStream in, ColumnMapping mapping) throws IOException {
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
        return delimiter == Delimiter.WHITESPACE
                ? new WhitespaceRowSource(reader, mapping)
                : new CsvRowSource(reader, delimiter.character, mapping);
    }

    private static String firstNonBlankLine(BufferedReader reader) throws IOException {
        String line;
        int chars = 0;
        while ((line = reader.readLine()) != null) {
            chars += line.length() + 1;
            if (chars >= MAX_HEADER_CHARS) {
                throw new InvalidTransactionFileException("no line break in the first megabyte: not a transaction file");
            }
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
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
