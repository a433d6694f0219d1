package com.csr.core.artifacts;

import com.csr.core.tenants.TenantIds;
import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The artifact directory's layout: {@code {root}/tenants/{tenant}/datasets/{id}} for training sets and
 * {@code {root}/tenants/{tenant}/models/{kind}/{version}} for models. A URI read from an event is resolved only
 * inside its tenant's tree, so one tenant's event cannot point at another's files.
 */
public final class ArtifactLayout {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

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
        return tenant(tenantId).resolve("datasets").resolve(name("dataset id", datasetId));
    }

    public Path model(String tenantId, String kind, String version) {
        return tenant(tenantId).resolve("models").resolve(name("model kind", kind))
                .resolve(name("model version", version));
    }

    /**
     * The directory a URI names ({@code file:} URI, absolute path, or path relative to the root).
     *
     * @throws IllegalArgumentException when it is not inside the tenant's tree
     */
    public Path inTenant(String tenantId, String uri) {
        Path tenant = tenant(tenantId);
        Path path;
        try {
            path = uri.startsWith("file:") ? Path.of(URI.create(uri)) : root.resolve(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read artifact URI '" + uri + "': " + e.getMessage(), e);
        }
        path = path.toAbsolutePath().normalize();
        if (!path.startsWith(tenant)) {
            throw new IllegalArgumentException("artifact " + uri + " is not in tenant " + tenantId + "'s " + tenant);
        }
        return path;
    }

    private static String name(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + " '" + value
                    + "': use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }
}
