package com.csr.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.platform.testing.EmbeddedKafka;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The probe sees a live broker, reuses its answer for a while, and sees the broker gone once the answer expires. */
class BrokerProbeIT {

    @Test
    void answersFromTheBrokerAndReusesTheAnswer() {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        // the probe's own clock: how long the broker takes to stop (seconds on a busy machine) does not count
        AtomicLong now = new AtomicLong();
        try (BrokerProbe probe = new BrokerProbe(kafka.bootstrapServers(), "probe-test", Duration.ofMillis(500),
                Duration.ofSeconds(2), now::get)) {
            assertThat(probe.reachable()).isTrue();
            kafka.close();
            now.set(Duration.ofMillis(1900).toNanos());
            assertThat(probe.reachable()).as("the answer of a moment ago").isTrue();
            now.set(Duration.ofMillis(2100).toNanos());
            assertThat(probe.reachable()).as("asked again").isFalse();
        }
    }

    @Test
    void aBrokerThatIsNotThereIsUnreachableWithinTheTimeout() {
        try (BrokerProbe probe = new BrokerProbe("127.0.0.1:1", "probe-test", Duration.ofMillis(300),
                Duration.ofSeconds(5))) {
            long started = System.nanoTime();
            assertThat(probe.reachable()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
