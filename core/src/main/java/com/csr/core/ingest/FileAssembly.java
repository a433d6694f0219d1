package com.csr.core.ingest;

import com.csr.core.events.RawRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a file that came without a start marker, held until its end marker says how to read them. Rows are
 * kept as arrays in the column order of the first row that arrived, with repeated values (countries, codes,
 * timestamps) shared, so a half-million-row file fits in a couple of hundred megabytes.
 */
final class FileAssembly {

    private final TreeMap<Long, String[]> rows = new TreeMap<>();
    private final Map<String, String> shared = new HashMap<>();
    private List<String> header;

    /** What is done with each held row. */
    interface RowAction {
        void row(long row, String[] cells);
    }

    /** Holds a data row; the caller passes each row number once. */
    void add(RawRow record) {
        if (header == null) {
            header = List.copyOf(record.values().keySet());
        }
        String[] cells = new String[header.size()];
        for (int i = 0; i < cells.length; i++) {
            String value = record.values().get(header.get(i));
            cells[i] = value == null ? "" : share(value);
        }
        rows.put(record.row(), cells);
    }

    private String share(String value) {
        String existing = shared.putIfAbsent(value, value);
        return existing == null ? value : existing;
    }

    /** The column names: the keys of the first row that arrived, in order. */
    List<String> header() {
        return header == null ? List.of() : header;
    }

    /** Hands out the rows numbered up to {@code rowCount}, in row order, letting go of each. */
    void forEachRow(long rowCount, RowAction action) {
        Map.Entry<Long, String[]> e;
        while ((e = rows.pollFirstEntry()) != null && e.getKey() <= rowCount) {
            action.row(e.getKey(), e.getValue());
        }
        rows.clear();
    }
}
