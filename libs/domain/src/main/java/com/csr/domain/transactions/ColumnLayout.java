package com.csr.domain.transactions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each field sits in a file's rows, resolved from its header (by alias or explicit mapping) or from
 * positions. Checks that the fields the pipeline needs are there: customer, date, and amount or quantity x price.
 */
public final class ColumnLayout {

    private final int[] index = new int[Field.values().length];
    private final boolean hasHeader;

    private ColumnLayout(Map<Field, Integer> positions, boolean hasHeader) {
        Arrays.fill(index, -1);
        positions.forEach((f, i) -> index[f.ordinal()] = i);
        this.hasHeader = hasHeader;
    }

    /**
     * Resolves a layout.
     *
     * @param header   the first line's cells (data when the mapping is positional)
     * @param mapping  explicit columns, or {@link ColumnMapping#none()} to recognise the header by alias
     * @throws InvalidTransactionFileException naming the missing or unknown column
     */
    public static ColumnLayout resolve(String[] header, ColumnMapping mapping) {
        Map<Field, Integer> positions = new EnumMap<>(Field.class);
        if (mapping.isPositional()) {
            mapping.columns().forEach((field, column) -> {
                int position = Integer.parseInt(column);
                if (position < 1 || position > header.length) {
                    throw new InvalidTransactionFileException("column " + position + " mapped to '" + field.key()
                            + "' does not exist: the first row has " + header.length + " columns");
                }
                positions.put(field, position - 1);
            });
            return validated(new ColumnLayout(positions, false), header);
        }
        for (int i = 0; i < header.length; i++) {
            Field field = HeaderAliases.fieldOf(header[i]);
            if (field != null && !positions.containsKey(field)) {
                positions.put(field, i);
            }
        }
        mapping.columns().forEach((field, column) -> positions.put(field, findColumn(header, field, column)));
        return validated(new ColumnLayout(positions, true), header);
    }

    private static int findColumn(String[] header, Field field, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equalsIgnoreCase(column.trim())) {
                return i;
            }
        }
        String wanted = HeaderAliases.normalise(column);
        for (int i = 0; i < header.length; i++) {
            if (HeaderAliases.normalise(header[i]).equals(wanted)) {
                return i;
            }
        }
        throw new InvalidTransactionFileException("unknown column '" + column + "' mapped to '" + field.key()
                + "'; the file's columns are " + describe(header));
    }

    private static ColumnLayout validated(ColumnLayout layout, String[] header) {
        List<String> missing = new ArrayList<>();
        if (!layout.has(Field.CUSTOMER)) {
            missing.add("customer");
        }
        if (!layout.has(Field.DATE)) {
            missing.add("date");
        }
        if (!layout.has(Field.AMOUNT) && !(layout.has(Field.QUANTITY) && layout.has(Field.PRICE))) {
            missing.add("amount (or quantity and price)");
        }
        if (!missing.isEmpty()) {
            throw new InvalidTransactionFileException("no " + String.join(", no ", missing) + " column in "
                    + (layout.hasHeader ? "the header " + describe(header) : "the mapping")
                    + "; name them with --columns, e.g. customer=CustomerID,date=InvoiceDate,amount=Total");
        }
        return layout;
    }

    private static String describe(String[] header) {
        String joined = String.join(", ", header);
        return "[" + (joined.length() > 200 ? joined.substring(0, 200) + "..." : joined) + "]";
    }

    public boolean has(Field field) {
        return index[field.ordinal()] >= 0;
    }

    /** The 0-based column of a field, or -1. */
    public int indexOf(Field field) {
        return index[field.ordinal()];
    }

    /** The cell of a field in a row; empty when the field is absent or the row is short. */
    public String cell(String[] row, Field field) {
        int i = index[field.ordinal()];
        return i >= 0 && i < row.length ? row[i] : "";
    }

    /** True when the first line of the file is a header rather than data. */
    public boolean hasHeader() {
        return hasHeader;
    }
}
