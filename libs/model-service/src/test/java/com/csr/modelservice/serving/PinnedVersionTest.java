package com.csr.modelservice.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.contracts.models.ChurnPrediction;
import com.csr.contracts.models.PredictRequest;
import com.csr.contracts.models.Predictions;
import com.csr.contracts.problems.InvalidRequestException;
import com.csr.contracts.problems.NotFoundException;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.FeatureVectors;
import com.csr.ml.tracking.ExperimentTracker;
import com.csr.ml.tribuo.Seeds;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.testing.SampleTrainingSets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request may pin one of its tenant's trained versions instead of the one serving. */
class PinnedVersionTest {

    @TempDir
    Path root;

    @Test
    void aRequestPinsAnotherVersionOfItsOwnTenantOnly() {
        try (MetadataStore metadata = new EmbeddedMetadataStore(root.resolve("metadata"))) {
            DirectoryArtifactStore artifacts = new DirectoryArtifactStore(root.resolve("artifacts"));
            ModelRegistry trainer = new ModelRegistry(ModelKind.CHURN, artifacts, Seeds.DEFAULT,
                    ExperimentTracker.NONE, metadata);
            ModelRegistry.Trained first = trainer.trainAndScore(SampleTrainingSets.write(artifacts, "t1", "ds-a",
                    SampleTrainingSets.quarter(0)));
            ModelRegistry.Trained second = trainer.trainAndScore(SampleTrainingSets.write(artifacts, "t1", "ds-b",
                    SampleTrainingSets.quarter(1)));
            ModelRegistry serving = new ModelRegistry(ModelKind.CHURN, artifacts, Seeds.DEFAULT,
                    ExperimentTracker.NONE, metadata);
            serving.activate(second.published());
            PredictionService service = new PredictionService(serving, 10);
            CustomerFeatures features = SampleTrainingSets.quarter(0).scoring().rows().get(3).features();
            Map<String, Object> body = new LinkedHashMap<>(FeatureVectors.toMap(features));
            double firstModels = new ModelRegistry(ModelKind.CHURN, artifacts, Seeds.DEFAULT)
                    .activate(first.published()).model().score(features).churnProbability();

            ChurnPrediction pinned = (ChurnPrediction) service.predict("t1",
                    new PredictRequest("42", body, null, "ds-a"));
            ChurnPrediction current = (ChurnPrediction) service.predict("t1", new PredictRequest("42", body, null));
            Predictions batch = (Predictions) service.predict("t1", new PredictRequest(null, null,
                    List.of(new PredictRequest.Customer("42", body)), "ds-a"));

            assertThat(pinned.modelVersion()).isEqualTo("ds-a");
            assertThat(pinned.churnProbability()).isEqualTo(firstModels);
            assertThat(current.modelVersion()).isEqualTo("ds-b");
            assertThat(batch.predictions()).containsExactly(pinned);
            assertThat(serving.active("t1")).get().extracting(ModelRegistry.ActiveModel::version)
                    .as("pinning changes nothing that serves").isEqualTo("ds-b");
            assertThatThrownBy(() -> service.predict("t2", new PredictRequest("42", body, null, "ds-a")))
                    .as("another tenant's version").isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> service.predict("t1", new PredictRequest("42", body, null, "ds-zz")))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("no churn model version ds-zz");
            assertThatThrownBy(() -> service.predict("t1", new PredictRequest("42", body, null, "../t2/ds-a")))
                    .isInstanceOf(InvalidRequestException.class);

            // the platform's own features, with a sum's float noise: refused as sent by a caller, taken as computed
            Map<String, Object> noisy = new LinkedHashMap<>(body);
            noisy.put("monetary", -2.8421709430404007E-14);
            assertThatThrownBy(() -> service.predict("t1", new PredictRequest("42", noisy, null)))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("monetary must not be negative");
            ChurnPrediction computed = (ChurnPrediction) service.predict("t1",
                    new PredictRequest("42", noisy, null, null, true));
            assertThat(computed.modelVersion()).isEqualTo("ds-b");
            Map<String, Object> partial = new LinkedHashMap<>(body);
            partial.remove("spend_trend");
            assertThatThrownBy(() -> service.predict("t1", new PredictRequest("42", partial, null, null, true)))
                    .as("a computed vector is whole").isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("spend_trend is missing");
        }
    }

    @Test
    void eachTenantKeepsItsOwnFewPinnedVersionsSoOneCyclingEvictsOnlyItsOwn() {
        try (MetadataStore metadata = new EmbeddedMetadataStore(root.resolve("metadata"))) {
            DirectoryArtifactStore artifacts = new DirectoryArtifactStore(root.resolve("artifacts"));
            ModelRegistry trainer = new ModelRegistry(ModelKind.CHURN, artifacts, Seeds.DEFAULT,
                    ExperimentTracker.NONE, metadata);
            for (String version : List.of("ds-a", "ds-b", "ds-c")) {
                trainer.trainAndScore(SampleTrainingSets.write(artifacts, "t1", version,
                        SampleTrainingSets.quarter(0)));
            }
            trainer.trainAndScore(SampleTrainingSets.write(artifacts, "t2", "ds-x", SampleTrainingSets.quarter(0)));
            trainer.trainAndScore(SampleTrainingSets.write(artifacts, "t2", "ds-y", SampleTrainingSets.quarter(0)));
            ModelRegistry serving = new ModelRegistry(ModelKind.CHURN, artifacts, Seeds.DEFAULT,
                    ExperimentTracker.NONE, metadata).keepingPinnedPerTenant(1);
            String t2Pinned = serving.serving("t2").map(ModelRegistry.ActiveModel::version).orElse("")
                    .equals("ds-x") ? "ds-y" : "ds-x";
            List<String> t1Pinned = List.of("ds-a", "ds-b", "ds-c").stream().filter(v -> !v.equals(
                    serving.serving("t1").map(ModelRegistry.ActiveModel::version).orElse(""))).limit(2).toList();

            ModelRegistry.ActiveModel neighbour = serving.version("t2", t2Pinned).orElseThrow();
            ModelRegistry.ActiveModel firstOfT1 = serving.version("t1", t1Pinned.get(0)).orElseThrow();
            assertThat(serving.version("t1", t1Pinned.get(0)).orElseThrow()).as("kept").isSameAs(firstOfT1);
            serving.version("t1", t1Pinned.get(1)).orElseThrow();

            assertThat(serving.version("t1", t1Pinned.get(0)).orElseThrow()).as("t1 evicted its own")
                    .isNotSameAs(firstOfT1);
            assertThat(serving.version("t2", t2Pinned).orElseThrow()).as("t2's is still loaded").isSameAs(neighbour);
            assertThatThrownBy(() -> serving.keepingPinnedPerTenant(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
