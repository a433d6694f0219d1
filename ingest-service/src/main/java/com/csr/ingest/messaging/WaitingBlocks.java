package com.csr.ingest.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Items waiting to go out in blocks, by block (a customer's clean lines of a file, a file's rejected rows): a block
 * goes out when it is full, every block when too many items wait, and the rest when the batch ends. So a batch holds
 * a bounded number of items, however large its files.
 *
 * @param <K> what names a block
 * @param <T> an item of a block
 */
final class WaitingBlocks<K, T> {

    private final int blockSize;
    private final int mostWaiting;
    private final BiConsumer<K, List<T>> send;
    private final Map<K, List<T>> waiting = new LinkedHashMap<>();
    private int count;

    /**
     * @param blockSize   the most items in one block
     * @param mostWaiting the most items waiting across blocks
     * @param send        sends one block, its items in the order they came
     */
    WaitingBlocks(int blockSize, int mostWaiting, BiConsumer<K, List<T>> send) {
        this.blockSize = blockSize;
        this.mostWaiting = mostWaiting;
        this.send = send;
    }

    void add(K block, T item) {
        List<T> items = waiting.computeIfAbsent(block, k -> new ArrayList<>());
        items.add(item);
        count++;
        if (items.size() >= blockSize) {
            waiting.remove(block);
            count -= items.size();
            send.accept(block, items);
        } else if (count >= mostWaiting) {
            sendAll();
        }
    }

    /** Sends every block still waiting, in the order they were begun. */
    void sendAll() {
        waiting.forEach(send);
        clear();
    }

    /** Forgets every block waiting (the batch was aborted). */
    void clear() {
        waiting.clear();
        count = 0;
    }
}
