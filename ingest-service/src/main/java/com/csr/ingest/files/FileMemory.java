package com.csr.ingest.files;

import com.csr.domain.cleaning.CleaningMemory;

/**
 * What an {@link IncomingFile} must remember row by row, besides what cleaning does: how many lines each invoice has
 * had (a line's id is {@code invoice#n}), rows that arrived ahead of a gap, and the rows of a file held until its
 * end marker. {@link FileStateStore} keeps it on disk.
 */
public interface FileMemory extends CleaningMemory {

    /** The number of this line within its invoice: 1 for the invoice's first kept line, then 2, 3, ... */
    int nextLine(String invoice);

    /** Notes a row that came before some row ahead of it; false when it had come already. */
    boolean markAhead(long row);

    /** True, and the note is dropped, when the row had come ahead of its turn. */
    boolean takeAhead(long row);

    /** Holds a row, in the file's column order, until the end marker says how to read it. */
    void hold(long row, String[] cells);

    /** Hands out the held rows numbered up to {@code rowCount} in row order. */
    void forEachHeld(long rowCount, RowVisitor visitor);
}
