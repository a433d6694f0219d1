package com.csr.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitingBlocksTest {

    private final List<Map.Entry<String, List<Integer>>> sent = new ArrayList<>();
    private final WaitingBlocks<String, Integer> blocks =
            new WaitingBlocks<>(3, 5, (block, items) -> sent.add(Map.entry(block, List.copyOf(items))));

    @Test
    void aFullBlockGoesOutAtOnceAndTheRestWhenTheBatchEnds() {
        blocks.add("a", 1);
        blocks.add("b", 2);
        blocks.add("a", 3);
        assertThat(sent).isEmpty();

        blocks.add("a", 4);
        assertThat(sent).containsExactly(Map.entry("a", List.of(1, 3, 4)));

        blocks.add("a", 5);
        blocks.sendAll();
        assertThat(sent).containsExactly(Map.entry("a", List.of(1, 3, 4)), Map.entry("b", List.of(2)),
                Map.entry("a", List.of(5)));
    }

    @Test
    void tooManyWaitingSendsEveryBlockInTheOrderTheyBegan() {
        List<String> order = List.of("c", "b", "a", "c", "b");
        for (int i = 0; i < order.size(); i++) {
            blocks.add(order.get(i), i);
        }
        assertThat(sent).containsExactly(Map.entry("c", List.of(0, 3)), Map.entry("b", List.of(1, 4)),
                Map.entry("a", List.of(2)));

        blocks.sendAll();
        assertThat(sent).hasSize(3);
    }

    @Test
    void anAbortedBatchsBlocksAreForgotten() {
        blocks.add("a", 1);
        blocks.add("b", 2);
        blocks.clear();
        blocks.add("a", 3);
        blocks.sendAll();

        assertThat(sent).containsExactly(Map.entry("a", List.of(3)));
    }
}
