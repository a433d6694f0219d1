package com.csr.modelservice.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.TrainingDataset;
import com.csr.ml.tribuo.Seeds;
import com.csr.platform.artifacts.ArtifactFolder;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.ArtifactStore;
import com.csr.platform.artifacts.ArtifactStoreUnavailableException;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.artifacts.S3ArtifactStore;
import com.csr.platform.testing.S3ProxyServer;
import com.csr.platform.testing.SampleTrainingSets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model kept in either artifact store (a directory, S3 on a real S3 API server): trained into it, served from it by
 * another registry, refused once its bytes are altered or when another tenant's, and a training while the store is
 * down fails clearly.
 */
class ModelsInTheArtifactStoreIT {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @TempDir
    static Path serverDirectory;
    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start(serverDirectory);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static Stream<Arguments> stores() {
        Function<Path, ArtifactStore> directory = dir -> new DirectoryArtifactStore(dir.resolve("artifacts"));
        Function<Path, ArtifactStore> s3 = dir -> server.store("models-" + BUCKETS.incrementAndGet());
        return Stream.of(Arguments.of("directory", directory), Arguments.of("s3", s3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aModelTrainedIntoTheStoreServesElsewhereAndIsRefusedOnceTampered(String kind,
            Function<Path, ArtifactStore> stores, @TempDir Path dir) {
        ArtifactStore store = stores.apply(dir);
        TrainingDataset dataset = SampleTrainingSets.write(store, "t1", "ds-1", SampleTrainingSets.quarter(0));
        ModelPublished published = new ModelRegistry(ModelKind.SEGMENT, store, Seeds.DEFAULT).train(dataset);
        assertThat(published.uri()).isEqualTo(store.uri(ArtifactLayout.model("t1", "segment", "ds-1")));

        ModelRegistry server = new ModelRegistry(ModelKind.SEGMENT, store, Seeds.DEFAULT);
        assertThat(server.activate(published).version()).isEqualTo("ds-1");

        String modelFile = ArtifactLayout.model("t1", "segment", "ds-1") + ModelKind.SEGMENT.modelFile();
        byte[] bytes = store.get(modelFile).orElseThrow();
        bytes[bytes.length / 2] ^= 1;
        store.put(modelFile, bytes); // behind the manifest's back, as anyone holding the storage's keys could
        assertThatThrownBy(() -> new ModelRegistry(ModelKind.SEGMENT, store, Seeds.DEFAULT).activate(published))
                .isInstanceOf(ArtifactFolder.TamperedArtifactException.class).hasMessageContaining("refusing");
        assertThatThrownBy(() -> new ModelRegistry(ModelKind.SEGMENT, store, Seeds.DEFAULT).activate(
                new ModelPublished("t2", "segment", "ds-1", published.uri(), published.sha256(), "ds-1", "now",
                        Map.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in tenant");
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
}
