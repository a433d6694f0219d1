package com.csr.core.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * One row of a transaction file on {@code transactions.raw}, or the end-of-file marker that closes it.
 *
 * @param tenantId whose file
 * @param fileId   the file; rows of one file share it, and a file published twice under one id counts once
 * @param row      1-based data row (header excluded); for the marker, the number of rows in the file
 * @param values   the row as a JSON object of source columns, in file order (keys {@code 1, 2, ...} when the file
 *                 has no header); null on the marker
 * @param end      null on a row; on the marker, how the file ends
 */
public record RawRow(String tenantId, String fileId, long row, Map<String, String> values, FileEnd end) {

    /**
     * The end-of-file marker's content.
     *
     * @param rowCount how many rows the file has; ingestion waits for all of them
     * @param columns  an explicit column mapping ({@code customer=..,date=..}), or null for header aliases
     * @param asOf     last date whose transactions are known (YYYY-MM-DD), or null for the file's last date
     */
    public record FileEnd(long rowCount, String columns, String asOf) {
    }

    public static RawRow row(String tenantId, String fileId, long row, Map<String, String> values) {
        return new RawRow(tenantId, fileId, row, values, null);
    }

    public static RawRow end(String tenantId, String fileId, long rowCount, String columns, String asOf) {
        return new RawRow(tenantId, fileId, rowCount, null, new FileEnd(rowCount, columns, asOf));
    }

    @JsonIgnore
    public boolean isEnd() {
        return end != null;
    }
}
