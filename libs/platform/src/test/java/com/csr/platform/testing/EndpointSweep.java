package com.csr.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tries every endpoint a service's OpenAPI document lists, so that an endpoint added later is tried too: without a
 * valid key each must answer 401 and say nothing about any tenant; with another tenant's key, aimed at the owner's
 * records (path values and bodies naming them), each must answer without a 5xx and without any of the owner's
 * identifiers in the body.
 */
public final class EndpointSweep {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One operation: method, path template, and the media type its body takes (null for none). */
    public record Endpoint(String method, String path, String bodyType) {
    }

    private final URI base;
    private final List<Endpoint> endpoints;
    private final Map<String, String> pathValues;
    private final Map<String, String> bodies;

    /**
     * @param base       the service's address
     * @param open       paths that take no tenant key (health, admin), left out
     * @param pathValues a value for each path parameter, naming the owner's records
     * @param bodies     a body for a path (template), naming the owner's records; others get {@code {}}
     */
    public EndpointSweep(URI base, Set<String> open, Map<String, String> pathValues, Map<String, String> bodies) {
        this.base = base;
        this.pathValues = pathValues;
        this.bodies = bodies;
        this.endpoints = endpoints(base).stream().filter(e -> !open.contains(e.path())).toList();
        assertThat(endpoints).as("endpoints listed in the OpenAPI document").isNotEmpty();
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /**
     * Every endpoint refuses a request without a valid key with a 401 problem that names no tenant.
     *
     * @param keys   keys of {@code tenant}: its expired and revoked keys are tried
     * @param tenant a tenant with data behind these endpoints
     */
    public void refusesEveryRequestWithoutAValidKey(TestKeys keys, String tenant) {
        Map<String, Map<String, String>> attempts = Map.of(
                "no key", Map.of(),
                "a forged tenant header", Map.of("X-Tenant-Id", tenant),
                "the tenant id as key", Map.of("Authorization", "Bearer " + tenant),
                "an unknown key", Map.of("Authorization", "Bearer csr_unknownkey0000000000000000000000000000000"),
                "another scheme", Map.of("Authorization", "Basic YWNtZTphY21l"),
                "an expired key", Map.of("Authorization", keys.expired(tenant), "X-Tenant-Id", tenant),
                "a revoked key", Map.of("Authorization", keys.revoked(tenant)));
        List<String> failures = new ArrayList<>();
        attempts.forEach((attempt, headers) -> {
            for (Endpoint endpoint : endpoints) {
                HttpResponse<String> answer = send(endpoint, headers);
                if (answer.statusCode() != 401 || !answer.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json") || answer.body().contains(tenant)
                        || answer.headers().firstValue("WWW-Authenticate").isEmpty()) {
                    failures.add(attempt + ": " + endpoint.method() + " " + endpoint.path() + " answered "
                            + answer.statusCode() + " " + answer.body());
                }
            }
        });
        assertThat(failures).as("requests without a valid key").isEmpty();
    }

    /**
     * Every endpoint, called with another tenant's key on the owner's records, answers without a 5xx and without
     * any of {@code ownersSecrets} in its body, other than those the request itself sent (a problem's
     * {@code instance} repeats the path); one whose path names an owner's record answers 403 or 404.
     *
     * @return the status of each endpoint ({@code "GET /files/{fileId}" → 404}), for the caller to check further
     */
    public Map<String, Integer> leaksNothing(String otherBearer, Set<String> ownersSecrets) {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        for (Endpoint endpoint : endpoints) {
            HttpResponse<String> answer = send(endpoint, Map.of("Authorization", otherBearer));
            statuses.put(endpoint.method() + " " + endpoint.path(), answer.statusCode());
            String sent = answer.request().uri().getPath() + " " + bodies.getOrDefault(endpoint.path(), "");
            List<String> leaked = ownersSecrets.stream().filter(answer.body()::contains)
                    .filter(secret -> !sent.contains(secret)).toList();
            boolean namesOwnersRecord = ownersSecrets.stream().anyMatch(answer.request().uri().getPath()::contains);
            if (answer.statusCode() >= 500 || !leaked.isEmpty()
                    || namesOwnersRecord && answer.statusCode() != 403 && answer.statusCode() != 404) {
                failures.add(endpoint.method() + " " + endpoint.path() + " answered " + answer.statusCode()
                        + (leaked.isEmpty() ? "" : " showing " + leaked) + ": " + answer.body());
            }
        }
        assertThat(failures).as("requests with another tenant's key").isEmpty();
        return statuses;
    }

    private HttpResponse<String> send(Endpoint endpoint, Map<String, String> headers) {
        Matcher parameters = PARAMETER.matcher(endpoint.path());
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            String value = pathValues.get(parameters.group(1));
            assertThat(value).as("a value for path parameter " + parameters.group(1)).isNotNull();
            parameters.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        parameters.appendTail(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.toString()))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (endpoint.bodyType() != null) {
            String body = bodies.getOrDefault(endpoint.path(), "{}");
            request.header("Content-Type", endpoint.bodyType())
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Endpoint> endpoints(URI base) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode paths = JSON.readTree(answer.body()).path("paths");
            List<Endpoint> endpoints = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> path = p.next();
                for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                    Map.Entry<String, JsonNode> operation = o.next();
                    Iterator<String> types = operation.getValue().path("requestBody").path("content").fieldNames();
                    endpoints.add(new Endpoint(operation.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                            types.hasNext() ? types.next() : null));
                }
            }
            return endpoints;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
