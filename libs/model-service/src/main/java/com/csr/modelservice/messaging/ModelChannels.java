package com.csr.modelservice.messaging;

import com.csr.contracts.events.Topics;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.modelservice.serving.ModelService;
import com.csr.modelservice.serving.OutgoingRecord;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import io.smallrye.reactive.messaging.kafka.transactions.TransactionalEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A model service on Kafka: each record goes to core's {@link ModelService}, and what it answers is written out
 * exactly once. What a record leads to is written in one Kafka transaction with the record's offset: a service killed
 * half-way has written nothing its restart writes again, and {@code read_committed} readers never see the half.
 * Each answer names the record it answers (header {@value Topics#SOURCE_HEADER}).
 */
public final class ModelChannels {

    private final ModelService models;
    private final KafkaTransactions<byte[]> trained;
    private final KafkaTransactions<byte[]> scores;
    /** Training takes seconds and every core it gets: one at a time, off the event loop. */
    private final ExecutorService training = Executors.newSingleThreadExecutor(r -> new Thread(r, "training"));

    /**
     * @param trained the {@code models.published} and {@code customer.scores} writer of trainings
     * @param scores  the {@code customer.scores} writer of feature updates
     */
    public ModelChannels(ModelRegistry registry, KafkaTransactions<byte[]> trained, KafkaTransactions<byte[]> scores) {
        this.models = new ModelService(registry);
        this.trained = trained;
        this.scores = scores;
    }

    /**
     * Trains a model on a published training set, then announces it on {@code models.published} together with its
     * score of every customer of the training set (so the portfolio does not wait for new data), in one transaction
     * with the training set's offset.
     */
    public Uni<Void> train(KafkaRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> models.train(record.getPayload())).runSubscriptionOn(training)
                .chain(out -> trained.withTransactionAndAck(record, tx -> send(tx, out.stream()
                        .map(r -> r.withHeader(Topics.SOURCE_HEADER, source(record))).toList())));
    }

    /** Makes a published model its tenant's active one (blocking: it may load the model from the artifact store). */
    public void activate(byte[] json) {
        models.activate(json);
    }

    /** Scores a batch of feature updates with their tenants' active models, in one transaction with its offsets. */
    public Uni<Void> score(KafkaRecordBatch<String, byte[]> updates) {
        List<OutgoingRecord> answers = new ArrayList<>();
        for (KafkaRecord<String, byte[]> update : updates) {
            models.score(update.getPayload()).ifPresent(r -> answers.add(r.withHeader(Topics.SOURCE_HEADER,
                    source(update))));
        }
        return scores.withTransactionAndAck(updates, tx -> send(tx, answers));
    }

    /** Stops a training in progress; called when the service stops. */
    public void stop() {
        training.shutdownNow();
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
