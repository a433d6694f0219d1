package com.csr.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.csr.contracts.models.PredictRequest;
import com.csr.contracts.problems.InvalidRequestException;
import com.csr.contracts.problems.NotFoundException;
import com.csr.contracts.problems.Problem;
import com.csr.domain.transactions.FileLimitException;
import com.csr.domain.transactions.FileLimits;
import com.csr.platform.artifacts.ArtifactStoreUnavailableException;
import com.csr.platform.metadata.MetadataStoreException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each failure of a request becomes the problem that says what to fix, or a bare 500. */
class ProblemsTest {

    /** As the services read request bodies: snake_case, unknown fields refused. */
    private static final ObjectMapper REQUESTS = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void anInvalidRequestIsA400ListingItsErrorsWhenThereAreSeveral() {
        Problem one = Problems.of(new InvalidRequestException("features is required"), "predict");
        Problem two = Problems.of(new InvalidRequestException(List.of("a is wrong", "b is wrong")), "/predict");

        assertThat(one).isEqualTo(new Problem("about:blank", "Bad Request", 400, "features is required",
                "/predict", null));
        assertThat(two.detail()).isEqualTo("a is wrong; b is wrong");
        assertThat(two.errors()).containsExactly("a is wrong", "b is wrong");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"customer_id\":\"1\",\"colour\":\"red\"} | unknown field 'colour'",
        "{\"customer_id\":\"1\",\"features\":[1,2]} | field 'features' has the wrong type",
        "{\"customers\":[{\"customer_id\":{\"a\":1}}]} | field 'customers[0].customer_id' has the wrong type",
        "[1] | the body must be a JSON object",
        "customer 1 please | malformed JSON at line 1",
        "'{\"customer_id\": ' | malformed JSON at line 1",
        "{\"customer_id\":\"1\",\"features\":{\"recency_days\":NaN}} | malformed JSON at line 1"})
    void anUnreadableBodyIsA400InTheRequestsOwnWords(String body, String detail) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> REQUESTS.readValue(body, PredictRequest.class));

        Problem problem = Problems.of(e, "/predict");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).startsWith(detail).doesNotContain("com.csr", "Source:", "`");
    }

    @Test
    void jsonNestedDeeperThanTheParserAllowsIsA400SayingSoWithoutTheParsersNames() {
        String deep = "{\"customer_id\":\"1\",\"features\":" + "{\"a\":".repeat(1500) + "1" + "}".repeat(1501);
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> REQUESTS.readValue(deep, PredictRequest.class));

        Problem problem = Problems.of(e, "/predict");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).isEqualTo("the JSON is too large or too deeply nested: document nesting depth "
                + "(1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void aFileOverALimitOnItsSizeIsA413AndOverALimitOnALineOrCellA400NamingIt() {
        FileLimits limits = new FileLimits(10, 5, 1000, 3, 1000, 1000);
        FileLimitException rows = catchThrowableOfType(FileLimitException.class, () -> limits.requireRows(4));
        FileLimitException cell = catchThrowableOfType(FileLimitException.class,
                () -> limits.requireCell(2, "note", "longer"));

        assertThat(Problems.of(rows, "/files")).isEqualTo(new Problem("about:blank", "Content Too Large", 413,
                "data row 4 is one more than 3 rows, the limit on rows per file (csr.ingest.limits.max-rows)", "/files",
                null));
        assertThat(Problems.of(cell, "/files/preview")).isEqualTo(Problem.badRequest("data row 2, column 'note', holds "
                + "6 characters, more than 5 characters, the limit on a cell (csr.ingest.limits.max-cell-chars)",
                "/files/preview"));
    }

    @Test
    void somethingTheTenantDoesNotHaveIsA404() {
        assertThat(Problems.of(new NotFoundException("no churn model for tenant t1 yet; train one"), "/model"))
                .isEqualTo(Problem.notFound("no churn model for tenant t1 yet; train one", "/model"));
    }

    @Test
    void aStoreThatCannotBeReachedIsA503ThatNamesNoInternals() {
        Problem artifacts = Problems.of(new ArtifactStoreUnavailableException("S3 at http://10.0.0.7:9000 refused",
                null), "/training-sets");
        Problem metadata = Problems.of(new MetadataStoreException("Firestore project p-123 unavailable", null), "/keys");

        assertThat(artifacts).isEqualTo(Problem.of(503, "Service Unavailable",
                "the artifact store cannot be reached: try again shortly", "/training-sets"));
        assertThat(metadata.status()).isEqualTo(503);
        assertThat(metadata.detail()).doesNotContain("p-123");
    }

    @Test
    void anythingElseIsABare500() {
        Problem problem = Problems.of(new IllegalStateException("secret internals"), "/predict");

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).isEqualTo("the service failed; the cause is in its log");
    }

    @Test
    void anHttpStatusKeepsItsReason() {
        assertThat(Problems.of(405, "Method Not Allowed", "HTTP 405 Method Not Allowed", "predict"))
                .isEqualTo(Problem.of(405, "Method Not Allowed", "HTTP 405 Method Not Allowed", "/predict"));
    }

    @Test
    void aMalformedMultipartBodyIsA400() {
        Problem problem = Problems.of(new org.jboss.resteasy.reactive.server.core.multipart.MultipartParser
                .MalformedMessageException(), "/files");
        org.assertj.core.api.Assertions.assertThat(problem.status()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(problem.detail()).startsWith("the multipart/form-data body is "
                + "malformed");
    }
}
