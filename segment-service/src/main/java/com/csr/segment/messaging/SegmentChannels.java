package com.csr.segment.messaging;

import com.csr.core.events.CustomerFeaturesUpdate;
import com.csr.core.events.CustomerScore;
import com.csr.core.events.EventJson;
import com.csr.core.events.EventKeys;
import com.csr.core.events.ModelPublished;
import com.csr.core.events.Topics;
import com.csr.core.events.TrainingDataset;
import com.csr.core.serving.ModelRegistry;
import com.csr.core.serving.ModelRegistry.ActiveModel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * The service on Kafka: trains on published training sets, hot-swaps published models, scores feature updates. A
 * record that cannot be handled is logged in one line and skipped; the channel goes on. The event records are read
 * and written by Jackson reflection, hence registered for a native image.
 */
@ApplicationScoped
@RegisterForReflection(targets = {TrainingDataset.class, ModelPublished.class, CustomerFeaturesUpdate.class,
        CustomerScore.class})
public class SegmentChannels {

    /** The header naming the kind of model that scored a record on {@code customer.scores}. */
    public static final String MODEL_KIND_HEADER = "model-kind";
    private static final Logger LOG = Logger.getLogger(SegmentChannels.class);

    private final ModelRegistry registry;

    public SegmentChannels(ModelRegistry registry) {
        this.registry = registry;
    }

    /**
     * Trains a model on a published training set and announces it. Training takes seconds and all the cores it gets,
     * so it runs on its own worker pool ({@code smallrye.messaging.worker.training.max-concurrency}).
     */
    @Incoming("training-datasets")
    @Outgoing("trained-models")
    @Blocking(value = "training", ordered = false)
    public Message<byte[]> train(Message<byte[]> record) {
        try {
            TrainingDataset dataset = EventJson.read(record.getPayload(), TrainingDataset.class);
            long started = System.nanoTime();
            ModelPublished published = registry.train(dataset);
            LOG.infof("trained %s model %s for tenant %s in %d ms", published.kind(), published.version(),
                    published.tenantId(), (System.nanoTime() - started) / 1_000_000);
            return answer(record, EventKeys.model(published.tenantId(), published.kind()), published.tenantId(),
                    EventJson.write(published), null);
        } catch (RuntimeException e) {
            LOG.warnf("training set skipped: %s", e.getMessage());
            record.ack();
            return null;
        }
    }

    /** Makes a published model of this service's kind its tenant's active one; other kinds are not ours. */
    @Incoming("models-published")
    @Blocking
    public void activate(byte[] json) {
        ModelPublished published;
        try {
            published = EventJson.read(json, ModelPublished.class);
        } catch (IllegalArgumentException e) {
            LOG.warnf("model announcement skipped: %s", e.getMessage());
            return;
        }
        if (!registry.kind().code().equals(published.kind())) {
            return;
        }
        try {
            Optional<ActiveModel> before = registry.active(published.tenantId());
            ActiveModel now = registry.activate(published);
            if (before.map(b -> b != now).orElse(true)) {
                LOG.infof("%s model %s now serves tenant %s", published.kind(), now.version(), published.tenantId());
            }
        } catch (RuntimeException e) {
            LOG.errorf("REFUSED %s model %s of tenant %s, the previous model stays active: %s", published.kind(),
                    published.version(), published.tenantId(), e.getMessage());
        }
    }

    /** Scores a feature update with the tenant's active model; skipped while the tenant has none. */
    @Incoming("customer-features")
    @Outgoing("customer-scores")
    public Message<byte[]> score(Message<byte[]> record) {
        try {
            CustomerFeaturesUpdate update = EventJson.read(record.getPayload(), CustomerFeaturesUpdate.class);
            Optional<CustomerScore> score = registry.score(update);
            if (score.isEmpty()) {
                LOG.debugf("no %s model for tenant %s yet: update skipped", registry.kind().code(), update.tenantId());
                record.ack();
                return null;
            }
            return answer(record, EventKeys.customer(update.tenantId(), update.customerId()), update.tenantId(),
                    EventJson.write(score.get()), registry.kind().code());
        } catch (RuntimeException e) {
            LOG.warnf("feature update skipped: %s", e.getMessage());
            record.ack();
            return null;
        }
    }

    /** The record answering {@code in}: acknowledging it once written, keyed, with the tenant (and kind) headers. */
    private static Message<byte[]> answer(Message<byte[]> in, String key, String tenantId, byte[] value, String kind) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.TENANT_HEADER, tenantId.getBytes(StandardCharsets.UTF_8));
        if (kind != null) {
            headers.add(MODEL_KIND_HEADER, kind.getBytes(StandardCharsets.UTF_8));
        }
        return in.withPayload(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build());
    }
}
