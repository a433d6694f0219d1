package com.csr.platform.artifacts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Chooses the artifact store from the environment, with the original system's variables: S3-compatible storage when
 * {@code B2_BUCKET} is set (then {@code B2_ENDPOINT}, {@code B2_KEY_ID} and {@code B2_APP_KEY} are required and
 * {@code B2_REGION} defaults to {@code us-east-1}); otherwise the directory given.
 */
public final class ArtifactStores {

    static final List<String> REQUIRED_WITH_BUCKET = List.of("B2_ENDPOINT", "B2_KEY_ID", "B2_APP_KEY");

    private ArtifactStores() {
    }

    /**
     * @throws IllegalStateException naming the missing variables when the bucket is set without them
     */
    public static ArtifactStore fromEnvironment(Map<String, String> env, Path directory) {
        String bucket = env.get("B2_BUCKET");
        if (bucket == null || bucket.isBlank()) {
            return new DirectoryArtifactStore(directory);
        }
        List<String> missing = REQUIRED_WITH_BUCKET.stream().filter(v -> env.get(v) == null || env.get(v).isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("B2_BUCKET is set, so the artifact store is S3, but " + missing
                    + " " + (missing.size() == 1 ? "is" : "are") + " not");
        }
        return S3ArtifactStore.connect(env.get("B2_ENDPOINT"), env.getOrDefault("B2_REGION", "us-east-1"), bucket,
                env.get("B2_KEY_ID"), env.get("B2_APP_KEY"));
    }
}
