package com.csr.core.artifacts;

import com.csr.core.testing.S3ProxyServer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.csr.core.events.ModelPublished;
import com.csr.core.events.TrainingDataset;
import com.csr.core.ml.Seeds;
import com.csr.core.serving.ModelKind;
import com.csr.core.serving.ModelRegistry;
import com.csr.core.testing.SampleTrainingSets;
import java.util.Map;

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
    void aTrainingWhileTheStoreIsDownFailsClearlyAndLeavesNoModelToLoad(@TempDir Path other) {
        S3ProxyServer down = S3ProxyServer.start(other);
        S3ArtifactStore store = down.store("down");
        TrainingDataset dataset = SampleTrainingSets.write(store, "t1", "ds-1", SampleTrainingSets.quarter(2));
        down.close();

        assertThatThrownBy(() -> new ModelRegistry(ModelKind.SEGMENT, store, Seeds.DEFAULT).train(dataset))
                .isInstanceOf(ArtifactStoreUnavailableException.class)
                .hasMessageContaining("S3 at " + down.endpoint()).hasMessageContaining("bucket down");
        ModelPublished wouldBe = new ModelPublished("t1", "segment", "ds-1",
                store.uri(ArtifactLayout.model("t1", "segment", "ds-1")), "0".repeat(64), "ds-1", "now", Map.of());
        assertThatThrownBy(() -> new ModelRegistry(ModelKind.SEGMENT, store, Seeds.DEFAULT).activate(wouldBe))
                .isInstanceOf(ArtifactStoreUnavailableException.class);
    }

    @Override
    void tamper(String key, byte[] bytes) {
        // straight to the bucket, as anyone holding the bucket's keys could
        store.put(key, bytes);
    }
}
