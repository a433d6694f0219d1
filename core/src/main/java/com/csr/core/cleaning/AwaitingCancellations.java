package com.csr.core.cleaning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cancellations held on the heap until the file's end because their purchase had not been seen: their cells as
 * read, handed out in row order. Only cancellations waiting are here, a small part of a file's rows.
 */
final class AwaitingCancellations {

    private final List<Awaiting> awaiting = new ArrayList<>();

    private record Awaiting(long row, String[] cells) {
    }

    void add(long row, String[] cells) {
        awaiting.add(new Awaiting(row, cells));
    }

    /** Hands out the held cancellations in row order and forgets them. */
    void forEach(CleaningMemory.RowVisitor visitor) {
        awaiting.sort(Comparator.comparingLong(Awaiting::row));
        for (Awaiting a : awaiting) {
            visitor.row(a.row(), a.cells());
        }
        awaiting.clear();
    }
}
