package com.csr.ltv;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.csr.contracts.events.CustomerScore;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.labels.LabelledCustomer;
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
 * The lifetime-value service on a real broker: what every model service does ({@link ModelServiceContract}), and
 * its 90-day values, one customer at a time and in a batch, as the same model in a plain {@code ModelRegistry}
 * answers, with the decile evaluation of its training.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class LtvServiceIT extends ModelServiceContract {

    @Override
    protected ModelKind kind() {
        return ModelKind.LTV;
    }

    @Override
    protected void assertSameScore(CustomerScore published, Score expected) {
        assertThat(published.predictedLtv()).isEqualTo(expected.predictedLtv());
    }

    @Test
    @Order(2)
    void theModelSaysHowWellItRanksCustomersAndByDecile() {
        firstModel();
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model").then().statusCode(200)
                .body("metrics.normalized_gini", notNullValue());
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model/evaluation").then().statusCode(200)
                .body("deciles.size()", is(10));
    }

    @Test
    @Order(3)
    void predictsOneAndABatchWithThePlainModelsNumbers() {
        ModelRegistry plain = plainRegistry();
        plain.activate(firstModel());
        List<LabelledCustomer> customers = firstData().scoring().rows().subList(0, 20);
        List<Score> batchScores = plain.active(TENANT).orElseThrow().model()
                .scoreAll(customers.stream().map(LabelledCustomer::features).toList());

        JsonNode batch = post(batchOf(customers)).get("predictions");
        assertThat(batch).hasSize(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            LabelledCustomer c = customers.get(i);
            double single = plain.score(TENANT, c.features()).orElseThrow().predictedLtv();
            JsonNode one = post(Map.of("customer_id", c.customerId(), "features", FeatureVectors.toMap(c.features())));
            assertThat(one.get("predicted_ltv").asDouble()).isEqualTo(single);
            assertThat(batch.get(i).get("predicted_ltv").asDouble()).isEqualTo(batchScores.get(i).predictedLtv());
            assertThat(batch.get(i).get("predicted_ltv").asDouble()).isEqualTo(single);
            for (JsonNode answer : List.of(one, batch.get(i))) {
                assertThat(answer.get("customer_id").asText()).isEqualTo(c.customerId());
                assertThat(answer.get("horizon_days").asInt()).isEqualTo(90);
                assertThat(answer.get("model_version").asText()).isEqualTo("ds-1");
            }
        }
    }
}
