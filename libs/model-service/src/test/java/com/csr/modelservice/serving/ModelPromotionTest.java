package com.csr.modelservice.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.TrainingDataset;
import com.csr.domain.SampleData;
import com.csr.domain.json.EventJson;
import com.csr.domain.training.TrainingData;
import com.csr.ml.tracking.ExperimentTracker;
import com.csr.ml.tribuo.Seeds;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.ModelVersion;
import com.csr.platform.metadata.TrainingRun;
import com.csr.platform.testing.SampleTrainingSets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trained models become versions in the metadata store, and only one training at a time can make one active. */
class ModelPromotionTest {

    @TempDir
    Path root;

    private ModelRegistry registry(ModelKind kind, MetadataStore metadata) {
        return new ModelRegistry(kind, new DirectoryArtifactStore(root.resolve("artifacts")), Seeds.DEFAULT,
                ExperimentTracker.NONE, metadata);
    }

    @Test
    void aPromotedModelIsTheActiveVersionAndALosingOneIsKeptWithItsReason() {
        try (MetadataStore metadata = new EmbeddedMetadataStore(root.resolve("metadata"))) {
            DirectoryArtifactStore artifacts = new DirectoryArtifactStore(root.resolve("artifacts"));
            SampleData sample = SampleData.get();
            TrainingDataset full = SampleTrainingSets.write(artifacts, "t1", "ds-full", TrainingData.build(
                    sample.histories.values(), sample.clean.asOf(), SampleData.HORIZON));
            ModelRegistry registry = registry(ModelKind.CHURN, metadata);
            registry.activate(registry.trainAndScore(full).published());

            assertThat(metadata.activeVersion("t1", "churn")).hasValue("ds-full");
            assertThat(metadata.run("t1", "churn-ds-full")).hasValueSatisfying(r -> {
                assertThat(r.status()).isEqualTo(TrainingRun.FINISHED);
                assertThat(r.params()).containsEntry("promoted", "true").containsKey("data_sha256");
                assertThat(r.metrics()).containsKey("roc_auc");
            });

            List<ModelRegistry.Trained> challengers = new java.util.ArrayList<>();
            for (int quarter = 0; quarter < 4; quarter++) {
                challengers.add(registry.trainAndScore(SampleTrainingSets.write(artifacts, "t1", "q" + quarter,
                        SampleTrainingSets.quarter(quarter))));
            }
            ModelRegistry.Trained loser = challengers.stream().filter(t -> !t.verdict().promote()).findFirst()
                    .orElseThrow();
            assertThat(metadata.modelVersion("t1", "churn", loser.published().version())).hasValueSatisfying(v -> {
                assertThat(v.status()).isEqualTo(ModelVersion.REGISTERED);
                assertThat(v.reason()).isEqualTo(loser.verdict().reason()).contains(" < ");
            });
            assertThat(metadata.activeVersion("t1", "churn")).as("a loser changes nothing")
                    .isNotEqualTo(java.util.Optional.of(loser.published().version()));
        }
    }

    @Test
    void aTrainingSetTrainedAgainAfterItsPromotionStaysActiveAndIsAnnouncedAgain() {
        try (MetadataStore metadata = new EmbeddedMetadataStore(root.resolve("metadata"))) {
            DirectoryArtifactStore artifacts = new DirectoryArtifactStore(root.resolve("artifacts"));
            TrainingDataset dataset = SampleTrainingSets.write(artifacts, "t1", "ds-a", SampleTrainingSets.quarter(0));
            // the first attempt was promoted, then the service stopped before its announcement was committed
            assertThat(registry(ModelKind.CHURN, metadata).trainAndScore(dataset).verdict().promote()).isTrue();

            ModelRegistry.Trained again = registry(ModelKind.CHURN, metadata).trainAndScore(dataset);

            assertThat(again.verdict().promote()).as(again.verdict().reason()).isTrue();
            assertThat(metadata.activeVersion("t1", "churn")).hasValue("ds-a");
            assertThat(metadata.modelVersion("t1", "churn", "ds-a")).get().extracting(ModelVersion::sha256)
                    .isEqualTo(again.published().sha256());
            assertThat(again.scores()).hasSize(SampleTrainingSets.quarter(0).scoring().size());
        }
    }

    @Test
    void anInstanceReplayingTheAnnouncementsSkipsTheVersionsNoLongerActive() {
        try (MetadataStore metadata = new EmbeddedMetadataStore(root.resolve("metadata"))) {
            DirectoryArtifactStore artifacts = new DirectoryArtifactStore(root.resolve("artifacts"));
            ModelRegistry trainer = registry(ModelKind.CHURN, metadata);
            ModelRegistry.Trained first = trainer.trainAndScore(SampleTrainingSets.write(artifacts, "t1", "ds-a",
                    SampleTrainingSets.quarter(0)));
            ModelRegistry.Trained second = trainer.trainAndScore(SampleTrainingSets.write(artifacts, "t1", "ds-b",
                    SampleTrainingSets.quarter(1)));
            if (!second.verdict().promote()) {
                assertThat(metadata.promote("t1", "churn", "ds-b", "ds-a")).isTrue();
            }
            // a restarted instance reads models.published from the start: ds-a's announcement, then ds-b's
            ModelService restarted = new ModelService(registry(ModelKind.CHURN, metadata));

            assertThat(restarted.activate(EventJson.write(first.published()))).as("stale").isEmpty();
            assertThat(restarted.activate(EventJson.write(second.published()))).get()
                    .extracting(ModelRegistry.ActiveModel::version).isEqualTo("ds-b");
            assertThat(restarted.activate(EventJson.write(first.published()))).isEmpty();
            // a rollback makes ds-a active in the store, then announces it: that announcement is followed
            assertThat(metadata.promote("t1", "churn", "ds-a", "ds-b")).isTrue();
            assertThat(restarted.activate(EventJson.write(first.published()))).get()
                    .extracting(ModelRegistry.ActiveModel::version).isEqualTo("ds-a");
        }
    }

    @Test
    void twoTrainingsFinishingTogetherLeaveExactlyOneActive() throws Exception {
        try (MetadataStore metadata = new EmbeddedMetadataStore(root.resolve("metadata"))) {
            DirectoryArtifactStore artifacts = new DirectoryArtifactStore(root.resolve("artifacts"));
            TrainingDataset a = SampleTrainingSets.write(artifacts, "t1", "ds-a", SampleTrainingSets.quarter(0));
            TrainingDataset b = SampleTrainingSets.write(artifacts, "t1", "ds-b", SampleTrainingSets.quarter(1));
            // two instances of the segment service, neither with a model yet: both challengers win their verdict
            ModelRegistry one = registry(ModelKind.SEGMENT, metadata);
            ModelRegistry two = registry(ModelKind.SEGMENT, metadata);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<ModelRegistry.Trained> first = CompletableFuture.supplyAsync(() -> {
                await(start);
                return one.trainAndScore(a);
            });
            CompletableFuture<ModelRegistry.Trained> second = CompletableFuture.supplyAsync(() -> {
                await(start);
                return two.trainAndScore(b);
            });
            List<ModelRegistry.Trained> both = List.of(first.get(), second.get());

            assertThat(both).filteredOn(t -> t.verdict().promote()).hasSize(1);
            ModelRegistry.Trained winner = both.stream().filter(t -> t.verdict().promote()).findFirst().orElseThrow();
            ModelRegistry.Trained loser = both.stream().filter(t -> !t.verdict().promote()).findFirst().orElseThrow();
            assertThat(metadata.activeVersion("t1", "segment")).hasValue(winner.published().version());
            assertThat(loser.verdict().reason()).contains("another version became active");
            assertThat(metadata.modelVersions("t1", "segment")).extracting(ModelVersion::status)
                    .containsExactlyInAnyOrder(ModelVersion.ACTIVE, ModelVersion.REGISTERED);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
