package com.csr.domain.cleaning;

/**
 * The fingerprints of the rows seen so far: an open-addressing set of longs, no boxing, at most three quarters full,
 * so 8 to 16 bytes a row (10.7 to 21 at the moment it grows: the old table and the new are both held).
 */
final class FingerprintSet {

    private long[] slots = new long[1 << 16];
    private boolean hasZero;
    private int size;

    /** Adds a fingerprint; false when it was already there. */
    boolean add(long fingerprint) {
        if (fingerprint == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 4L > slots.length * 3L) {
            grow();
        }
        int mask = slots.length - 1;
        int i = slot(fingerprint, mask);
        while (slots[i] != 0) {
            if (slots[i] == fingerprint) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = fingerprint;
        size++;
        return true;
    }

    /** Fingerprints held. */
    long size() {
        return size + (hasZero ? 1 : 0);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long f : old) {
            if (f != 0) {
                int i = slot(f, mask);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = f;
            }
        }
    }

    private static int slot(long fingerprint, int mask) {
        return (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
    }
}
