package com.csr.domain.transactions;

import com.csr.domain.json.EventJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which source column holds each {@link Field}: by header name, or by 1-based position for files without a header.
 * A mapping whose columns are all positions marks the file as headerless.
 */
public final class ColumnMapping {

    private final Map<Field, String> columns;

    private ColumnMapping(Map<Field, String> columns) {
        this.columns = Collections.unmodifiableMap(new EnumMap<>(columns));
    }

    /** No explicit mapping: the header is recognised through {@link HeaderAliases}. */
    public static ColumnMapping none() {
        return new ColumnMapping(new EnumMap<>(Field.class));
    }

    /** A mapping from field to column. */
    public static ColumnMapping of(Map<Field, String> columns) {
        return new ColumnMapping(columns.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(columns));
    }

    /**
     * Parses {@code customer=Customer ID,date=InvoiceDate,amount=Total} (or positions: {@code customer=1,date=3}), or
     * the original's JSON document: {@code {"customer_id": "CustID", "order_id": "Order", "order_datetime": "When",
     * "product_id": "SKU", "quantity": "Qty", "unit_price": "Price"}} with {@code order_total} instead of quantity and
     * price when the file has totals; a column is a name or a 1-based position.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static ColumnMapping parse(String spec) {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        if (spec == null || spec.isBlank()) {
            return none();
        }
        if (spec.strip().startsWith("{")) {
            return fromJson(spec);
        }
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("bad column mapping '" + part.trim()
                        + "': expected field=column, e.g. customer=CustomerID");
            }
            Field field = Field.fromKey(part.substring(0, eq));
            if (columns.put(field, part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("column mapping names '" + field.key() + "' twice");
            }
        }
        return new ColumnMapping(columns);
    }

    private static ColumnMapping fromJson(String json) {
        JsonNode document;
        try {
            document = EventJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the column mapping is not valid JSON: " + e.getOriginalMessage());
        }
        Map<Field, String> columns = new EnumMap<>(Field.class);
        for (Map.Entry<String, JsonNode> entry : document.properties()) {
            JsonNode column = entry.getValue();
            if (!(column.isTextual() && !column.asText().isBlank()) && !column.canConvertToExactIntegral()) {
                throw new IllegalArgumentException("column mapping: '" + entry.getKey()
                        + "' must name a column or give its position, got " + column);
            }
            Field field = Field.fromKey(entry.getKey());
            if (columns.put(field, column.asText().strip()) != null) {
                throw new IllegalArgumentException("column mapping names '" + field.key() + "' twice");
            }
        }
        return new ColumnMapping(columns);
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }

    public Map<Field, String> columns() {
        return columns;
    }

    /** The mapping as its JSON document: the original's field names to columns, in field order; empty for none. */
    public Map<String, String> toDocument() {
        Map<String, String> document = new LinkedHashMap<>();
        columns.forEach((field, column) -> document.put(field.documentKey(), column));
        return document;
    }

    /** True when every mapped column is a 1-based position, so the file's first line is data. */
    public boolean isPositional() {
        return !columns.isEmpty() && columns.values().stream().allMatch(c -> c.matches("\\d+"));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        columns.forEach((f, c) -> sb.append(sb.length() == 0 ? "" : ",").append(f.key()).append('=').append(c));
        return sb.toString();
    }
}
