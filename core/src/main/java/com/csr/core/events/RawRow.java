package com.csr.core.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
 */
public record RawRow(String tenantId, String fileId, long row, Map<String, String> values, FileStart start,
                     FileEnd end) {

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

    public static RawRow start(String tenantId, String fileId, String columns, String asOf) {
        return new RawRow(tenantId, fileId, 0, null, new FileStart(columns, asOf), null);
    }

    public static RawRow row(String tenantId, String fileId, long row, Map<String, String> values) {
        return new RawRow(tenantId, fileId, row, values, null, null);
    }

    public static RawRow end(String tenantId, String fileId, long rowCount, String columns, String asOf) {
        return new RawRow(tenantId, fileId, rowCount, null, null, new FileEnd(rowCount, columns, asOf));
    }

    @JsonIgnore
    public boolean isStart() {
        return start != null;
    }

    @JsonIgnore
    public boolean isEnd() {
        return end != null;
    }
}
