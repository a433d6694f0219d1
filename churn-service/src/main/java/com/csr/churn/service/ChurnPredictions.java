package com.csr.churn.service;

import com.csr.churn.config.ChurnConfig;
import com.csr.churn.rest.ChurnPrediction;
import com.csr.churn.rest.PredictRequest;
import com.csr.churn.rest.PredictRequest.Customer;
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
 * Validates customers' features and scores them with the tenant's active churn model, read once per request so an
 * answer's numbers and version come from the same model even while a new one is swapped in.
 */
@ApplicationScoped
public class ChurnPredictions {

    private final ModelRegistry registry;
    private final ChurnConfig config;

    public ChurnPredictions(ModelRegistry registry, ChurnConfig config) {
        this.registry = registry;
        this.config = config;
    }

    /** The tenant's active model; a 404 while it has none. */
    public ActiveModel model(String tenantId) {
        return registry.active(tenantId).orElseThrow(() -> new NotFoundException(
                "no " + registry.kind().code() + " model for tenant " + tenantId + " yet; train one"));
    }

    public ChurnPrediction predict(String tenantId, PredictRequest request) {
        Customer customer = new Customer(request.customerId(), request.features());
        CustomerFeatures features = features(List.of(customer), "").get(0);
        ActiveModel model = model(tenantId);
        return prediction(customer, model.model().score(features), model);
    }

    public List<ChurnPrediction> predictAll(String tenantId, List<Customer> customers) {
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
        List<ChurnPrediction> predictions = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            predictions.add(prediction(customers.get(i), scores.get(i), model));
        }
        return predictions;
    }

    private static ChurnPrediction prediction(Customer customer, Score score, ActiveModel model) {
        return new ChurnPrediction(customer.customerId(), score.churnProbability(), model.version());
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
