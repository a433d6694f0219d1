package com.csr.platform.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The default store, a directory, against the shared contract. */
class DirectoryArtifactStoreTest extends ArtifactStoreContract {

    @TempDir
    Path root;

    @Override
    ArtifactStore store() {
        return new DirectoryArtifactStore(root);
    }

    @Override
    void tamper(String key, byte[] bytes) {
        try {
            Files.write(root.resolve(key), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
