package com.csr.core.artifacts;

import com.csr.core.tenants.RecordIds;
import com.csr.core.tenants.TenantIds;
import java.nio.file.Path;

/**
 * The artifact directory: {@code tenants/{tenant}/datasets/{id}/} for training sets and
 * {@code tenants/{tenant}/models/{kind}/{version}/} for models. Every id is checked, so no path leaves its tenant's
 * tree.
 */
public final class ArtifactLayout {

    private final Path root;

    public ArtifactLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path tenant(String tenantId) {
        return root.resolve("tenants").resolve(TenantIds.require(tenantId));
    }

    public Path dataset(String tenantId, String datasetId) {
        return tenant(tenantId).resolve("datasets").resolve(requireId(datasetId));
    }

    public Path model(String tenantId, String kind, String version) {
        return tenant(tenantId).resolve("models").resolve(requireId(kind)).resolve(requireId(version));
    }

    /**
     * Resolves a URI this layout handed out (or a path relative to the root) back to a directory, refusing anything
     * outside the tenant's tree.
     *
     * @throws IllegalArgumentException for a path outside {@code tenants/{tenant}/}
     */
    public Path inTenant(String tenantId, String uri) {
        Path path = root.resolve(Path.of(uri.startsWith("file:") ? java.net.URI.create(uri).getPath() : uri))
                .normalize();
        if (!path.startsWith(tenant(tenantId))) {
            throw new IllegalArgumentException(uri + " is not in tenant " + tenantId + "'s artifacts");
        }
        return path;
    }

    private static String requireId(String id) {
        return RecordIds.require("artifact id", id);
    }
}
