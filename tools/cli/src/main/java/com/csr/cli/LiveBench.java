package com.csr.cli;

import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.RawRow;
import com.csr.contracts.events.Topics;
import com.csr.domain.json.EventJson;
import com.csr.platform.kafka.KafkaSecurity;
import com.csr.platform.kafka.RawRowPublisher;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code csr bench-live}: figures of a running stack, measured from outside as a data engineer and an API caller see
 * them. A fresh tenant is created through the gateway's admin API (the admin key from {@code CSR_ADMIN_KEY} or
 * {@code .csr/admin.key}). Ingestion: a transaction file published to {@code transactions.raw} under it, timed until its
 * report is out and until the feature service holds every kept line. Freshness: one-row files of new customers,
 * each timed from its publication until the gateway's {@code GET /customers/{id}} answers with the customer.
 */
final class LiveBench {

    static final String USAGE = """
            usage: csr bench-live [--data-path FILE] [--fresh 100] [--skip-ingestion]
                                  [--gateway http://127.0.0.1:8000] [--ingest http://127.0.0.1:8081]
                                  [--features http://127.0.0.1:8082] [--bootstrap-servers localhost:9092]
              against a running stack (./csr up): ingestion rate of the file, then a new transaction's time to show
              in GET /customers/{id}, --fresh times""";

    private static final Set<String> OPTIONS = Set.of("data-path", "fresh", "skip-ingestion", "gateway", "ingest",
            "features", "bootstrap-servers", "help");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final PrintStream out;
    private final String gateway;
    private final String ingest;
    private final String features;
    private String authorization;

    private LiveBench(Arguments a, PrintStream out) {
        this.out = out;
        this.gateway = a.get("gateway", "http://127.0.0.1:8000");
        this.ingest = a.get("ingest", "http://127.0.0.1:8081");
        this.features = a.get("features", "http://127.0.0.1:8082");
    }

    static void run(List<String> args, Path home, PrintStream out) {
        Arguments a = new Arguments(args, OPTIONS);
        LiveBench bench = new LiveBench(a, out);
        String bootstrap = a.get("bootstrap-servers",
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        String tenant = "bench-" + System.currentTimeMillis() / 1000;
        bench.createTenant(tenant, adminKey(home));
        if (a.get("skip-ingestion", null) == null) {
            Path file = Path.of(a.get("data-path", home.resolve("data/online_retail_ii_2009_2010.csv.gz").toString()));
            bench.ingestion(bootstrap, tenant, file);
        }
        bench.freshness(bootstrap, tenant, a.intValue("fresh", 100));
    }

    private static String adminKey(Path home) {
        String key = System.getenv("CSR_ADMIN_KEY");
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        Path file = home.resolve(".csr/admin.key");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no admin key: set CSR_ADMIN_KEY or start the stack with ./csr up, which "
                    + "writes " + file);
        }
    }

    /** Creates the bench's own tenant; its requests then carry the tenant's first key. */
    private void createTenant(String tenant, String adminKey) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/admin/tenants"))
                    .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"tenant_id\": \"" + tenant + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("cannot create tenant " + tenant + " (HTTP " + response.statusCode()
                        + "): " + new String(response.body(), StandardCharsets.UTF_8));
            }
            authorization = "Bearer " + EventJson.MAPPER.readTree(response.body()).path("api_key").path("secret")
                    .asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + gateway + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void ingestion(String bootstrap, String tenant, Path file) {
        out.printf("== ingestion: %s published to transactions.raw as tenant %s%n", file.getFileName(), tenant);
        String fileId = RawRowPublisher.sha256(file);
        long start = System.nanoTime();
        CompletableFuture<RawRowPublisher.Published> published = CompletableFuture.supplyAsync(() -> {
            try (RawRowPublisher publisher = RawRowPublisher.connect(bootstrap)) {
                return publisher.publish(tenant, file, fileId, null, null);
            }
        });
        double publishedAt = Double.NaN;
        double reportAt = Double.NaN;
        JsonNode report = null;
        long lines = 0;
        while (true) {
            double now = (System.nanoTime() - start) / 1e9;
            if (Double.isNaN(publishedAt) && published.isDone()) {
                publishedAt = now;
                out.printf(Locale.ROOT, "  published %,d rows in %.1f s%n", published.join().rows(), now);
            }
            if (report == null) {
                report = get(ingest + "/files/" + fileId, tenant);
                if (report != null) {
                    reportAt = now;
                    out.printf(Locale.ROOT, "  report after %.1f s: %,d read, %,d kept%n", now,
                            report.path("rows_read").asLong(), report.path("rows_kept").asLong());
                }
            }
            JsonNode clock = get(features + "/tenants/current/clock", tenant);
            lines = clock == null ? 0 : clock.path("lines").asLong();
            if (report != null && lines == report.path("rows_kept").asLong()) {
                break;
            }
            if (now > 600) {
                throw new IllegalStateException("ingestion did not finish within 10 minutes (" + lines + " lines)");
            }
            sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long read = report.path("rows_read").asLong();
        out.printf(Locale.ROOT, "  every kept line in the feature service after %.1f s (report at %.1f s)%n", seconds,
                reportAt);
        out.printf(Locale.ROOT, "  end to end: %,.0f raw rows/s (%,.0f kept lines/s); features go out on "
                + "customer.features within the next second%n", read / seconds, lines / seconds);
    }

    private void freshness(String bootstrap, String tenant, int count) {
        out.printf("== freshness: %d new customers, each a one-row file, until GET %s/customers/{id} shows them%n",
                count, gateway);
        double[] millis = new double[count];
        try (Producer<String, byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < count; i++) {
                String customer = String.valueOf(900_000 + i);
                String fileId = "fresh-" + customer + "-" + System.nanoTime();
                Map<String, String> row = new LinkedHashMap<>();
                row.put("Invoice", "F" + customer);
                row.put("StockCode", "85123A");
                row.put("Description", "WHITE HANGING HEART T-LIGHT HOLDER");
                row.put("Quantity", "6");
                row.put("InvoiceDate", "2010-12-09 12:00");
                row.put("Price", "2.95");
                row.put("Customer ID", customer);
                row.put("Country", "United Kingdom");
                long start = System.nanoTime();
                send(producer, RawRow.start(tenant, fileId, null, null));
                send(producer, RawRow.row(tenant, fileId, 1, row));
                send(producer, RawRow.end(tenant, fileId, 1, null, null));
                producer.flush();
                while (get(gateway + "/customers/" + customer, tenant) == null) {
                    if (System.nanoTime() - start > 30_000_000_000L) {
                        throw new IllegalStateException("customer " + customer + " did not show within 30 s");
                    }
                    sleep(5);
                }
                millis[i] = (System.nanoTime() - start) / 1e6;
                sleep(50);
            }
        }
        Arrays.sort(millis);
        out.printf(Locale.ROOT, "  p50 %.0f ms  p90 %.0f ms  p99 %.0f ms  max %.0f ms%n", percentile(millis, 50),
                percentile(millis, 90), percentile(millis, 99), millis[count - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static Producer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.putAll(KafkaSecurity.fromEnvironment());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.putAll(RawRowPublisher.producerSettings());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(Producer<String, byte[]> producer, RawRow row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TRANSACTIONS_RAW,
                EventKeys.row(row.tenantId(), row.fileId(), row.row()), EventJson.write(row));
        record.headers().add(Topics.TENANT_HEADER, row.tenantId().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    /** The JSON body of a 200 answer, or null for any other answer. */
    private JsonNode get(String url, String tenant) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", authorization).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? EventJson.MAPPER.readTree(response.body()) : null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
