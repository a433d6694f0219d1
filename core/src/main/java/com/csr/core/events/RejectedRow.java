package com.csr.core.events;

import java.util.List;

/**
 * A row that was not kept, on {@code transactions.rejected}: nothing is dropped silently.
 *
 * @param tenantId whose
 * @param fileId   the file
 * @param row      1-based data row
 * @param reason   the reason code, e.g. {@code missing_customer}
 * @param cells    the row as read
 */
public record RejectedRow(String tenantId, String fileId, long row, String reason, List<String> cells) {
}
