package com.csr.platform.artifacts;

import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.ids.TenantIds;

/**
 * Where things live in the artifact store: {@code tenants/{tenant}/datasets/{id}/} for training sets and
 * {@code tenants/{tenant}/models/{kind}/{version}/} for models (the model, its card with the metrics, and the
 * manifest). Every id is checked, so no key leaves its tenant's tree.
 */
public final class ArtifactLayout {

    private ArtifactLayout() {
    }

    /** The prefix of everything a tenant has. */
    public static String tenant(String tenantId) {
        return "tenants/" + TenantIds.require(tenantId) + "/";
    }

    public static String dataset(String tenantId, String datasetId) {
        return tenant(tenantId) + "datasets/" + requireId(datasetId) + "/";
    }

    /** The CSV a batch prediction job wrote. */
    public static String predictions(String tenantId, String jobId) {
        return tenant(tenantId) + "predictions/" + requireId(jobId) + ".csv";
    }

    public static String model(String tenantId, String kind, String version) {
        return tenant(tenantId) + "models/" + requireId(kind) + "/" + requireId(version) + "/";
    }

    /**
     * Checks that a key (from an event, say) lies in the tenant's tree.
     *
     * @return the key, as a folder prefix ending in {@code /}
     * @throws IllegalArgumentException for a key outside {@code tenants/{tenant}/} or with {@code .} or {@code ..}
     */
    public static String inTenant(String tenantId, String key) {
        String folder = key.endsWith("/") ? key : key + "/";
        if (!folder.startsWith(tenant(tenantId)) || folder.contains("/../") || folder.contains("/./")
                || folder.contains("//")) {
            throw new IllegalArgumentException(key + " is not in tenant " + tenantId + "'s artifacts");
        }
        return folder;
    }

    private static String requireId(String id) {
        return RecordIds.require("artifact id", id);
    }
}
