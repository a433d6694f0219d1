package com.csr.gateway.files;

import java.time.Instant;
import java.util.Map;

/**
 * A column mapping as it was used for a file.
 *
 * @param fileId     the file read with it
 * @param name       the name that file was uploaded under
 * @param receivedAt when it arrived
 * @param columns    the mapping document: {@code customer_id}, {@code order_datetime}, ... to column names or
 *                   1-based positions; send it back as {@code columns} to read the next file the same way
 */
public record SavedMapping(String fileId, String name, Instant receivedAt, Map<String, String> columns) {
}
