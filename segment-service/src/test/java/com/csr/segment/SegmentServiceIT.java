package com.csr.segment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.csr.contracts.events.CustomerScore;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.persona.Persona;
import com.csr.kit.testing.KafkaResource;
import com.csr.modelservice.serving.ModelKind;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.modelservice.serving.Score;
import com.csr.modelservice.testing.ModelServiceContract;
import com.csr.platform.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The segment service on a real broker: what every model service does ({@link ModelServiceContract}), and its
 * personas, one customer at a time and in a batch, as the same model in a plain {@code ModelRegistry} answers.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class SegmentServiceIT extends ModelServiceContract {

    @Override
    protected ModelKind kind() {
        return ModelKind.SEGMENT;
    }

    @Override
    protected void assertSameScore(CustomerScore published, Score expected) {
        assertThat(published.segmentId()).isEqualTo(expected.persona().segmentId());
        assertThat(published.persona()).isEqualTo(expected.persona().displayName());
    }

    @Test
    @Order(2)
    void theModelSaysHowWellItSeparatesCustomers() {
        firstModel();
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model").then().statusCode(200)
                .body("metrics.silhouette", notNullValue());
    }

    @Test
    @Order(3)
    void predictsOneAndABatchWithThePlainModelsAnswers() {
        ModelRegistry plain = plainRegistry();
        plain.activate(firstModel());
        List<LabelledCustomer> customers = firstData().scoring().rows().subList(0, 20);
        List<Score> batchScores = plain.active(TENANT).orElseThrow().model()
                .scoreAll(customers.stream().map(LabelledCustomer::features).toList());

        JsonNode batch = post(batchOf(customers)).get("predictions");
        assertThat(batch).hasSize(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            LabelledCustomer c = customers.get(i);
            Persona expected = plain.score(TENANT, c.features()).orElseThrow().persona();
            assertThat(batchScores.get(i).persona()).isEqualTo(expected);
            JsonNode one = post(Map.of("customer_id", c.customerId(), "features", FeatureVectors.toMap(c.features())));
            for (JsonNode answer : List.of(one, batch.get(i))) {
                assertThat(answer.get("customer_id").asText()).isEqualTo(c.customerId());
                assertThat(answer.get("segment_id").asInt()).isEqualTo(expected.segmentId());
                assertThat(answer.get("persona").asText()).isEqualTo(expected.displayName());
                assertThat(answer.get("model_version").asText()).isEqualTo("ds-1");
            }
        }
    }

    @Test
    @Order(11)
    void aSegmentationHasNoEvaluationCurves() {
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model/evaluation").then().statusCode(404)
                .body("detail", is("the active segment model has no evaluation curves"));
    }
}
