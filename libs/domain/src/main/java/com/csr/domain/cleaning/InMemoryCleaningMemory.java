package com.csr.domain.cleaning;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link CleaningMemory} on the heap, for a file whose kept transactions are all held in a list (a preview, a test):
 * fingerprints in an open-addressing set of longs, and the many repeated codes, names and ids shared so a million
 * rows stay small. The batch run streams instead ({@link StreamingCleaningMemory}).
 */
public final class InMemoryCleaningMemory extends HeapCleaningMemory {

    private final Map<String, Long> firstPurchase = new HashMap<>(1 << 16);
    private final Map<String, String> strings = new HashMap<>(1 << 16);

    @Override
    public long firstPurchase(String customerId, String stockCode) {
        return firstPurchase.getOrDefault(key(customerId, stockCode), NO_PURCHASE);
    }

    @Override
    public void purchased(String customerId, String stockCode, long epochSecond) {
        firstPurchase.merge(key(customerId, stockCode), epochSecond, Math::min);
    }

    @Override
    public String share(String value) {
        String shared = strings.putIfAbsent(value, value);
        return shared == null ? value : shared;
    }

    private static String key(String customerId, String stockCode) {
        return customerId + '\u0000' + stockCode;
    }
}
