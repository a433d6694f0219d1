package com.csr.core.artifacts;

import com.csr.core.testing.S3ProxyServer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

    @Override
    void tamper(String key, byte[] bytes) {
        // straight to the bucket, as anyone holding the bucket's keys could
        store.put(key, bytes);
    }
}
