package com.csr.domain.cleaning;

/** Receives each rejected row with its reason, e.g. to publish it; nothing is dropped silently. */
@FunctionalInterface
public interface RejectedRowListener {

    /** Ignores rejected rows (they are still counted in the report). */
    RejectedRowListener NONE = (rowNumber, reason, cells) -> { };

    /**
     * @param rowNumber 1-based data row in the file
     * @param reason    why it was rejected
     * @param cells     the row as read (a copy the listener may keep)
     */
    void rejected(long rowNumber, RejectReason reason, String[] cells);
}
