package com.csr.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a transaction file on {@code transactions.raw}, or one of the markers around a file's rows: the
 * optional start marker, which says how to read the rows so they can be cleaned as they arrive, and the end-of-file
 * marker, which says how many there are.
 *
 * @param tenantId whose file
 * @param fileId   the file; rows of one file share it, and a file published twice under one id counts once
 * @param row      1-based data row (header excluded); 0 on the start marker; on the end marker, the number of rows
 * @param values   the row as a JSON object of source columns, in file order (keys {@code 1, 2, ...} when the file
 *                 has no header); null on the markers
 * @param start    on the start marker, how to read the file; null otherwise
 * @param end      on the end marker, how the file ends; null otherwise
 * @param block    on a block of rows, the rows numbered {@code row, row + 1, ...}; null otherwise
 */
public record RawRow(String tenantId, String fileId, long row, Map<String, String> values, FileStart start,
                     FileEnd end, RowBlock block) {

    /**
     * The start marker's content. A file that has one is cleaned row by row as it arrives; a file without one is
     * held until its end marker, whose settings then apply.
     *
     * @param columns an explicit column mapping ({@code customer=..,date=..}), or null for header aliases
     * @param asOf    last date whose transactions are known (YYYY-MM-DD), or null for the file's last date
     */
    public record FileStart(String columns, String asOf) {
    }

    /**
     * The end-of-file marker's content.
     *
     * @param rowCount how many rows the file has; ingestion waits for all of them
     * @param columns  an explicit column mapping, or null for header aliases; a start marker's settings win
     * @param asOf     last date whose transactions are known (YYYY-MM-DD), or null; a start marker's settings win
     */
    public record FileEnd(long rowCount, String columns, String asOf) {
    }

    /**
     * Consecutive rows of a file in one record: what {@code csr publish} and uploads send, since a record a row cost
     * the producer, the broker and ingestion more than the row itself. Rows on their own stay as welcome.
     *
     * @param columns the source columns, in file order, as a row's {@code values} would name them
     * @param rows    each row's cells in column order; a row may be shorter (a malformed row cut short) or longer
     *                (cells past the last column are named {@code n+1, n+2, ...} as in a file without a header)
     */
    public record RowBlock(List<String> columns, List<List<String>> rows) {
    }

    public static RawRow start(String tenantId, String fileId, String columns, String asOf) {
        return new RawRow(tenantId, fileId, 0, null, new FileStart(columns, asOf), null, null);
    }

    public static RawRow row(String tenantId, String fileId, long row, Map<String, String> values) {
        return new RawRow(tenantId, fileId, row, values, null, null, null);
    }

    /** Rows {@code firstRow, firstRow + 1, ...} of a file. */
    public static RawRow block(String tenantId, String fileId, long firstRow, List<String> columns,
                               List<List<String>> rows) {
        return new RawRow(tenantId, fileId, firstRow, null, null, null, new RowBlock(columns, rows));
    }

    public static RawRow end(String tenantId, String fileId, long rowCount, String columns, String asOf) {
        return new RawRow(tenantId, fileId, rowCount, null, null, new FileEnd(rowCount, columns, asOf), null);
    }

    /**
     * The rows and markers this record carries, one by one: a block's rows each as a row of its own, anything else
     * itself.
     */
    @JsonIgnore
    public List<RawRow> unpacked() {
        if (block == null) {
            return List.of(this);
        }
        List<String> columns = block.columns() == null ? List.of() : block.columns();
        List<RawRow> rows = new ArrayList<>(block.rows() == null ? 0 : block.rows().size());
        long number = row;
        for (List<String> cells : block.rows() == null ? List.<List<String>>of() : block.rows()) {
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < (cells == null ? 0 : cells.size()); i++) {
                named.put(i < columns.size() ? columns.get(i) : String.valueOf(i + 1), cells.get(i));
            }
            rows.add(row(tenantId, fileId, number++, named));
        }
        return rows;
    }

    /** About what a row's record would be in bytes ({@link #row}), to hold a block's rows to one row's limit. */
    @JsonIgnore
    public int approximateBytes() {
        int bytes = 128 + (tenantId == null ? 0 : tenantId.length()) + (fileId == null ? 0 : fileId.length());
        if (values != null) {
            for (Map.Entry<String, String> cell : values.entrySet()) {
                bytes += 6 + cell.getKey().length() + (cell.getValue() == null ? 4 : cell.getValue().length());
            }
        }
        return bytes;
    }

    @JsonIgnore
    public boolean isStart() {
        return start != null;
    }

    @JsonIgnore
    public boolean isBlock() {
        return block != null;
    }

    @JsonIgnore
    public boolean isEnd() {
        return end != null;
    }
}
