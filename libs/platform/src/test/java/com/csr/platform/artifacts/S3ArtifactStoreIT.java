package com.csr.platform.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.platform.testing.S3ProxyServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 store against the shared contract, on a real S3 API server (S3Proxy), a fresh bucket per test. */
class S3ArtifactStoreIT extends ArtifactStoreContract {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @TempDir
    static Path serverDirectory;
    private static S3ProxyServer server;
    private S3ArtifactStore store;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start(serverDirectory);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    ArtifactStore store() {
        store = server.store("artifacts-" + BUCKETS.incrementAndGet());
        return store;
    }

    @Test
    void signsADownloadLinkThatWorksWithoutCredentialsUntilItExpires() throws Exception {
        S3ArtifactStore store = server.store("links");
        String key = ArtifactLayout.predictions("t1", "p1");
        store.put(key, "customer_id,churn_probability\n13085,0.31\n".getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();

        java.net.URI link = store.downloadLink(key, Duration.ofMinutes(15)).orElseThrow();
        HttpResponse<String> fetched = http.send(HttpRequest.newBuilder(link).build(),
                HttpResponse.BodyHandlers.ofString());
        java.net.URI expired = store.downloadLink(key, Duration.ofSeconds(1)).orElseThrow();
        Thread.sleep(2_000);
        HttpResponse<String> late = http.send(HttpRequest.newBuilder(expired).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(link.getQuery()).contains("X-Amz-Expires=900").contains("X-Amz-Signature=");
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo("customer_id,churn_probability\n13085,0.31\n");
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(new DirectoryArtifactStore(serverDirectory.resolve("plain")).downloadLink(key,
                Duration.ofMinutes(1))).as("a directory signs nothing").isEmpty();
    }

    @Override
    void tamper(String key, byte[] bytes) {
        // straight to the bucket, as anyone holding the bucket's keys could
        store.put(key, bytes);
    }
}
