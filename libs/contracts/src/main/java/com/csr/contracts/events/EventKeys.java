package com.csr.contracts.events;

import com.csr.contracts.ids.TenantIds;

/**
 * Record keys. A customer's events are keyed {@code tenant:customer} so they stay ordered on one partition; a file's
 * rows are keyed {@code tenant:file:row} and partitioned by {@code tenant:file} so a file stays in order too.
 */
public final class EventKeys {

    private EventKeys() {
    }

    public static String customer(String tenantId, String customerId) {
        return TenantIds.require(tenantId) + ":" + customerId;
    }

    public static String file(String tenantId, String fileId) {
        return TenantIds.require(tenantId) + ":" + fileId;
    }

    public static String row(String tenantId, String fileId, long row) {
        return file(tenantId, fileId) + ":" + row;
    }

    public static String model(String tenantId, String kind) {
        return TenantIds.require(tenantId) + ":" + kind;
    }

    /** The tenant a key belongs to: the part before the first colon. */
    public static String tenantOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    /** What a row key is partitioned by: {@code tenant:file}, the key without its row number. */
    public static String partitionKeyOfRow(String rowKey) {
        int last = rowKey.lastIndexOf(':');
        return last <= rowKey.indexOf(':') ? rowKey : rowKey.substring(0, last);
    }
}
