package com.csr.platform.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Artifacts in a directory of this machine (the default): each key a file under the root. A file is written beside
 * its final name and moved into place, so a reader never sees half of it.
 */
public final class DirectoryArtifactStore implements ArtifactStore {

    private final Path root;

    public DirectoryArtifactStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] bytes) {
        Path target = file(key);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write artifact " + key + " under " + root, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + key + " under " + root, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        Path directory = file(prefix);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".partial"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list artifacts under " + directory, e);
        }
    }

    @Override
    public String uri(String key) {
        String uri = file(key).toUri().toString();
        return key.endsWith("/") && !uri.endsWith("/") ? uri + "/" : uri;
    }

    @Override
    public String keyOf(String uri) {
        if (!uri.startsWith("file:") && uri.contains(":")) {
            throw new IllegalArgumentException(uri + " is not in the artifact directory " + root);
        }
        Path path = uri.startsWith("file:") ? Path.of(URI.create(uri)) : root.resolve(uri);
        path = path.normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException(uri + " is not in the artifact directory " + root);
        }
        String key = root.relativize(path).toString().replace('\\', '/');
        return uri.endsWith("/") && !key.isEmpty() ? key + "/" : key;
    }

    private Path file(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("artifact key " + key + " leaves " + root);
        }
        return path;
    }
}
