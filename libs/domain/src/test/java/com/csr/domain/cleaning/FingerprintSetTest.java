package com.csr.domain.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The duplicate fingerprints: a set of longs that answers as a {@code HashSet<Long>} would, through its growth. */
class FingerprintSetTest {

    @Test
    void answersAsAHashSetWouldThroughManyGrowths() {
        FingerprintSet set = new FingerprintSet();
        Set<Long> reference = new HashSet<>();
        Random random = new Random(15);
        for (int i = 0; i < 600_000; i++) {
            // a third are repeats, some keys collide in their low bits, zero is a key like any other
            long fingerprint = i % 3 == 0 && i > 0 ? random.nextInt(i) * 0x1_0000_0000L : random.nextLong();
            if (i == 1000) {
                fingerprint = 0;
            }
            assertThat(set.add(fingerprint)).isEqualTo(reference.add(fingerprint));
        }
        assertThat(set.add(0)).isFalse();
        assertThat(set.size()).isEqualTo(reference.size());
        for (long fingerprint : reference) {
            assertThat(set.add(fingerprint)).isFalse();
        }
    }
}
