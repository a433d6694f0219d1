package com.csr.domain.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            long key = i == 77 ? 0 : random.nextInt(50_000) * 0x1_0000_0000L;
            long value = random.nextInt(1_000_000) - 500_000;
            long kept = first.putIfAbsent(key, value);
            long expected = firstReference.merge(key, value, (old, v) -> old);
            if (kept != expected) {
                disagreements.add("put " + key + " -> " + value + ": " + kept + ", a HashMap keeps " + expected);
            }
            smallest.min(key, value);
            smallestReference.merge(key, value, Math::min);
        }
        assertThat(disagreements).isEmpty();
        assertThat(first.size()).isEqualTo(firstReference.size());
        assertThat(smallest.size()).isEqualTo(smallestReference.size());
        Map<Long, Long> smallestRead = new HashMap<>();
        smallestReference.keySet().forEach(key -> smallestRead.put(key, smallest.get(key)));
        assertThat(smallestRead).isEqualTo(smallestReference);
        // sorted, not AssertJ's any-order comparison, which is quadratic in 50,000 values
        assertThat(Arrays.stream(smallest.values()).sorted().boxed().toList())
                .isEqualTo(smallestReference.values().stream().sorted().toList());
        assertThat(smallest.get(12345)).isEqualTo(LongLongMap.ABSENT);
    }
}
