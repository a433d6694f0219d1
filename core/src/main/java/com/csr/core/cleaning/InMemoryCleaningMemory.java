package com.csr.core.cleaning;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link CleaningMemory} on the heap, for a file read in one go (the batch pipeline, a preview): fingerprints in an
 * open-addressing set of longs, and the many repeated codes, names and ids shared so a million rows stay small.
 */
public final class InMemoryCleaningMemory implements CleaningMemory {

    private final FingerprintSet seen = new FingerprintSet();
    private final Map<String, Long> firstPurchase = new HashMap<>(1 << 16);
    private final AwaitingCancellations awaiting = new AwaitingCancellations();
    private final Map<String, String> strings = new HashMap<>(1 << 16);

    @Override
    public boolean firstSighting(long fingerprint) {
        return seen.add(fingerprint);
    }

    @Override
    public long firstPurchase(String customerId, String stockCode) {
        return firstPurchase.getOrDefault(key(customerId, stockCode), NO_PURCHASE);
    }

    @Override
    public void purchased(String customerId, String stockCode, long epochSecond) {
        firstPurchase.merge(key(customerId, stockCode), epochSecond, Math::min);
    }

    @Override
    public void awaitPurchase(long row, String[] cells) {
        awaiting.add(row, cells);
    }

    @Override
    public void forEachAwaiting(RowVisitor visitor) {
        awaiting.forEach(visitor);
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
