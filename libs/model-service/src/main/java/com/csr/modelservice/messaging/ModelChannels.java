package com.csr.modelservice.messaging;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.Topics;
import com.csr.contracts.events.TrainingDataset;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.modelservice.serving.ModelService;
import com.csr.modelservice.serving.OutgoingRecord;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import io.smallrye.reactive.messaging.kafka.transactions.TransactionalEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * A model service on Kafka: each record goes to {@link ModelService}, and what it answers is written out exactly
 * once. What a record leads to is written in one Kafka transaction with the record's offset: a service killed
 * half-way has written nothing its restart writes again, and {@code read_committed} readers never see the half.
 * Each answer names the record it answers (header {@value Topics#SOURCE_HEADER}). The channels are configured in
 * {@code META-INF/microprofile-config.properties}. The event records are read and written by Jackson reflection,
 * hence registered for a native image.
 */
@ApplicationScoped
@RegisterForReflection(targets = {TrainingDataset.class, ModelPublished.class, CustomerFeaturesUpdate.class,
        CustomerScore.class})
public class ModelChannels {

    private final ModelService models;
    private final KafkaTransactions<byte[]> trained;
    private final KafkaTransactions<byte[]> scores;
    /** Training takes seconds and every core it gets: one at a time, off the event loop. */
    private final ExecutorService training = Executors.newSingleThreadExecutor(r -> new Thread(r, "training"));
    /**
     * Scoring a batch reads models and may load one from the artifact store: off the event loop, which serves
     * {@code /predict}; one batch at a time, as the channel hands them over.
     */
    private final ExecutorService scoring = Executors.newSingleThreadExecutor(r -> new Thread(r, "scoring"));

    /**
     * @param trained the {@code models.published} and {@code customer.scores} writer of trainings
     * @param scores  the {@code customer.scores} writer of feature updates
     */
    public ModelChannels(ModelRegistry registry,
                         // a transaction's records wait in the emitter's buffer until the producer takes them
                         @Channel("trained-models") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                         KafkaTransactions<byte[]> trained,
                         @Channel("customer-scores") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                         KafkaTransactions<byte[]> scores) {
        this.models = new ModelService(registry);
        this.trained = trained;
        this.scores = scores;
    }

    /**
     * Trains a model on a published training set, then announces it on {@code models.published} together with its
     * score of every customer of the training set (so the portfolio does not wait for new data), in one transaction
     * with the training set's offset.
     */
    @Incoming("training-datasets")
    public Uni<Void> train(KafkaRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> models.train(record.getPayload())).runSubscriptionOn(training)
                .chain(out -> trained.withTransactionAndAck(record, tx -> send(tx, out.stream()
                        .map(r -> r.withHeader(Topics.SOURCE_HEADER, source(record))).toList())));
    }

    /** Makes a published model its tenant's active one (blocking: it may load the model from the artifact store). */
    @Incoming("models-published")
    @Blocking
    public void activate(byte[] json) {
        models.activate(json);
    }

    /** Scores a batch of feature updates with their tenants' active models, in one transaction with its offsets. */
    @Incoming("customer-features")
    public Uni<Void> score(KafkaRecordBatch<String, byte[]> updates) {
        return Uni.createFrom().item(() -> scoreAll(updates)).runSubscriptionOn(scoring)
                .chain(answers -> scores.withTransactionAndAck(updates, tx -> send(tx, answers)));
    }

    private List<OutgoingRecord> scoreAll(KafkaRecordBatch<String, byte[]> updates) {
        List<OutgoingRecord> answers = new ArrayList<>();
        for (KafkaRecord<String, byte[]> update : updates) {
            models.score(update.getPayload()).ifPresent(r -> answers.add(r.withHeader(Topics.SOURCE_HEADER,
                    source(update))));
        }
        return answers;
    }

    /** Stops a training or scoring in progress when the service stops. */
    void stop(@Observes ShutdownEvent event) {
        training.shutdownNow();
        scoring.shutdownNow();
    }

    /** Where a record was read: what its answers say they answer. */
    private static String source(Message<?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "/" + m.getPartition() + "/" + m.getOffset()).orElse("unknown");
    }

    private static Uni<Void> send(TransactionalEmitter<byte[]> tx, List<OutgoingRecord> records) {
        for (OutgoingRecord record : records) {
            OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata =
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                            .withHeaders(record.kafkaHeaders());
            if (record.topic() != null) {
                metadata.withTopic(record.topic());
            }
            tx.send(Message.of(record.value()).addMetadata(metadata.build()));
        }
        return Uni.createFrom().voidItem();
    }
}
