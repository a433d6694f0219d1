package com.csr.feature.messaging;

import com.csr.feature.service.StoredLine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The line store's values in a small binary form: a format byte, then the fields in record order, strings as a
 * length and UTF-8 bytes. Publishing a customer's features reads back all of their lines, and decoding them as JSON
 * cost more than everything else the service does per line.
 */
public final class StoredLineSerde implements Serde<StoredLine> {

    private static final byte FORMAT = 1;
    private static final int FIXED_BYTES = 1 + 5 * Integer.BYTES + 5 * Long.BYTES + 1;

    @Override
    public Serializer<StoredLine> serializer() {
        return (topic, line) -> line == null ? null : write(line);
    }

    @Override
    public Deserializer<StoredLine> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    private static byte[] write(StoredLine line) {
        byte[] transactionId = utf8(line.transactionId());
        byte[] invoice = utf8(line.invoice());
        byte[] stockCode = utf8(line.stockCode());
        byte[] description = utf8(line.description());
        byte[] country = utf8(line.country());
        ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + transactionId.length + invoice.length + stockCode.length
                + description.length + country.length);
        out.put(FORMAT);
        putString(out, transactionId);
        out.putLong(line.rowNumber());
        putString(out, invoice);
        putString(out, stockCode);
        putString(out, description);
        out.putDouble(line.quantity()).putDouble(line.unitPrice()).putDouble(line.amount());
        out.putLong(line.epochSecond());
        putString(out, country);
        out.put((byte) (line.cancellation() ? 1 : 0));
        return out.array();
    }

    private static StoredLine read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte format = in.get();
        if (format != FORMAT) {
            throw new SerializationException("stored line in unknown format " + format);
        }
        StoredLine line = new StoredLine(getString(in), in.getLong(), getString(in), getString(in), getString(in),
                in.getDouble(), in.getDouble(), in.getDouble(), in.getLong(), getString(in), in.get() == 1);
        if (in.hasRemaining()) {
            throw new SerializationException("stored line with " + in.remaining() + " bytes too many");
        }
        return line;
    }

    /** A missing text field (a hand-written event may lack one) is stored empty, as the cleaner gives it. */
    private static byte[] utf8(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void putString(ByteBuffer out, byte[] utf8) {
        out.putInt(utf8.length).put(utf8);
    }

    private static String getString(ByteBuffer in) {
        int length = in.getInt();
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
