package com.csr.platform.metadata;

import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.ids.TenantIds;
import com.csr.contracts.problems.NotFoundException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A trained model of one kind, registered whether or not it is put in service. Exactly one version of a kind is
 * {@value #ACTIVE} once one has been promoted ({@link MetadataStore#promote}); the one it replaced is
 * {@value #RETIRED}.
 *
 * @param tenantId    whose
 * @param modelKind   {@code segment}, {@code churn}, {@code ltv}
 * @param version     its version (the training set's id)
 * @param artifactUri where its files are
 * @param sha256      the checksum of its model file
 * @param metrics     its out-of-time metrics, by name
 * @param createdAt   when it was trained
 * @param status      {@value #REGISTERED}, {@value #ACTIVE} or {@value #RETIRED}
 * @param reason      why it was not promoted, or {@code null}
 */
public record ModelVersion(String tenantId, String modelKind, String version, String artifactUri, String sha256,
                           Map<String, Double> metrics, Instant createdAt, String status, String reason) {

    public static final String REGISTERED = "registered";
    public static final String ACTIVE = "active";
    public static final String RETIRED = "retired";

    public ModelVersion {
        TenantIds.require(tenantId);
        RecordIds.require("model kind", modelKind);
        RecordIds.require("model version", version);
        RecordValues.required("artifactUri", artifactUri);
        RecordValues.sha256Hex("model checksum", sha256);
        metrics = RecordValues.copy("metrics", metrics);
        createdAt = RecordValues.time("createdAt", createdAt);
        RecordValues.oneOf("model status", status, Set.of(REGISTERED, ACTIVE, RETIRED));
    }

    /**
     * Checks that recording this version leaves its status agreeing with which version is active: only promotion
     * makes a version active or retires the active one.
     *
     * @param activeVersion the version of this kind active now, or {@code null}
     * @throws MetadataConflictException when it would not
     */
    void requireStatusAgreesWith(String activeVersion) {
        boolean isActive = version.equals(activeVersion);
        if (isActive != ACTIVE.equals(status)) {
            throw new MetadataConflictException(isActive
                    ? modelKind + " model " + version + " of tenant " + tenantId + " is active; it cannot be recorded"
                            + " as " + status + " (promote another version instead)"
                    : modelKind + " model " + version + " of tenant " + tenantId
                            + " cannot be recorded as active; promote it instead");
        }
    }

    static NotFoundException notRegistered(String tenantId, String modelKind, String version) {
        return new NotFoundException("tenant " + tenantId + " has no " + modelKind + " model version " + version);
    }
}
