package com.csr.gateway.training;

import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.Topics;
import com.csr.contracts.ids.TrainingRunIds;
import com.csr.domain.json.EventJson;
import com.csr.platform.kafka.KafkaSecurity;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.ModelVersion;
import com.csr.platform.metadata.TrainingRun;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The model versions of each tenant as the metadata store records them — which is active, which lost and why, which
 * training failed — and rollback: making an earlier version active again, atomically, and announcing it on
 * {@code models.published} so every model service instance swaps it in.
 */
@ApplicationScoped
public class ModelVersions {

    private final MetadataStore metadata;
    private final KafkaProducer<String, byte[]> producer;

    ModelVersions(MetadataStore metadata, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.metadata = metadata;
        Map<String, Object> settings = new HashMap<>();
        settings.putAll(KafkaSecurity.fromEnvironment());
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** A kind's versions, newest first, each with the run that trained it. */
    public List<VersionView> versions(String tenantId, String kind) {
        return metadata.modelVersions(tenantId, kind).stream()
                .map(v -> VersionView.of(v, run(tenantId, kind, v.version()))).toList();
    }

    public Optional<ModelVersion> version(String tenantId, String kind, String version) {
        return metadata.modelVersion(tenantId, kind, version);
    }

    /** The run that trained a kind on a training set, when it has been recorded. */
    public Optional<TrainingRun> run(String tenantId, String kind, String datasetId) {
        return metadata.run(tenantId, TrainingRunIds.of(kind, datasetId));
    }

    /**
     * Records a run of each kind on a training set just published, as running, so the training is known from the
     * moment it is asked for; a model service records how it ended. A run already recorded is left as it is.
     */
    public void queue(String tenantId, String datasetId, List<String> kinds) {
        Instant now = Instant.now();
        for (String kind : kinds) {
            if (run(tenantId, kind, datasetId).isEmpty()) {
                metadata.recordRun(new TrainingRun(tenantId, TrainingRunIds.of(kind, datasetId), kind, datasetId,
                        TrainingRun.RUNNING, now, null, Map.of(), Map.of(), null, null));
            }
        }
    }

    /**
     * Makes {@code version} the active one again and announces it.
     *
     * @throws NotFoundException       when the tenant has no such version
     * @throws WebApplicationException 409 when another version became active meanwhile, 503 when the announcement
     *                                 could not be published (the store already says it is active)
     */
    public ModelVersion rollBack(String tenantId, String kind, String version) {
        ModelVersion target = metadata.modelVersion(tenantId, kind, version).orElseThrow(() ->
                new NotFoundException("no " + kind + " model version " + version + " for this tenant"));
        String current = metadata.activeVersion(tenantId, kind).orElse(null);
        if (!metadata.promote(tenantId, kind, version, current)) {
            throw new WebApplicationException("another " + kind + " version became active meanwhile; try again",
                    409);
        }
        ModelPublished announcement = new ModelPublished(tenantId, kind, version, target.artifactUri(),
                target.sha256(), version, target.createdAt().toString(), Map.copyOf(target.metrics()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.MODELS_PUBLISHED,
                EventKeys.model(tenantId, kind), EventJson.write(announcement));
        record.headers().add(Topics.TENANT_HEADER, tenantId.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new WebApplicationException("version " + version + " is active in the metadata store but could not"
                    + " be announced to the model services: " + e.getMessage(), 503);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebApplicationException("interrupted", 503);
        }
        return metadata.modelVersion(tenantId, kind, version).orElseThrow();
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
