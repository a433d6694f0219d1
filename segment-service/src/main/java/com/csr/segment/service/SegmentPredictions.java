package com.csr.segment.service;

import com.csr.segment.config.SegmentConfig;
import com.csr.segment.rest.SegmentPrediction;
import com.csr.segment.rest.PredictRequest;
import com.csr.segment.rest.PredictRequest.Customer;
import com.csr.core.features.CustomerFeatures;
import com.csr.core.features.FeatureVectors;
import com.csr.core.serving.ModelRegistry;
import com.csr.core.serving.ModelRegistry.ActiveModel;
import com.csr.core.serving.Score;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates customers' features and scores them with the tenant's active segment model, read once per request so an
 * answer's numbers and version come from the same model even while a new one is swapped in.
 */
@ApplicationScoped
public class SegmentPredictions {

    private final ModelRegistry registry;
    private final SegmentConfig config;

    public SegmentPredictions(ModelRegistry registry, SegmentConfig config) {
        this.registry = registry;
        this.config = config;
    }

    /** The tenant's active model; a 404 while it has none. */
    public ActiveModel model(String tenantId) {
        return registry.active(tenantId).orElseThrow(() -> new NotFoundException(
                "no " + registry.kind().code() + " model for tenant " + tenantId + " yet; train one"));
    }

    public SegmentPrediction predict(String tenantId, PredictRequest request) {
        Customer customer = new Customer(request.customerId(), request.features());
        CustomerFeatures features = features(List.of(customer), "").get(0);
        ActiveModel model = model(tenantId);
        return prediction(customer, model.model().score(features), model);
    }

    public List<SegmentPrediction> predictAll(String tenantId, List<Customer> customers) {
        if (customers.size() > config.maxBatch()) {
            throw new InvalidRequestException("a batch may hold at most " + config.maxBatch() + " customers, got "
                    + customers.size());
        }
        List<CustomerFeatures> features = features(customers, "customers");
        ActiveModel model = model(tenantId);
        if (features.isEmpty()) {
            return List.of();
        }
        List<Score> scores = model.model().scoreAll(features);
        List<SegmentPrediction> predictions = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            predictions.add(prediction(customers.get(i), scores.get(i), model));
        }
        return predictions;
    }

    private static SegmentPrediction prediction(Customer customer, Score score, ActiveModel model) {
        return new SegmentPrediction(customer.customerId(), score.persona().segmentId(),
                score.persona().displayName(), model.version());
    }

    /** Every customer's features, or every problem found; in a batch each says whose ({@code customers[2]: ...}). */
    private static List<CustomerFeatures> features(List<Customer> customers, String field) {
        List<String> errors = new ArrayList<>();
        List<CustomerFeatures> features = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            String where = field.isEmpty() ? "" : field + "[" + i + "]: ";
            Customer c = customers.get(i);
            if (c == null) {
                errors.add(where + "must be an object");
                continue;
            }
            if (c.customerId() == null || c.customerId().isBlank()) {
                errors.add(where + "customer_id is required");
            }
            if (c.features() == null) {
                errors.add(where + "features is required");
                continue;
            }
            try {
                features.add(FeatureVectors.fromMap(c.features()));
            } catch (IllegalArgumentException e) {
                for (String problem : e.getMessage().split("; ")) {
                    errors.add(where + problem);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return features;
    }
}
