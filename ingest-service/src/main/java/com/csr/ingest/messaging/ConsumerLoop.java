package com.csr.ingest.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A Kafka consumer polled on a thread of its own for the life of the application. A long-lived blocking poll loop
 * would starve a shared worker pool, so it gets a dedicated thread, started with the application and woken up and
 * joined when it stops (subclasses inherit the observers). When consuming fails, the consumer is closed and opened
 * again after a pause, so it resumes from its committed offsets. An error the JVM cannot go on from (out of memory,
 * say) ends the loop, logged as such, and {@link #isAlive()} turns false, which makes the service's liveness DOWN so
 * that it is restarted: a loop never stops silently.
 */
abstract class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final String name;
    private final Duration backoff;
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile Throwable died;

    ConsumerLoop(String name, Duration backoff) {
        this.name = name;
        this.backoff = backoff;
    }

    /** A new consumer, configured for this loop. */
    abstract KafkaConsumer<String, byte[]> open();

    /** Consumes until {@link #running()} turns false; a failure thrown out of here restarts the consumer. */
    abstract void consume(KafkaConsumer<String, byte[]> consumer) throws InterruptedException;

    final boolean running() {
        return stopping.getCount() > 0;
    }

    /** The loop's name, as its thread is named. */
    public final String name() {
        return name;
    }

    /** False once the loop's thread has ended while the application runs. */
    public final boolean isAlive() {
        Thread t = thread;
        return died == null && (t == null || t.isAlive() || !running());
    }

    /** What ended the loop, if something did. */
    public final Throwable death() {
        return died;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    final void start() {
        stopping = new CountDownLatch(1);
        died = null;
        thread = new Thread(this, name);
        thread.start();
    }

    /** Wakes the consumer up rather than interrupting the thread, which would cut short the consumer's closing. */
    final void stop() {
        stopping.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public final void run() {
        while (running()) {
            try (KafkaConsumer<String, byte[]> opened = open()) {
                consumer = opened;
                consume(opened);
            } catch (WakeupException | InterruptException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running()) {
                    return;
                }
                LOG.errorf(e, "%s failed; starting again in %s", name, backoff);
                pause();
            } catch (Error e) {
                died = e;
                LOG.errorf(e, "%s stopped for good: %s; liveness is DOWN until the service is restarted", name, e);
                return;
            } finally {
                consumer = null;
            }
        }
    }

    private void pause() {
        try {
            stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }
}
