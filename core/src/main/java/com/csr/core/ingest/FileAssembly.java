package com.csr.core.ingest;

import com.csr.core.events.RawRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of one file gathered from {@code transactions.raw} until its end-of-file marker has come and every row
 * it counts is there. A row published twice is kept once (by row number).
 *
 * <p>Rows are kept as arrays in the column order of the first row that arrived, with repeated values (countries,
 * codes, timestamps) shared, so a half-million-row file fits in a couple of hundred megabytes.
 */
public final class FileAssembly {

    private final String tenantId;
    private final String fileId;
    private final TreeMap<Long, String[]> rows = new TreeMap<>();
    private final Map<String, String> shared = new HashMap<>();
    private List<String> header;
    private RawRow.FileEnd end;

    public FileAssembly(String tenantId, String fileId) {
        this.tenantId = tenantId;
        this.fileId = fileId;
    }

    /** Adds a row or the marker; returns true when the file is complete. */
    public boolean add(RawRow record) {
        if (record.isEnd()) {
            end = record.end();
        } else if (record.row() >= 1 && record.values() != null) {
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
        return isComplete();
    }

    private String share(String value) {
        String existing = shared.putIfAbsent(value, value);
        return existing == null ? value : existing;
    }

    public boolean isComplete() {
        return end != null && rows.size() >= end.rowCount();
    }

    public String tenantId() {
        return tenantId;
    }

    public String fileId() {
        return fileId;
    }

    public RawRow.FileEnd end() {
        return end;
    }

    public int rowsSoFar() {
        return rows.size();
    }

    /** The column names: the keys of the first row that arrived, in order. */
    public List<String> header() {
        return header == null ? List.of() : header;
    }

    /** The rows' cells in header order, by row number (rows beyond the marker's count are ignored). */
    public List<String[]> cells() {
        List<String[]> cells = new ArrayList<>(rows.size());
        for (Map.Entry<Long, String[]> e : rows.entrySet()) {
            if (end != null && e.getKey() > end.rowCount()) {
                break;
            }
            cells.add(e.getValue());
        }
        return cells;
    }
}
