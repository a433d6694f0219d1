package com.csr.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The export as semicolon-separated text, Online Retail II's columns. Rows are assembled as bytes in a large
 * buffer from per-product and per-country pieces encoded once, and a date is formatted once per day: at millions
 * of rows a {@code String} per cell would cost more than the whole simulation. Nothing written needs quoting: codes,
 * names and countries hold no semicolon, quote or line break.
 */
final class CsvExportWriter implements ExportWriter {

    private static final byte SEPARATOR = ';';
    private static final int BUFFER = 1 << 20;
    /** More than any row can take: the longest description is under 60 characters. */
    private static final int LONGEST_ROW = 512;
    private static final byte[] UNREADABLE_DATE = ascii(ExportLine.UNREADABLE_DATE);
    private static final byte[] UNREADABLE_QUANTITY = ascii(ExportLine.UNREADABLE_QUANTITY);

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    /** "StockCode;Description;" by product index. */
    private byte[][] productCells = new byte[0][];
    private final Map<String, byte[]> countryCells = new HashMap<>();
    private long day = Long.MIN_VALUE;
    /** "yyyy-MM-dd " of {@link #day}. */
    private final byte[] dayCells = new byte[11];

    CsvExportWriter(OutputStream out) throws IOException {
        this.out = out;
        byte[] header = ascii(String.join(";", HEADER) + "\n");
        System.arraycopy(header, 0, buffer, 0, header.length);
        position = header.length;
    }

    @Override
    public void write(ExportLine line) throws IOException {
        if (position + LONGEST_ROW > buffer.length) {
            flushBuffer();
        }
        byte[] b = buffer;
        if (line.cancellation) {
            b[position++] = 'C';
        }
        writeInt(line.invoice);
        b[position++] = SEPARATOR;
        put(productCells(line.product));
        if (line.damage == ExportLine.Damage.QUANTITY_UNREADABLE) {
            put(UNREADABLE_QUANTITY);
        } else {
            writeInt(line.quantity);
        }
        if (line.damage == ExportLine.Damage.CUT_SHORT) {
            b[position++] = '\n';
            return;
        }
        b[position++] = SEPARATOR;
        if (line.damage == ExportLine.Damage.DATE_UNREADABLE) {
            put(UNREADABLE_DATE);
        } else {
            writeTime(line.minute);
        }
        b[position++] = SEPARATOR;
        writeInt(line.pricePence / 100);
        b[position++] = '.';
        b[position++] = (byte) ('0' + line.pricePence / 10 % 10);
        b[position++] = (byte) ('0' + line.pricePence % 10);
        b[position++] = SEPARATOR;
        if (!line.guest) {
            writeInt(line.customer.id);
        }
        b[position++] = SEPARATOR;
        put(countryCells.computeIfAbsent(line.customer.country, CsvExportWriter::ascii));
        b[position++] = '\n';
    }

    @Override
    public void finish() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    private byte[] productCells(Product product) {
        int i = product.index();
        if (i >= productCells.length) {
            productCells = Arrays.copyOf(productCells, Math.max(i + 1, productCells.length * 2));
        }
        byte[] cells = productCells[i];
        if (cells == null) {
            cells = ascii(product.stockCode() + ";" + product.description() + ";");
            productCells[i] = cells;
        }
        return cells;
    }

    private void writeTime(long epochMinute) {
        long today = Math.floorDiv(epochMinute, 1_440);
        if (today != day) {
            day = today;
            byte[] date = ascii(LocalDate.ofEpochDay(today) + " ");
            System.arraycopy(date, 0, dayCells, 0, dayCells.length);
        }
        put(dayCells);
        int minuteOfDay = (int) (epochMinute - today * 1_440);
        byte[] b = buffer;
        b[position++] = (byte) ('0' + minuteOfDay / 600);
        b[position++] = (byte) ('0' + minuteOfDay / 60 % 10);
        b[position++] = ':';
        b[position++] = (byte) ('0' + minuteOfDay % 60 / 10);
        b[position++] = (byte) ('0' + minuteOfDay % 10);
        b[position++] = ':';
        b[position++] = '0';
        b[position++] = '0';
    }

    private void writeInt(int value) {
        byte[] b = buffer;
        long v = value;
        if (v < 0) {
            b[position++] = '-';
            v = -v;
        }
        int start = position;
        do {
            b[position++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = position - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }

    private void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
