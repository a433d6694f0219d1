package com.csr.gateway.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The most the gateway's ObjectMapper reads, for request bodies: JSON nested at most {@value #MAX_NESTING_DEPTH}
 * deep (Jackson's default is 1,000; no body of the API goes deeper than three) and no longer than the body limit
 * ({@code csr.gateway.limits.body}; rest.BodyLimits counts every body as it arrives as well, this is the parser's own
 * guard). Beyond either, the body is a 400 problem that says which. The services' answers to the gateway's REST
 * clients are read with the same depth but no length limit ({@link #forServiceAnswers}): a customer's whole purchase
 * history may well be larger than anything a caller may send.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    /** How deep a JSON document may nest its objects and arrays. */
    public static final int MAX_NESTING_DEPTH = 100;

    private final long maxDocumentLength;

    public JsonLimits(GatewayConfig config) {
        this.maxDocumentLength = config.limits().body().asLongValue();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(constraints(maxDocumentLength));
    }

    /** A copy of the gateway's mapper for the services' answers: the same settings, any length. */
    public static ObjectMapper forServiceAnswers(ObjectMapper gateway) {
        ObjectMapper answers = gateway.copy();
        answers.getFactory().setStreamReadConstraints(constraints(0));
        return answers;
    }

    /** @param maxDocumentLength bytes, or 0 for no limit */
    private static StreamReadConstraints constraints(long maxDocumentLength) {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).maxDocumentLength(maxDocumentLength)
                .build();
    }
}
