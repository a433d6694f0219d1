package com.csr.ltv.messaging;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.TrainingDataset;
import com.csr.modelservice.messaging.ModelChannels;
import com.csr.modelservice.serving.ModelRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The lifetime value service's channels, handed to core's {@link ModelChannels}, which writes what each record leads to in
 * one Kafka transaction with its offset. The event records are read and written by Jackson reflection, hence
 * registered for a native image.
 */
@ApplicationScoped
@RegisterForReflection(targets = {TrainingDataset.class, ModelPublished.class, CustomerFeaturesUpdate.class,
        CustomerScore.class})
public class LtvChannels {

    private final ModelChannels channels;

    public LtvChannels(ModelRegistry registry,
                       // a transaction's records wait in the emitter's buffer until the producer takes them
                       @Channel("trained-models") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                       KafkaTransactions<byte[]> trained,
                       @Channel("customer-scores") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                       KafkaTransactions<byte[]> scores) {
        this.channels = new ModelChannels(registry, trained, scores);
    }

    @Incoming("training-datasets")
    public Uni<Void> train(KafkaRecord<String, byte[]> record) {
        return channels.train(record);
    }

    @Incoming("models-published")
    @Blocking
    public void activate(byte[] json) {
        channels.activate(json);
    }

    @Incoming("customer-features")
    public Uni<Void> score(KafkaRecordBatch<String, byte[]> updates) {
        return channels.score(updates);
    }

    void stop(@Observes ShutdownEvent event) {
        channels.stop();
    }
}
