package com.csr.modelservice.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.TrainingDataset;
import com.csr.domain.json.EventJson;
import com.csr.ml.tracking.ExperimentTracker;
import com.csr.ml.tracking.MlflowTracker;
import com.csr.ml.tribuo.Seeds;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.artifacts.S3ArtifactStore;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.TrainingRun;
import com.csr.platform.testing.LocalServers;
import com.csr.platform.testing.S3ProxyServer;
import com.csr.platform.testing.SampleTrainingSets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store down while a model trains, against the real servers: the training is retried and succeeds once the store
 * is back; a store that stays down fails the training with a reason naming it, recorded as a failed run, and
 * nothing of it becomes active.
 */
class TrainingWithAStoreDownIT {

    @TempDir
    Path directory;

    @Test
    void aTrainingWhileTheArtifactStoreIsDownIsRetriedAndSucceedsOnceItIsBack() throws Exception {
        Path s3 = directory.resolve("s3");
        S3ProxyServer server = S3ProxyServer.start(s3);
        S3ArtifactStore store = server.store("models");
        TrainingDataset dataset = SampleTrainingSets.write(store, "t1", "ds-1", SampleTrainingSets.quarter(2));
        int port = server.port();
        server.close();
        try (EmbeddedMetadataStore metadata = new EmbeddedMetadataStore(directory.resolve("metadata"))) {
            ModelService service = new ModelService(new ModelRegistry(ModelKind.SEGMENT, store, Seeds.DEFAULT,
                    ExperimentTracker.NONE, metadata), List.of(Duration.ofSeconds(3), Duration.ofSeconds(10)));

            CompletableFuture<List<OutgoingRecord>> training = CompletableFuture.supplyAsync(
                    () -> service.train(EventJson.write(dataset)));
            Thread.sleep(500);
            assertThat(training).as("waiting to retry").isNotDone();
            try (S3ProxyServer back = S3ProxyServer.start(s3, port)) {
                List<OutgoingRecord> records = training.get(120, TimeUnit.SECONDS);

                assertThat(records).as("announced and scored").isNotEmpty();
                ModelPublished published = EventJson.read(records.get(0).value(), ModelPublished.class);
                assertThat(published.version()).isEqualTo("ds-1");
                assertThat(metadata.activeVersion("t1", "segment")).hasValue("ds-1");
                assertThat(metadata.run("t1", "segment-ds-1")).get().extracting(TrainingRun::status)
                        .isEqualTo(TrainingRun.FINISHED);
            }
        }
    }

    @Test
    void aTrainingWhileMlflowIsDownFailsNamingItAndNothingBecomesActive() {
        DirectoryArtifactStore store = new DirectoryArtifactStore(directory.resolve("artifacts"));
        TrainingDataset dataset = SampleTrainingSets.write(store, "t1", "ds-1", SampleTrainingSets.quarter(2));
        String mlflow = "http://127.0.0.1:" + LocalServers.freePort();
        try (EmbeddedMetadataStore metadata = new EmbeddedMetadataStore(directory.resolve("metadata"))) {
            ModelService service = new ModelService(new ModelRegistry(ModelKind.SEGMENT, store, Seeds.DEFAULT,
                    new MlflowTracker(mlflow), metadata), List.of(Duration.ofMillis(100)));

            assertThat(service.train(EventJson.write(dataset))).as("nothing announced").isEmpty();

            assertThat(metadata.activeVersion("t1", "segment")).isEmpty();
            assertThat(metadata.modelVersions("t1", "segment")).isEmpty();
            TrainingRun run = metadata.run("t1", "segment-ds-1").orElseThrow();
            assertThat(run.status()).isEqualTo(TrainingRun.FAILED);
            assertThat(run.error()).startsWith("MLflow at " + mlflow + " did not take the segment run ds-1");
        }
    }
}
