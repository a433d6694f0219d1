package com.csr.domain.features;

/**
 * An open-addressing map of long keys to long values, no boxing: 16 bytes a slot, at most three quarters full. A
 * customer's invoices and products are held in one each, keyed by a 64-bit hash of their code.
 */
final class LongLongMap {

    /** What {@link #get} answers for a key that is not there. */
    static final long ABSENT = Long.MIN_VALUE;
    private static final long EMPTY = 0;

    private long[] keys;
    private long[] values;
    private boolean hasZeroKey;
    private long zeroValue = ABSENT;
    private int size;

    /** @param expected entries it should hold before it first grows */
    LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 4 / 3) * 2 - 1);
        keys = new long[capacity];
        values = new long[capacity];
    }

    /** The value of a key, or {@link #ABSENT}. */
    long get(long key) {
        if (key == EMPTY) {
            return zeroValue;
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); keys[i] != EMPTY; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return ABSENT;
    }

    /** Sets a key's value when it has none; answers the value it now has. */
    long putIfAbsent(long key, long value) {
        long old = get(key);
        if (old != ABSENT) {
            return old;
        }
        put(key, value);
        return value;
    }

    /** Keeps the smaller of the key's value and {@code value}. */
    void min(long key, long value) {
        long old = get(key);
        if (old == ABSENT || value < old) {
            put(key, value);
        }
    }

    int size() {
        return size + (hasZeroKey ? 1 : 0);
    }

    /** Every value, in no particular order. */
    long[] values() {
        long[] all = new long[size()];
        int n = 0;
        if (hasZeroKey) {
            all[n++] = zeroValue;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                all[n++] = values[i];
            }
        }
        return all;
    }

    private void put(long key, long value) {
        if (key == EMPTY) {
            hasZeroKey = true;
            zeroValue = value;
            return;
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            if ((size + 1) * 4L > keys.length * 3L) {
                grow();
                put(key, value);
                return;
            }
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
