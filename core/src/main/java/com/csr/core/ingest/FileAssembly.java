package com.csr.core.ingest;

import com.csr.core.events.RawRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of one file gathered from {@code transactions.raw} until its end-of-file marker has come and every row
 * it counts is there. A row published twice is kept once (by row number).
 */
public final class FileAssembly {

    private final String tenantId;
    private final String fileId;
    private final TreeMap<Long, Map<String, String>> rows = new TreeMap<>();
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
            rows.put(record.row(), record.values());
        }
        return isComplete();
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

    /** The column names: the keys of the first row, in order. */
    public List<String> header() {
        return rows.isEmpty() ? List.of() : List.copyOf(rows.firstEntry().getValue().keySet());
    }

    /** The rows' cells in header order, by row number (rows beyond the marker's count are ignored). */
    public List<String[]> cells() {
        List<String> header = header();
        List<String[]> cells = new ArrayList<>(rows.size());
        for (Map.Entry<Long, Map<String, String>> e : rows.entrySet()) {
            if (end != null && e.getKey() > end.rowCount()) {
                break;
            }
            String[] row = new String[header.size()];
            for (int i = 0; i < row.length; i++) {
                String value = e.getValue().get(header.get(i));
                row[i] = value == null ? "" : value;
            }
            cells.add(row);
        }
        return cells;
    }
}
