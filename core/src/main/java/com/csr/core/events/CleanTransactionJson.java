package com.csr.core.events;

import com.csr.core.transactions.Transaction;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@link CleanTransaction}s in {@link EventJson}'s form, written and read with Jackson's streaming API: the same
 * bytes as {@code EventJson.write}, and every form {@code EventJson.read} takes (any field order, unknown fields,
 * numbers in strings). There is one of these a kept line on the way to the feature service, and binding records
 * through reflection was a quarter of what ingestion and the feature service spent a line.
 */
public final class CleanTransactionJson {

    private static final JsonFactory JSON = EventJson.MAPPER.getFactory();

    private CleanTransactionJson() {
    }

    public static byte[] write(CleanTransaction event) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(320);
             JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("tenant_id", event.tenantId());
            out.writeStringField("file_id", event.fileId());
            out.writeStringField("transaction_id", event.transactionId());
            Transaction t = event.transaction();
            if (t == null) {
                out.writeNullField("transaction");
            } else {
                out.writeObjectFieldStart("transaction");
                out.writeNumberField("row_number", t.rowNumber());
                out.writeStringField("invoice", t.invoice());
                out.writeStringField("stock_code", t.stockCode());
                out.writeStringField("description", t.description());
                out.writeNumberField("quantity", t.quantity());
                out.writeNumberField("unit_price", t.unitPrice());
                out.writeNumberField("amount", t.amount());
                out.writeNumberField("epoch_second", t.epochSecond());
                out.writeStringField("customer_id", t.customerId());
                out.writeStringField("country", t.country());
                out.writeBooleanField("cancellation", t.cancellation());
                out.writeEndObject();
            }
            out.writeEndObject();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a clean transaction", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a clean transaction
     */
    public static CleanTransaction read(byte[] json) {
        try (JsonParser in = JSON.createParser(json)) {
            expect(in.nextToken(), JsonToken.START_OBJECT);
            String tenantId = null;
            String fileId = null;
            String transactionId = null;
            Transaction transaction = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                switch (field) {
                    case "tenant_id" -> tenantId = text(in, value);
                    case "file_id" -> fileId = text(in, value);
                    case "transaction_id" -> transactionId = text(in, value);
                    case "transaction" -> transaction = value == JsonToken.VALUE_NULL ? null : transaction(in, value);
                    default -> in.skipChildren();
                }
            }
            return new CleanTransaction(tenantId, fileId, transactionId, transaction);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid CleanTransaction: " + e.getMessage(), e);
        }
    }

    private static Transaction transaction(JsonParser in, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        long rowNumber = 0;
        String invoice = null;
        String stockCode = null;
        String description = null;
        double quantity = 0;
        double unitPrice = 0;
        double amount = 0;
        long epochSecond = 0;
        String customerId = null;
        String country = null;
        boolean cancellation = false;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "row_number" -> rowNumber = in.getValueAsLong();
                case "invoice" -> invoice = text(in, value);
                case "stock_code" -> stockCode = text(in, value);
                case "description" -> description = text(in, value);
                case "quantity" -> quantity = number(in, value);
                case "unit_price" -> unitPrice = number(in, value);
                case "amount" -> amount = number(in, value);
                case "epoch_second" -> epochSecond = in.getValueAsLong();
                case "customer_id" -> customerId = text(in, value);
                case "country" -> country = text(in, value);
                case "cancellation" -> cancellation = in.getValueAsBoolean();
                default -> in.skipChildren();
            }
        }
        return new Transaction(rowNumber, invoice, stockCode, description, quantity, unitPrice, amount, epochSecond,
                customerId, country, cancellation);
    }

    private static String text(JsonParser in, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!value.isScalarValue()) {
            throw new IllegalArgumentException("field '" + in.currentName() + "' is not text");
        }
        return in.getValueAsString();
    }

    private static double number(JsonParser in, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            return in.getDoubleValue();
        }
        if (value == JsonToken.VALUE_STRING) {
            return Double.parseDouble(in.getText().trim());
        }
        if (value == JsonToken.VALUE_NULL) {
            return 0;
        }
        throw new IllegalArgumentException("field '" + in.currentName() + "' is not a number");
    }

    private static void expect(JsonToken token, JsonToken wanted) {
        if (token != wanted) {
            throw new IllegalArgumentException("expected " + wanted + ", found " + token);
        }
    }
}
