package com.csr.platform.artifacts;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where models, training sets and reports are kept: a directory on this machine by default, or S3-compatible
 * storage (Backblaze B2, AWS S3, S3Proxy). Objects are named by keys such as
 * {@code tenants/t1/models/churn/v1/model.tribuo}, built and checked by {@link ArtifactLayout}; a stored object is
 * only ever seen whole.
 */
public interface ArtifactStore extends AutoCloseable {

    /** Stores an object, replacing any under the key; readers see the old or the new bytes, never a part. */
    void put(String key, byte[] bytes);

    /** The object's bytes, or empty when there is none. */
    Optional<byte[]> get(String key);

    /** Keys under a prefix (ending in {@code /}), in key order. */
    List<String> list(String prefix);

    /** The URI other services are told: {@code file:///…} or {@code s3://bucket/…}. */
    String uri(String key);

    /**
     * The key of a URI this store handed out.
     *
     * @throws IllegalArgumentException for a URI of another store
     */
    String keyOf(String uri);

    /**
     * A link that downloads the object without credentials for {@code valid}, when the store can sign one (S3); empty
     * when it cannot (a directory), and the object is served by whoever asked.
     */
    default Optional<URI> downloadLink(String key, Duration valid) {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}
