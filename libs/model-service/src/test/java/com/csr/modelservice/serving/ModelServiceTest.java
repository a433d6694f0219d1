package com.csr.modelservice.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.Topics;
import com.csr.contracts.events.TrainingDataset;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.json.EventJson;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.training.TrainingData;
import com.csr.ml.tribuo.Seeds;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.testing.SampleTrainingSets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model service's Kafka work on raw bytes: a training set in, its announcement out; announcements of its kind
 * activated, others and refused ones not; feature updates scored with the kind header; bad records answered with
 * nothing.
 */
class ModelServiceTest {

    private static final byte[] GARBAGE = "{not json".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path root;
    private static DirectoryArtifactStore artifacts;
    private static TrainingData data;
    private static ModelPublished trained;

    @BeforeAll
    static void trainOnce() {
        artifacts = new DirectoryArtifactStore(root);
        data = SampleTrainingSets.quarter(0);
        TrainingDataset dataset = SampleTrainingSets.write(artifacts, "t1", "ds-1", data);
        List<OutgoingRecord> records = service().train(EventJson.write(dataset));
        OutgoingRecord announcement = records.get(0);

        assertThat(announcement.topic()).isNull();
        assertThat(announcement.key()).isEqualTo("t1:segment");
        // then the new model's score of every customer of the training set, for the portfolio views
        assertThat(records).hasSize(data.scoring().size() + 1);
        assertThat(records.subList(1, records.size())).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo(Topics.CUSTOMER_SCORES);
            assertThat(r.key()).startsWith("t1:");
            assertThat(EventJson.read(r.value(), CustomerScore.class).modelVersion()).isEqualTo("ds-1");
        });
        assertThat(announcement.headers()).isEqualTo(Map.of(Topics.TENANT_HEADER, "t1"));
        trained = EventJson.read(announcement.value(), ModelPublished.class);
        assertThat(trained.kind()).isEqualTo("segment");
        assertThat(trained.version()).isEqualTo("ds-1");
    }

    private static ModelService service() {
        return new ModelService(new ModelRegistry(ModelKind.SEGMENT, artifacts, Seeds.DEFAULT));
    }

    @Test
    void aTrainingSetThatCannotBeTrainedOnIsSkipped() {
        ModelService service = service();

        assertThat(service.train(GARBAGE)).isEmpty();
        assertThat(service.train(EventJson.write(new TrainingDataset("t1", "ds-missing",
                artifacts.uri(ArtifactLayout.dataset("t1", "missing")), "2010-12-09", 90, 0, "now")))).isEmpty();
    }

    @Test
    void activatesItsOwnKindOnlyAndKeepsTheOldModelWhenOneIsRefused() {
        ModelService service = service();
        assertThat(service.hasModels()).isFalse();

        assertThat(service.activate(EventJson.write(trained))).hasValueSatisfying(m ->
                assertThat(m.version()).isEqualTo("ds-1"));
        assertThat(service.hasModels()).isTrue();

        ModelPublished churn = new ModelPublished("t1", "churn", "ds-9", trained.uri(), trained.sha256(),
                "ds-9", trained.trainedAt(), Map.of());
        ModelPublished tampered = new ModelPublished("t1", "segment", "ds-tampered", trained.uri(), "0".repeat(64),
                "ds-1", trained.trainedAt(), Map.of());
        assertThat(service.activate(EventJson.write(churn))).isEmpty();
        assertThat(service.activate(EventJson.write(tampered))).isEmpty();
        assertThat(service.activate(GARBAGE)).isEmpty();
        assertThat(service.activate(EventJson.write(trained))).hasValueSatisfying(m ->
                assertThat(m.version()).isEqualTo("ds-1"));
    }

    @Test
    void scoresFeatureUpdatesOfTenantsWithAModel() {
        ModelService service = service();
        LabelledCustomer customer = data.scoring().rows().get(3);
        byte[] update = EventJson.write(new CustomerFeaturesUpdate("t1", customer.customerId(), "2010-12-09",
                FeatureVectors.toMap(customer.features())));
        assertThat(service.score(update)).isEmpty();

        service.activate(EventJson.write(trained));
        OutgoingRecord out = service.score(update).orElseThrow();

        assertThat(out.key()).isEqualTo("t1:" + customer.customerId());
        assertThat(out.headers()).containsExactly(Map.entry(Topics.TENANT_HEADER, "t1"),
                Map.entry(Topics.MODEL_KIND_HEADER, "segment"));
        assertThat(out.kafkaHeaders().lastHeader(Topics.MODEL_KIND_HEADER).value())
                .isEqualTo("segment".getBytes(StandardCharsets.UTF_8));
        CustomerScore score = EventJson.read(out.value(), CustomerScore.class);
        assertThat(score.kind()).isEqualTo("segment");
        assertThat(score.modelVersion()).isEqualTo("ds-1");
        assertThat(score.asOf()).isEqualTo("2010-12-09");
        assertThat(score.persona()).isNotNull();
        assertThat(service.score(GARBAGE)).isEmpty();
    }
}
