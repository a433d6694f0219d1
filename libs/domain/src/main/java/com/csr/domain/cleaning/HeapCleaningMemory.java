package com.csr.domain.cleaning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What both on-heap memories hold alike: fingerprints in an open-addressing set of longs, and the cancellations
 * waiting for their purchase as their cells (a small part of a file's rows), handed out in row order.
 */
abstract class HeapCleaningMemory implements CleaningMemory {

    private final FingerprintSet seen = new FingerprintSet();
    private final List<Awaiting> awaiting = new ArrayList<>();

    private record Awaiting(long row, String[] cells) {
    }

    @Override
    public final boolean firstSighting(long fingerprint) {
        return seen.add(fingerprint);
    }

    @Override
    public final void awaitPurchase(long row, String[] cells) {
        awaiting.add(new Awaiting(row, cells));
    }

    @Override
    public final void forEachAwaiting(RowVisitor visitor) {
        awaiting.sort(Comparator.comparingLong(Awaiting::row));
        for (Awaiting a : awaiting) {
            visitor.row(a.row(), a.cells());
        }
        awaiting.clear();
    }
}
