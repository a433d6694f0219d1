package com.csr.modelservice.serving;

import com.csr.contracts.ids.RecordIds;
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
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.FeatureVectors;
import com.csr.ml.churn.ChurnDrivers;
import com.csr.modelservice.serving.ModelRegistry.ActiveModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model service's HTTP answers: checks the tenant and every customer's features, then scores with the tenant's
 * active model, read once per request so an answer's numbers and version come from the same model even while a new
 * one is swapped in.
 */
public final class PredictionService {

    private final ModelRegistry registry;
    private final int maxBatch;

    /**
     * @param maxBatch most customers one request may carry
     */
    public PredictionService(ModelRegistry registry, int maxBatch) {
        this.registry = registry;
        this.maxBatch = maxBatch;
    }

    /**
     * The answer to {@code POST /predict}: one customer's {@link Prediction}, or a batch's {@link Predictions}.
     *
     * @param tenantId the caller's tenant, from its API key
     * @throws InvalidRequestException listing every problem, a batch's each with its place ({@code customers[2]: })
     * @throws NotFoundException       while the tenant has no model
     */
    public Object predict(String tenantId, PredictRequest request) {
        if (request == null) {
            throw new InvalidRequestException("a JSON body is required");
        }
        if (request.customers() == null) {
            Customer customer = new Customer(request.customerId(), request.features());
            CustomerFeatures features = features(List.of(customer), "", request.computed()).get(0);
            ActiveModel model = model(tenantId, request.modelVersion());
            return prediction(customer, model.model().score(features), model);
        }
        if (request.customerId() != null || request.features() != null) {
            throw new InvalidRequestException("send either customer_id and features, or customers, not both");
        }
        return new Predictions(predictAll(tenantId, request.customers(), request.modelVersion(),
                request.computed()));
    }

    /**
     * The answer to {@code POST /explain}: what drives one customer's churn probability.
     *
     * @throws InvalidRequestException listing every problem with the customer; for a batch
     * @throws NotFoundException       while the tenant has no model
     */
    public ChurnExplanation explain(String tenantId, PredictRequest request) {
        if (request == null) {
            throw new InvalidRequestException("a JSON body is required");
        }
        if (request.customers() != null) {
            throw new InvalidRequestException("explain takes one customer (customer_id and features), not a batch");
        }
        Customer customer = new Customer(request.customerId(), request.features());
        CustomerFeatures features = features(List.of(customer), "", request.computed()).get(0);
        ActiveModel model = active(tenantId);
        ChurnDrivers drivers = model.model().churnDrivers(features).orElseThrow(() -> new IllegalStateException(
                "a " + registry.kind().code() + " model has no churn drivers"));
        return new ChurnExplanation(customer.customerId(), drivers.churnProbability(), drivers.baseline(),
                drivers.drivers(), model.version());
    }

    /**
     * The answer to {@code GET /model}: the tenant's active model.
     *
     * @throws NotFoundException while the tenant has none
     */
    public ModelCard model(String tenantId) {
        ActiveModel model = active(tenantId);
        return new ModelCard(model.model().kind().code(), model.version(), model.trainedAt(), model.datasetId(),
                model.metrics());
    }

    /**
     * The answer to {@code GET /model/evaluation}: the curves of the tenant's active model's out-of-time evaluation.
     *
     * @throws NotFoundException while the tenant has no model, or its model has no curves (segments; models trained
     *                           before curves were kept)
     */
    public Map<String, Object> evaluation(String tenantId) {
        Map<String, Object> evaluation = active(tenantId).evaluation();
        if (evaluation.isEmpty()) {
            throw new NotFoundException("the active " + registry.kind().code() + " model has no evaluation curves");
        }
        return evaluation;
    }

    private List<Prediction> predictAll(String tenantId, List<Customer> customers, String version,
                                        boolean computed) {
        if (customers.size() > maxBatch) {
            throw new InvalidRequestException("a batch may hold at most " + maxBatch + " customers, got "
                    + customers.size());
        }
        List<CustomerFeatures> features = features(customers, "customers", computed);
        ActiveModel model = model(tenantId, version);
        if (features.isEmpty()) {
            return List.of();
        }
        List<Score> scores = model.model().scoreAll(features);
        List<Prediction> predictions = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            predictions.add(prediction(customers.get(i), scores.get(i), model));
        }
        return predictions;
    }

    /** The serving model, or the version a request pins. */
    private ActiveModel model(String tenantId, String version) {
        if (version == null) {
            return active(tenantId);
        }
        if (!RecordIds.isValid(version)) {
            throw new InvalidRequestException("model_version '" + version + "' is not a version id");
        }
        return registry.version(tenantId, version).orElseThrow(() -> new NotFoundException(
                "no " + registry.kind().code() + " model version " + version + " for tenant " + tenantId));
    }

    private ActiveModel active(String tenantId) {
        return registry.serving(tenantId).orElseThrow(() -> new NotFoundException(
                "no " + registry.kind().code() + " model for tenant " + tenantId + " yet; train one"));
    }

    private Prediction prediction(Customer customer, Score score, ActiveModel model) {
        return switch (registry.kind()) {
            case SEGMENT -> new SegmentPrediction(customer.customerId(), score.persona().segmentId(),
                    score.persona().displayName(), model.version());
            case CHURN -> new ChurnPrediction(customer.customerId(), score.churnProbability(), model.version());
            case LTV -> new LtvPrediction(customer.customerId(), score.predictedLtv(), horizonDays(model),
                    model.version());
        };
    }

    /** The horizon an LTV model was trained for, from its metrics; null for a model published without them. */
    private static Integer horizonDays(ActiveModel model) {
        return model.metrics().get("horizon_days") instanceof Number days ? days.intValue() : null;
    }

    /** Every customer's features, or every problem found; in a batch each says whose ({@code customers[2]: ...}). */
    private static List<CustomerFeatures> features(List<Customer> customers, String field, boolean computed) {
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
                features.add(computed ? FeatureVectors.fromComputed(numbers(c.features()))
                        : FeatureVectors.fromMap(c.features()));
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

    /** Computed features as numbers; a value that is none is named. */
    private static Map<String, Number> numbers(Map<String, Object> features) {
        Map<String, Number> numbers = new java.util.LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        features.forEach((name, value) -> {
            if (value instanceof Number n) {
                numbers.put(name, n);
            } else {
                problems.add(name + " must be a number, got " + value);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return numbers;
    }
}
