package com.csr.gateway.training;

import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.models.ModelKindName;
import com.csr.contracts.problems.NotFoundException;
import com.csr.platform.metadata.FileRecord;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.ModelVersion;
import com.csr.platform.metadata.TrainingRun;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's trainings, one per training set, from the metadata store: what each kind of model made of it, the
 * files it was cut from; and making one the default (every kind it trained serving again).
 */
@ApplicationScoped
public class Trainings {


    private final MetadataStore metadata;
    private final ModelVersions versions;

    public Trainings(MetadataStore metadata, ModelVersions versions) {
        this.metadata = metadata;
        this.versions = versions;
    }

    /** The tenant's {@code limit} newest trainings, newest first. */
    public List<TrainingView> list(String tenantId, int limit) {
        Map<String, List<TrainingRun>> byTraining = new LinkedHashMap<>();
        // a training is a run of each kind, started together: the newest runs of that many trainings, no more
        for (TrainingRun run : metadata.latestRuns(tenantId, limit * ModelKindName.values().length)) {
            byTraining.computeIfAbsent(run.datasetId(), id -> new ArrayList<>()).add(run);
        }
        List<FileRecord> files = metadata.files(tenantId);
        return byTraining.entrySet().stream().map(e -> view(tenantId, e.getKey(), e.getValue(), files))
                .sorted(Comparator.comparing(TrainingView::startedAt).reversed()
                        .thenComparing(TrainingView::modelId)).limit(limit).toList();
    }

    /** @throws NotFoundException when the tenant has no such training */
    public TrainingView one(String tenantId, String modelId) {
        if (!RecordIds.isValid(modelId)) {
            throw new NotFoundException("no training " + modelId);
        }
        List<TrainingRun> runs = ModelKindName.codes().stream().map(kind -> versions.run(tenantId, kind, modelId))
                .flatMap(Optional::stream).toList();
        if (runs.isEmpty()) {
            throw new NotFoundException("no training " + modelId + " for this tenant");
        }
        return view(tenantId, modelId, runs, metadata.files(tenantId));
    }

    /**
     * Makes every model the training made the serving one of its kind (each a rollback: compare-and-set, then
     * announced); a kind whose training failed keeps what serves.
     *
     * @throws NotFoundException when the training made no model
     */
    public TrainingView makeDefault(String tenantId, String modelId) {
        TrainingView training = one(tenantId, modelId);
        boolean any = false;
        for (String kind : ModelKindName.codes()) {
            Optional<ModelVersion> version = versions.version(tenantId, kind, modelId);
            if (version.isPresent()) {
                any = true;
                if (!version.get().status().equals(ModelVersion.ACTIVE)) {
                    versions.rollBack(tenantId, kind, modelId);
                }
            }
        }
        if (!any) {
            throw new NotFoundException("training " + modelId + " made no model to serve (" + training.status() + ")");
        }
        return one(tenantId, modelId);
    }

    private TrainingView view(String tenantId, String modelId, List<TrainingRun> runs, List<FileRecord> files) {
        Instant started = runs.stream().map(TrainingRun::startedAt).min(Comparator.naturalOrder()).orElseThrow();
        Map<String, TrainingView.Model> models = new LinkedHashMap<>();
        String asOf = null;
        for (String kind : ModelKindName.codes()) {
            Optional<TrainingRun> run = runs.stream().filter(r -> r.modelKind().equals(kind)).findFirst();
            Optional<ModelVersion> version = versions.version(tenantId, kind, modelId);
            if (run.isEmpty() && version.isEmpty()) {
                continue;
            }
            asOf = asOf != null ? asOf : run.map(r -> r.params().get("as_of")).orElse(null);
            models.put(kind, version.map(v -> new TrainingView.Model(v.status(), v.reason(), v.metrics()))
                    .orElseGet(() -> new TrainingView.Model(run.get().status().equals(TrainingRun.FAILED) ? "failed"
                            : "training", run.get().error(), run.get().metrics())));
        }
        long training = models.values().stream().filter(m -> m.status().equals("training")).count();
        long active = models.values().stream().filter(m -> m.status().equals(ModelVersion.ACTIVE)).count();
        long failed = models.values().stream().filter(m -> m.status().equals("failed")).count();
        String status = training > 0 ? "training" : active == models.size() ? "active" : active > 0 ? "partly_active"
                : failed == models.size() ? "failed" : "finished";
        Instant finished = training > 0 ? null : runs.stream().map(TrainingRun::finishedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        List<TrainingView.DataFile> data = files.stream().filter(f -> !f.receivedAt().isAfter(started))
                .map(f -> new TrainingView.DataFile(f.fileId(), f.name(), f.receivedAt(), f.columns())).toList();
        return new TrainingView(modelId, started, finished, asOf, status, status.equals("active"), models, data);
    }
}
