package com.csr.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.contracts.problems.TooManyRequestsException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tenants taking turns on few threads: a heavy tenant waits behind itself only. */
class TenantTurnsTest {

    @Test
    void aTenantWithManyJobsWaitsBehindItsOwnAndAnotherTenantsJobRunsAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch quietRan = new CountDownLatch(1);
        try (TenantTurns turns = new TenantTurns("test", 2, 10)) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                turns.submit("heavy", () -> {
                    ran.add("heavy-" + n);
                    await(release);
                });
            }
            turns.submit("quiet", () -> {
                ran.add("quiet");
                quietRan.countDown();
            });

            assertThat(quietRan.await(5, TimeUnit.SECONDS)).as("the quiet tenant's job ran on the free thread")
                    .isTrue();
            assertThat(ran).as("one job of the heavy tenant at a time").containsExactly("heavy-0", "quiet");
            assertThat(turns.waiting()).isEqualTo(4);
            release.countDown();
        }
    }

    @Test
    void aTenantWithAFullLineIsToldToComeBackLater() {
        CountDownLatch release = new CountDownLatch(1);
        try (TenantTurns turns = new TenantTurns("test", 1, 2)) {
            turns.submit("t", () -> await(release));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (turns.waiting() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            turns.submit("t", () -> { });
            turns.submit("t", () -> { });
            assertThatThrownBy(() -> turns.submit("t", () -> { })).isInstanceOf(TooManyRequestsException.class)
                    .hasMessageStartingWith("2 jobs of this tenant are already waiting");
            assertThatThrownBy(() -> turns.requireRoom("t")).isInstanceOf(TooManyRequestsException.class);
            turns.requireRoom("other");
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
