package com.csr.feature;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.Topics;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.features.FeatureCalculator;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.json.EventJson;
import com.csr.domain.transactions.Transaction;
import com.csr.kit.testing.KafkaResource;
import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A benchmark, not a test: it runs only with {@code -Dfeature-benchmark=true} (docs/benchmarks.md, "Features through
 * Kafka"). The Online Retail II sample's clean lines go through a real broker into the service as fast as they can
 * be published, timed until every customer's latest features on {@code customer.features} account for all of their
 * lines; then the sample again under another tenant at a steady rate, while single lines of new customers are timed
 * until {@code GET /customers/{id}/features} answers for them.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@EnabledIfSystemProperty(named = "feature-benchmark", matches = "true")
class FeaturesThroughKafkaBenchmark {

    private static final Duration GIVE_UP = Duration.ofMinutes(10);
    /** Lines per second of the steady phase: the target. */
    private static final int STEADY_RATE = Integer.getInteger("feature-benchmark.rate", 20_000);
    private static final Duration PROBE_EVERY = Duration.ofMillis(100);
    private static final Path REPORT = Path.of("target", "benchmarks", "features-through-kafka.txt");

    @Test
    void theSampleThroughKafka() throws Exception {
        List<String> report = new ArrayList<>();

        List<CleanTransaction> bulk = CleanFixtures.onlineRetailSample("bulk");
        try (FeatureWatch watch = new FeatureWatch("bulk", bulk)) {
            CpuTime cpu = new CpuTime();
            long start = System.nanoTime();
            publish(bulk, 0);
            double published = seconds(System.nanoTime() - start);
            double complete = seconds(watch.awaitComplete() - start);
            report.add(String.format("bulk: %,d lines of %,d customers published in %.1f s; every customer's "
                            + "features complete after %.1f s: %,.0f lines/s; %,d feature records", bulk.size(),
                    watch.customers(), published, complete, bulk.size() / complete, watch.updates()));
            report.add(String.format("bulk: CPU of the service's Kafka Streams threads %.1f s (%.1f µs per line), "
                            + "of the whole JVM (broker, publisher and watcher included) %.1f s; load average "
                            + "%.1f", cpu.streams(), cpu.streams() * 1e6 / bulk.size(), cpu.process(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }

        // the first request through REST Assured loads Groovy, a second or two that is not the service's
        given().header("Authorization", TestKeys.keyOf("bulk")).get("/customers/{id}/features",
                bulk.get(0).transaction().customerId()).then().statusCode(200);

        List<CleanTransaction> steady = CleanFixtures.onlineRetailSample("steady");
        long lastTime = steady.stream().mapToLong(e -> e.transaction().epochSecond()).max().orElseThrow();
        try (FeatureWatch watch = new FeatureWatch("steady", steady); Probes probes = new Probes("steady", lastTime)) {
            long start = System.nanoTime();
            publish(steady, STEADY_RATE);
            long published = System.nanoTime();
            double drained = seconds(watch.awaitComplete() - published);
            List<Double> latencies = probes.stop();
            report.add(String.format("steady: %,d lines at %,d lines/s offered, published in %.1f s (%,.0f lines/s); "
                            + "features complete %.2f s after the last line; %,d feature records", steady.size(),
                    STEADY_RATE, seconds(published - start), steady.size() / seconds(published - start), drained,
                    watch.updates()));
            report.add(String.format("steady: a new customer's line visible in GET /customers/{id}/features after "
                            + "p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d probes)", percentile(latencies, 0.50),
                    percentile(latencies, 0.99), percentile(latencies, 1.0), latencies.size()));
        }

        report.forEach(System.out::println);
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, report);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }

    /** Sends the lines as ingestion does; at {@code rate} lines per second, or as fast as they go when 0. */
    private static void publish(List<CleanTransaction> events, int rate) {
        try (KafkaProducer<String, byte[]> producer = producer(20)) {
            long start = System.nanoTime();
            for (int i = 0; i < events.size(); i++) {
                if (rate > 0 && i % 100 == 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                producer.send(record(events.get(i)));
            }
        }
    }

    /** Settings of ingestion's producer ({@code IngestOutput}), so the service is fed as it is in the stack. */
    private static KafkaProducer<String, byte[]> producer(int lingerMs) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> record(CleanTransaction e) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TRANSACTIONS_CLEAN,
                EventKeys.customer(e.tenantId(), e.transaction().customerId()), EventJson.write(e));
        record.headers().add(Topics.TENANT_HEADER, e.tenantId().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** CPU seconds since it was made: of the whole JVM, and of the threads Kafka Streams runs the service on. */
    private static final class CpuTime {

        private final long process = processNanos();
        private final Map<Long, Long> streamThreads = streamThreadNanos();

        double process() {
            return (processNanos() - process) / 1e9;
        }

        double streams() {
            long nanos = 0;
            for (Map.Entry<Long, Long> thread : streamThreadNanos().entrySet()) {
                nanos += thread.getValue() - streamThreads.getOrDefault(thread.getKey(), 0L);
            }
            return nanos / 1e9;
        }

        private static long processNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /** Stream threads, their producers' network threads and the state updater all carry the application id. */
        private static Map<Long, Long> streamThreadNanos() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> nanos = new HashMap<>();
            Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains("feature-service-"))
                    .forEach(t -> nanos.put(t.getId(), threads.getThreadCpuTime(t.getId())));
            return nanos;
        }
    }

    /**
     * Reads {@code customer.features} for one tenant until each customer's latest features equal the domain's batch
     * features ({@code FeatureCalculator}) of all their lines, as of the date the update names.
     */
    private static final class FeatureWatch implements AutoCloseable {

        private final String prefix;
        private final Map<String, CustomerHistory> histories = new HashMap<>();
        private final Set<String> pending = new HashSet<>();
        private final CountDownLatch complete = new CountDownLatch(1);
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Thread thread;
        private volatile long completedAt;
        private volatile long updates;

        FeatureWatch(String tenantId, List<CleanTransaction> events) {
            prefix = tenantId + ":";
            Map<String, List<Transaction>> byCustomer = new LinkedHashMap<>();
            events.forEach(e -> byCustomer.computeIfAbsent(e.transaction().customerId(), c -> new ArrayList<>())
                    .add(e.transaction()));
            byCustomer.forEach((customer, lines) -> histories.put(EventKeys.customer(tenantId, customer),
                    CustomerHistory.of(customer, lines)));
            byCustomer.forEach((customer, lines) -> {
                String key = EventKeys.customer(tenantId, customer);
                if (FeatureCalculator.asOf(histories.get(key), Long.MAX_VALUE) != null) {
                    pending.add(key);
                }
            });
            thread = new Thread(this::watch, "feature-watch-" + tenantId);
            thread.start();
        }

        int customers() {
            return histories.size();
        }

        long updates() {
            return updates;
        }

        /** The time (nanoTime) the last customer's features were read complete. */
        long awaitComplete() throws InterruptedException {
            assertThat(complete.await(GIVE_UP.toSeconds(), TimeUnit.SECONDS))
                    .as("every customer's features complete").isTrue();
            return completedAt;
        }

        private void watch() {
            Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.CUSTOMER_FEATURES).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (!stopped.get()) {
                    Map<String, byte[]> latest = new HashMap<>();
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        if (r.key().startsWith(prefix)) {
                            latest.put(r.key(), r.value());
                            updates++;
                        }
                    }
                    latest.forEach((key, value) -> {
                        if (pending.contains(key) && accountsForAllLines(key, value)) {
                            pending.remove(key);
                        }
                    });
                    if (pending.isEmpty() && complete.getCount() > 0) {
                        completedAt = System.nanoTime();
                        complete.countDown();
                    }
                }
            }
        }

        private boolean accountsForAllLines(String key, byte[] value) {
            CustomerFeaturesUpdate update = EventJson.read(value, CustomerFeaturesUpdate.class);
            long cutoff = LocalDate.parse(update.asOf()).plusDays(1).toEpochDay() * 86_400L;
            CustomerFeatures expected = FeatureCalculator.asOf(histories.get(key), cutoff);
            return expected != null && FeatureVectors.toMap(expected).equals(update.features());
        }

        @Override
        public void close() throws InterruptedException {
            stopped.set(true);
            thread.join();
        }
    }

    /**
     * Every {@link #PROBE_EVERY}, one line of a new customer, timed from its sending until the service answers
     * for the customer's features.
     */
    private static final class Probes implements AutoCloseable {

        private final String tenantId;
        private final long time;
        private final List<Double> latencies = new ArrayList<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Thread thread;

        Probes(String tenantId, long time) {
            this.tenantId = tenantId;
            this.time = time;
            thread = new Thread(this::probe, "feature-probes");
            thread.start();
        }

        private void probe() {
            try (KafkaProducer<String, byte[]> producer = producer(0)) {
                // a new producer's first send waits for the topic's metadata: not the service's time
                producer.partitionsFor(Topics.TRANSACTIONS_CLEAN);
                for (int i = 1; !stopped.get(); i++) {
                    String customer = "probe-" + i;
                    long sent = System.nanoTime();
                    producer.send(record(new CleanTransaction(tenantId, "probes", "P" + i + "#1", new Transaction(i,
                            "P" + i, "PROBE", "probe", 1, 1.0, 1.0, time, customer, "United Kingdom", false))));
                    while (!stopped.get() && given().header("Authorization", TestKeys.keyOf(tenantId))
                            .get("/customers/{id}/features", customer).statusCode() != 200) {
                        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                    }
                    if (!stopped.get()) {
                        latencies.add((System.nanoTime() - sent) / 1e6);
                    }
                    LockSupport.parkNanos(sent + PROBE_EVERY.toNanos() - System.nanoTime());
                }
            }
        }

        /** Stops probing; the latencies so far in milliseconds, sorted. */
        List<Double> stop() throws InterruptedException {
            close();
            return latencies.stream().sorted().toList();
        }

        @Override
        public void close() throws InterruptedException {
            stopped.set(true);
            thread.join();
        }
    }
}
