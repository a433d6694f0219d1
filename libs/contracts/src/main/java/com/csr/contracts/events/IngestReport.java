package com.csr.contracts.events;

import java.util.Map;

/**
 * The quality report of one file, on {@code ingest.reports}; {@code rowsRead == rowsKept + sum(rejected)}.
 *
 * @param tenantId          whose
 * @param fileId            the file
 * @param status            {@code completed}, or {@code failed} with {@code error} saying why
 * @param rowsRead          rows read
 * @param rowsKept          rows kept (purchases and netted cancellations)
 * @param cancellationsKept of which cancellations
 * @param keptRevenue       net revenue kept
 * @param rejected          rejected rows by reason code
 * @param rejectedRevenue   revenue of the rejected rows by reason code
 * @param asOf              the as-of date used (YYYY-MM-DD)
 * @param completedAt       when ingestion finished (ISO instant)
 * @param error             for a failed file, the one-line reason
 * @param columns           the column mapping the file was read with, as its JSON document ({@code customer_id} to
 *                          a column, ...); {@code null} when its header named the columns
 */
public record IngestReport(String tenantId, String fileId, String status, long rowsRead, long rowsKept,
                           long cancellationsKept, double keptRevenue, Map<String, Long> rejected,
                           Map<String, Double> rejectedRevenue, String asOf, String completedAt, String error,
                           Map<String, String> columns) {

    /** A report of a file whose header named its columns. */
    public IngestReport(String tenantId, String fileId, String status, long rowsRead, long rowsKept,
                        long cancellationsKept, double keptRevenue, Map<String, Long> rejected,
                        Map<String, Double> rejectedRevenue, String asOf, String completedAt, String error) {
        this(tenantId, fileId, status, rowsRead, rowsKept, cancellationsKept, keptRevenue, rejected, rejectedRevenue,
                asOf, completedAt, error, null);
    }
}
