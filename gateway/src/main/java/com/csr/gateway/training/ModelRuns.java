package com.csr.gateway.training;

import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.ids.TrainingRunIds;
import com.csr.contracts.problems.NotFoundException;
import com.csr.platform.artifacts.ArtifactFolder;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.ArtifactStore;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.TrainingRun;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's own training runs: their parameters and metrics as the model services recorded them in the metadata
 * store, and the model's files from the tenant's artifacts. The platform's MLflow holds the same runs for every
 * tenant, so tenants see theirs here and never MLflow's UI, which is for operators.
 */
@ApplicationScoped
public class ModelRuns {

    private final MetadataStore metadata;
    private final ArtifactStore artifacts;

    public ModelRuns(MetadataStore metadata, ArtifactStore artifacts) {
        this.metadata = metadata;
        this.artifacts = artifacts;
    }

    /** @throws NotFoundException when the tenant has no run of the kind on that training set */
    public RunView run(String tenantId, String kind, String version) {
        TrainingRun run = find(tenantId, kind, version);
        String base = "/models/" + kind + "/versions/" + version + "/artifacts/";
        List<RunView.Artifact> files = manifest(tenantId, kind, version).entrySet().stream()
                .map(f -> new RunView.Artifact(f.getKey(), f.getValue(), base + f.getKey())).toList();
        return new RunView(kind, version, run.status(), run.startedAt(), run.finishedAt(), run.params(),
                run.metrics(), run.error(), run.trackingRunId(), files);
    }

    /**
     * One file of a model, checked against its manifest.
     *
     * @throws NotFoundException when the tenant has no such run, or its model no file of that name
     * @throws ArtifactFolder.TamperedArtifactException when the stored bytes do not match the manifest
     */
    public byte[] artifact(String tenantId, String kind, String version, String name) {
        find(tenantId, kind, version);
        String sha256 = manifest(tenantId, kind, version).get(name);
        if (sha256 == null) {
            throw new NotFoundException("the " + kind + " model " + version + " has no file '" + name + "'");
        }
        String folder = ArtifactLayout.model(tenantId, kind, version);
        byte[] bytes = artifacts.get(folder + name).orElseThrow(() -> new NotFoundException("the " + kind
                + " model " + version + "'s file '" + name + "' is listed but no longer stored"));
        if (!ArtifactFolder.sha256(bytes).equals(sha256)) {
            throw new ArtifactFolder.TamperedArtifactException("the " + kind + " model " + version + "'s file '"
                    + name + "' does not match its manifest");
        }
        return bytes;
    }

    private TrainingRun find(String tenantId, String kind, String version) {
        Optional<TrainingRun> run = RecordIds.isValid(version)
                ? metadata.run(tenantId, TrainingRunIds.of(kind, version)) : Optional.empty();
        return run.orElseThrow(() -> new NotFoundException("no " + kind + " training run on training set "
                + version + " for this tenant"));
    }

    /** The model's files by name, with their checksums; none while it is being written or when it failed. */
    private Map<String, String> manifest(String tenantId, String kind, String version) {
        return ArtifactFolder.manifest(artifacts, ArtifactLayout.model(tenantId, kind, version))
                .map(ArtifactFolder.Manifest::files).orElse(Map.of());
    }
}
