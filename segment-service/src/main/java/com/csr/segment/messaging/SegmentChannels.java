package com.csr.segment.messaging;

import com.csr.core.events.CustomerFeaturesUpdate;
import com.csr.core.events.CustomerScore;
import com.csr.core.events.ModelPublished;
import com.csr.core.events.TrainingDataset;
import com.csr.core.serving.ModelRegistry;
import com.csr.core.serving.ModelService;
import com.csr.core.serving.OutgoingRecord;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * The segment service on Kafka: each record goes to core's {@link ModelService}, and what it answers is written out.
 * The event records are read and written by Jackson reflection, hence registered for a native image.
 */
@ApplicationScoped
@RegisterForReflection(targets = {TrainingDataset.class, ModelPublished.class, CustomerFeaturesUpdate.class,
        CustomerScore.class})
public class SegmentChannels {

    private final ModelService models;
    private final Emitter<byte[]> rescored;

    public SegmentChannels(ModelRegistry registry,
                         @Channel("rescored-customers") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                         Emitter<byte[]> rescored) {
        this.models = new ModelService(registry);
        this.rescored = rescored;
    }

    /**
     * Trains a model on a published training set and announces it. Training takes seconds and all the cores it gets,
     * so it runs on its own worker pool ({@code smallrye.messaging.worker.training.max-concurrency}).
     */
    @Incoming("training-datasets")
    @Outgoing("trained-models")
    @Blocking(value = "training", ordered = false)
    public Message<byte[]> train(Message<byte[]> record) {
        List<OutgoingRecord> out = models.train(record.getPayload());
        // every customer of the training set, scored by the new model, so the portfolio does not wait for new data
        out.stream().skip(1).forEach(score -> rescored.send(message(Message.of(score.value()), score)));
        return answer(record, out.stream().findFirst());
    }

    /** Makes a published segment model its tenant's active one. */
    @Incoming("models-published")
    @Blocking
    public void activate(byte[] json) {
        models.activate(json);
    }

    /** Scores a feature update with the tenant's active model. */
    @Incoming("customer-features")
    @Outgoing("customer-scores")
    public Message<byte[]> score(Message<byte[]> record) {
        return answer(record, models.score(record.getPayload()));
    }

    /** The record answering {@code in}, which is acknowledged once it is written, or at once when there is none. */
    private static Message<byte[]> answer(Message<byte[]> in, Optional<OutgoingRecord> out) {
        if (out.isEmpty()) {
            in.ack();
            return null;
        }
        return message(in.withPayload(out.get().value()), out.get());
    }

    private static Message<byte[]> message(Message<byte[]> message, OutgoingRecord record) {
        return message.addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                .withHeaders(record.kafkaHeaders()).build());
    }
}
