package com.csr.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A customer's invoices and products: a map of longs that answers as a {@code HashMap<Long, Long>} would. */
class LongLongMapTest {

    @Test
    void keepsTheFirstValueOrTheSmallestAsAHashMapWould() {
        LongLongMap first = new LongLongMap(2);
        LongLongMap smallest = new LongLongMap(2);
        Map<Long, Long> firstReference = new HashMap<>();
        Map<Long, Long> smallestReference = new HashMap<>();
        Random random = new Random(15);
        for (int i = 0; i < 200_000; i++) {
            long key = i == 77 ? 0 : random.nextInt(50_000) * 0x1_0000_0000L;
            long value = random.nextInt(1_000_000) - 500_000;
            assertThat(first.putIfAbsent(key, value)).isEqualTo(firstReference.merge(key, value, (old, v) -> old));
            smallest.min(key, value);
            smallestReference.merge(key, value, Math::min);
        }
        assertThat(first.size()).isEqualTo(firstReference.size());
        assertThat(smallest.size()).isEqualTo(smallestReference.size());
        smallestReference.forEach((key, value) -> assertThat(smallest.get(key)).isEqualTo(value));
        assertThat(java.util.Arrays.stream(smallest.values()).boxed().toList())
                .containsExactlyInAnyOrderElementsOf(smallestReference.values());
        assertThat(smallest.get(12345)).isEqualTo(LongLongMap.ABSENT);
    }
}
