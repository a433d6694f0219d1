package com.csr.modelservice.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.models.ChurnPrediction;
import com.csr.contracts.models.LtvPrediction;
import com.csr.contracts.models.ModelCard;
import com.csr.contracts.models.PredictRequest;
import com.csr.contracts.models.PredictRequest.Customer;
import com.csr.contracts.models.Prediction;
import com.csr.contracts.models.Predictions;
import com.csr.contracts.models.SegmentPrediction;
import com.csr.contracts.problems.InvalidRequestException;
import com.csr.contracts.problems.NotFoundException;
import com.csr.domain.features.FeatureVectors;
import com.csr.ml.tribuo.Seeds;
import com.csr.platform.artifacts.ArtifactFolder;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.kafka.RawRowPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code POST /predict} and {@code GET /model} for each kind, served by the saved version 0.1 models: one customer
 * or a batch answered in the kind's shape with the model's own numbers, and every problem of a request found, each
 * with its place.
 */
class PredictionServiceTest {

    private static final List<String> SAVED_MODELS = List.of("churn-model.json", "churn-model.tribuo",
            "ltv-model.tribuo", "segment-model.tribuo", "segment-personas.json");

    private static final int MAX_BATCH = 3;
    private static final List<Customer> CUSTOMERS = List.of(
            new Customer("17940", features(80.4, 5, 26237.4, 5247.5, 8, 72.8, 291.1)),
            new Customer("12345", features(10, 4, 820.5, 205.1, 31, 40, 120)),
            new Customer("7", features(300, 1, 15.2, 15.2, 2, 0, 0)));

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void answersOneCustomerAndABatchInTheKindsShapeWithTheModelsNumbers(ModelKind kind) throws IOException {
        ModelRegistry registry = servingVersion01(kind);
        PredictionService service = new PredictionService(registry, MAX_BATCH);
        TrainedModel model = registry.active("t1").orElseThrow().model();

        Predictions batch = (Predictions) service.predict("t1", new PredictRequest(null, null, CUSTOMERS));
        assertThat(batch.predictions()).hasSize(CUSTOMERS.size());
        for (int i = 0; i < CUSTOMERS.size(); i++) {
            Customer c = CUSTOMERS.get(i);
            Score score = model.score(FeatureVectors.fromMap(c.features()));
            Prediction expected = switch (kind) {
                case SEGMENT -> new SegmentPrediction(c.customerId(), score.persona().segmentId(),
                        score.persona().displayName(), "v0.1");
                case CHURN -> new ChurnPrediction(c.customerId(), score.churnProbability(), "v0.1");
                case LTV -> new LtvPrediction(c.customerId(), score.predictedLtv(), 90, "v0.1");
            };
            assertThat(service.predict("t1", new PredictRequest(c.customerId(), c.features(), null)))
                    .isEqualTo(expected);
            assertThat(batch.predictions().get(i)).isEqualTo(expected);
        }
        assertThat(service.predict("t1", new PredictRequest(null, null, List.of())))
                .isEqualTo(new Predictions(List.of()));
        assertThat(service.model("t1")).isEqualTo(new ModelCard(kind.code(), "v0.1", "2010-12-10T00:00:00Z",
                "ds-0", metrics(kind)));
    }

    @Test
    void aTenantWithoutAModelIsNotFound() throws IOException {
        PredictionService service = new PredictionService(servingVersion01(ModelKind.LTV), MAX_BATCH);

        assertThatThrownBy(() -> service.model("newcomer")).isInstanceOf(NotFoundException.class)
                .hasMessage("no ltv model for tenant newcomer yet; train one");
        assertThatThrownBy(() -> service.predict("newcomer", new PredictRequest(null, null, CUSTOMERS)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyProblemOfARequestIsListedWithItsPlace() throws IOException {
        PredictionService service = new PredictionService(servingVersion01(ModelKind.SEGMENT), MAX_BATCH);
        Map<String, Object> bad = new LinkedHashMap<>(CUSTOMERS.get(0).features());
        bad.remove("frequency");
        bad.put("monetary", -5);
        List<Customer> customers = new ArrayList<>(Arrays.asList(CUSTOMERS.get(0), null, new Customer(" ", bad)));

        assertThatThrownBy(() -> service.predict("t1", new PredictRequest(null, null, customers)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).containsExactly(
                        "customers[1]: must be an object", "customers[2]: customer_id is required",
                        "customers[2]: frequency is required",
                        "customers[2]: monetary must not be negative, got -5.0"));
        assertThatThrownBy(() -> service.predict("t1", new PredictRequest("1", null, null)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("features is required");
    }

    @Test
    void theRequestsShapeIsChecked() throws IOException {
        PredictionService service = new PredictionService(servingVersion01(ModelKind.SEGMENT), MAX_BATCH);
        Customer customer = CUSTOMERS.get(0);
        PredictRequest valid = new PredictRequest(customer.customerId(), customer.features(), null);
        List<Customer> tooMany = new ArrayList<>(CUSTOMERS);
        tooMany.add(customer);

        assertThatThrownBy(() -> service.predict("t1", null)).hasMessage("a JSON body is required");
        assertThatThrownBy(() -> service.predict("t1", new PredictRequest("1", null, List.of())))
                .hasMessage("send either customer_id and features, or customers, not both");
        assertThatThrownBy(() -> service.predict("t1", new PredictRequest(null, null, tooMany)))
                .hasMessage("a batch may hold at most 3 customers, got 4");
    }

    /** A registry serving the saved version 0.1 model of the kind to tenant t1, published as a trainer would. */
    private ModelRegistry servingVersion01(ModelKind kind) throws IOException {
        DirectoryArtifactStore artifacts = new DirectoryArtifactStore(root);
        String folder = ArtifactLayout.model("t1", kind.code(), "v0.1");
        ArtifactFolder.Manifest manifest = ArtifactFolder.upload(artifacts, savedModels(), folder);
        ModelRegistry registry = new ModelRegistry(kind, artifacts, Seeds.DEFAULT);
        registry.activate(new ModelPublished("t1", kind.code(), "v0.1", artifacts.uri(folder),
                manifest.files().get(kind.modelFile()), "ds-0", "2010-12-10T00:00:00Z", metrics(kind)));
        return registry;
    }

    private static Map<String, Object> metrics(ModelKind kind) {
        return kind == ModelKind.LTV ? Map.of("horizon_days", 90) : Map.of();
    }

    /** The saved models of version 0.1 (in ml's test jar), copied out to a directory of this test's own. */
    private Path savedModels() throws IOException {
        Path copy = Files.createDirectories(root.resolveSibling(root.getFileName() + "-saved"));
        for (String file : SAVED_MODELS) {
            try (InputStream in = PredictionServiceTest.class.getResourceAsStream("/models/v0.1/" + file)) {
                Files.copy(in, copy.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy;
    }

    /** The original system's seven features; the others are filled in. */
    private static Map<String, Object> features(double recencyDays, double frequency, double monetary,
                                                double avgBasketValue, double uniqueProducts,
                                                double avgInterpurchaseDays, double purchaseSpanDays) {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("recency_days", recencyDays);
        features.put("frequency", frequency);
        features.put("monetary", monetary);
        features.put("avg_basket_value", avgBasketValue);
        features.put("unique_products", uniqueProducts);
        features.put("avg_interpurchase_days", avgInterpurchaseDays);
        features.put("purchase_span_days", purchaseSpanDays);
        return features;
    }
}
