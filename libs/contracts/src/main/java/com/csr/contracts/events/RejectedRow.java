package com.csr.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A row that was not kept, on {@code transactions.rejected}: nothing is dropped silently. Or a block of rejected
 * rows of one file, which is what ingestion publishes (a record a row cost more than the row); keyed by the first.
 *
 * @param tenantId whose
 * @param fileId   the file
 * @param row      1-based data row; on a block, its first row's
 * @param reason   the reason code, e.g. {@code missing_customer}; null on a block
 * @param cells    the row as read; null on a block
 * @param block    on a block, its rows in the order they were rejected; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RejectedRow(String tenantId, String fileId, long row, String reason, List<String> cells,
                          List<Rejected> block) {

    /** One row of a block: what a rejected row of its own would carry beside its tenant and file. */
    public record Rejected(long row, String reason, List<String> cells) {
    }

    /** One rejected row on its own. */
    public RejectedRow(String tenantId, String fileId, long row, String reason, List<String> cells) {
        this(tenantId, fileId, row, reason, cells, null);
    }

    /** A block of a file's rejected rows (at least one). */
    public static RejectedRow block(String tenantId, String fileId, List<Rejected> rows) {
        return new RejectedRow(tenantId, fileId, rows.get(0).row(), null, null, List.copyOf(rows));
    }

    @JsonIgnore
    public boolean isBlock() {
        return block != null;
    }

    /** The rows this record carries, each as a rejected row of its own: a block's rows, or itself. */
    @JsonIgnore
    public List<RejectedRow> unpacked() {
        if (block == null) {
            return List.of(this);
        }
        List<RejectedRow> rows = new ArrayList<>(block.size());
        for (Rejected r : block) {
            rows.add(new RejectedRow(tenantId, fileId, r.row(), r.reason(), r.cells()));
        }
        return rows;
    }
}
