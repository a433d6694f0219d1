package com.csr.core.cleaning;

/** The fingerprints of the rows seen so far: an open-addressing set of longs, no boxing, 8 bytes a row. */
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
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
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

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long f : old) {
            if (f != 0) {
                add(f);
            }
        }
    }
}
