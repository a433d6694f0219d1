package com.csr.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets per caller, on a clock the test moves. */
class RequestRatesTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstGoesThroughThenTheRateHoldsAndSaysWhenToComeBack() {
        RequestRates rates = new RequestRates(new RequestRate(2, 3), 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(rates.take("key-a")).isZero();
        }
        assertThat(rates.take("key-a")).isEqualTo(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(rates.take("key-a")).isZero();
        assertThat(rates.take("key-a")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void oneCallerOverItsRateDoesNotSlowAnother() {
        RequestRates rates = new RequestRates(new RequestRate(1, 1), 100, now::get);
        assertThat(rates.take("noisy")).isZero();
        assertThat(rates.take("noisy")).isPositive();
        assertThat(rates.take("quiet")).isZero();
    }

    @Test
    void quietCallersAreForgottenSoManyCallersCostBoundedMemory() {
        RequestRates rates = new RequestRates(new RequestRate(10, 1), 3, now::get);
        for (int i = 0; i < 1_000; i++) {
            assertThat(rates.take("caller-" + i)).isZero();
            now.addAndGet(Duration.ofMillis(200).toNanos());
        }
        assertThat(rates.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void aRateNeedsSenseValues() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RequestRate(0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RequestRate(1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
