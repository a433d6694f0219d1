package com.csr.modelservice.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.TrainingDataset;
import com.csr.domain.SampleData;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.training.TrainingData;
import com.csr.domain.training.TrainingDataFiles;
import com.csr.ml.tracking.ExperimentTracker;
import com.csr.ml.tribuo.Seeds;
import com.csr.platform.artifacts.ArtifactFolder;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.testing.SampleTrainingSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each kind trains from a written training set, publishes, activates (checksum checked) and scores. */
class ModelRegistryTest {

    @TempDir
    static Path root;
    private static DirectoryArtifactStore artifacts;
    private static TrainingDataset dataset;
    private static TrainingData data;

    @BeforeAll
    static void writeTrainingSet() {
        SampleData sample = SampleData.get();
        artifacts = new DirectoryArtifactStore(root);
        data = TrainingData.build(sample.histories.values(), sample.clean.asOf(), SampleData.HORIZON);
        dataset = SampleTrainingSets.write(artifacts, "t1", "ds-1", data);
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void trainsPublishesActivatesAndScores(ModelKind kind) {
        ModelRegistry trainer = new ModelRegistry(kind, artifacts, Seeds.DEFAULT);
        ModelPublished published = trainer.train(dataset);
        ModelRegistry server = new ModelRegistry(kind, artifacts, Seeds.DEFAULT);

        assertThat(published.version()).isEqualTo("ds-1");
        assertThat(published.metrics()).isNotEmpty();
        assertThat(server.active("t1")).isEmpty();
        server.activate(published);
        LabelledCustomer customer = data.scoring().rows().get(0);
        CustomerScore score = server.score(new CustomerFeaturesUpdate("t1", customer.customerId(), "2010-12-09",
                FeatureVectors.toMap(customer.features()))).orElseThrow();
        assertThat(score.kind()).isEqualTo(kind.code());
        assertThat(score.modelVersion()).isEqualTo("ds-1");
        switch (kind) {
            case SEGMENT -> assertThat(score.persona()).isNotNull();
            case CHURN -> assertThat(score.churnProbability()).isBetween(0.0, 1.0);
            case LTV -> assertThat(score.predictedLtv()).isNotNegative();
        }
        assertThat(server.active("other")).isEmpty();
        assertEvaluationCameWithTheModel(kind, server.active("t1").orElseThrow().evaluation());
    }

    @Test
    void anInstanceThatHasNotReadTheAnnouncementYetScoresWithTheActiveModelOfTheMetadataStore() {
        try (MetadataStore metadata = new EmbeddedMetadataStore(root.resolve("metadata"))) {
            new ModelRegistry(ModelKind.CHURN, artifacts, Seeds.DEFAULT, ExperimentTracker.NONE, metadata)
                    .trainAndScore(dataset);
            assertThat(metadata.activeVersion("t1", "churn")).hasValue("ds-1");
            // a restarted instance: nothing swapped in, models.published not read yet
            ModelRegistry restarted = new ModelRegistry(ModelKind.CHURN, artifacts, Seeds.DEFAULT,
                    ExperimentTracker.NONE, metadata);
            LabelledCustomer customer = data.scoring().rows().get(0);
            CustomerScore score = restarted.score(new CustomerFeaturesUpdate("t1", customer.customerId(),
                    "2010-12-09", FeatureVectors.toMap(customer.features()))).orElseThrow();

            assertThat(score.modelVersion()).isEqualTo("ds-1");
            assertThat(restarted.active("t1")).get().extracting(ModelRegistry.ActiveModel::version)
                    .isEqualTo("ds-1");
            assertThat(restarted.score(new CustomerFeaturesUpdate("nobody", "1", "2010-12-09",
                    FeatureVectors.toMap(customer.features())))).isEmpty();
        }
    }

    /** The curves written into the model's card at training are read back when another registry loads it. */
    @SuppressWarnings("unchecked")
    private static void assertEvaluationCameWithTheModel(ModelKind kind, java.util.Map<String, Object> evaluation) {
        switch (kind) {
            case SEGMENT -> assertThat(evaluation).isEmpty();
            case CHURN -> {
                List<List<Double>> roc = (List<List<Double>>) evaluation.get("roc");
                assertThat(roc.get(0)).containsExactly(0.0, 0.0);
                assertThat(roc.get(roc.size() - 1)).containsExactly(1.0, 1.0);
                List<java.util.Map<String, Number>> bins = (List<java.util.Map<String, Number>>) evaluation
                        .get("calibration");
                assertThat(bins).isNotEmpty().allSatisfy(b -> assertThat(b.get("observed").doubleValue())
                        .isBetween(0.0, 1.0));
                assertThat((List<?>) evaluation.get("lift_by_decile")).hasSize(10);
            }
            case LTV -> assertThat((List<?>) evaluation.get("deciles")).hasSize(10);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = "SEGMENT")
    void aTamperedModelIsRefusedLoudly(ModelKind kind) throws Exception {
        ModelPublished published = new ModelRegistry(kind, artifacts, Seeds.DEFAULT).train(new TrainingDataset("t1",
                "ds-1", dataset.uri(), dataset.asOf(), 90, 1, "now"));
        Path file = root.resolve(ArtifactLayout.model("t1", kind.code(), "ds-1")).resolve("segment-model.tribuo");
        Files.write(file, new byte[] {1}, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> new ModelRegistry(kind, artifacts, Seeds.DEFAULT).activate(published))
                .isInstanceOf(ArtifactFolder.TamperedArtifactException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> new ModelRegistry(kind, artifacts, Seeds.DEFAULT).activate(new ModelPublished("t2",
                kind.code(), "x", published.uri(), published.sha256(), "ds-1", "now", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in tenant t2");
    }

    @Test
    void aChallengerWorseThanTheChampionIsStoredButNotPromoted() {
        ModelRegistry registry = new ModelRegistry(ModelKind.CHURN, artifacts, Seeds.DEFAULT);
        ModelPublished champion = registry.train(dataset);
        registry.activate(champion);
        double championAuc = ((Number) champion.metrics().get("roc_auc")).doubleValue();

        java.util.List<String> verdicts = new java.util.ArrayList<>();
        for (int quarter = 0; quarter < 4; quarter++) {
            TrainingDataset smaller = SampleTrainingSets.write(artifacts, "t1", "q" + quarter,
                    SampleTrainingSets.quarter(quarter));
            ModelRegistry.Trained trained = registry.trainAndScore(smaller);
            double auc = ((Number) trained.published().metrics().get("roc_auc")).doubleValue();
            assertThat(trained.verdict().promote()).isEqualTo(auc >= championAuc);
            assertThat(trained.verdict().champion()).isEqualTo(championAuc);
            assertThat(root.resolve(ArtifactLayout.model("t1", "churn", "q" + quarter)).resolve("manifest.json"))
                    .as("stored either way").exists();
            verdicts.add(trained.verdict().reason());
        }
        assertThat(registry.active("t1").orElseThrow().version()).as("nothing activated").isEqualTo("ds-1");
        assertThat(verdicts).anyMatch(v -> v.contains(" < "));
    }
}
