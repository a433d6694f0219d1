package com.csr.platform.artifacts;

import com.csr.domain.json.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A folder of files kept together in the artifact store under one prefix — a model with its card, a training set —
 * with a manifest of every file's SHA-256. The manifest is written last, so a folder without one is incomplete and
 * is never read; on the way back every file is checked against it, and a file that does not match is refused.
 */
public final class ArtifactFolder {

    /** The manifest's name in the folder. */
    public static final String MANIFEST = "manifest.json";

    private ArtifactFolder() {
    }

    /**
     * The manifest: each file's SHA-256 by name.
     *
     * @param files name → lowercase hex SHA-256
     */
    public record Manifest(Map<String, String> files) {
    }

    /**
     * Stores every file of a local directory (not its subdirectories) under {@code prefix}, the manifest last.
     *
     * @return the manifest written
     */
    public static Manifest upload(ArtifactStore store, Path directory, String prefix) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : listing.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals(MANIFEST)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                store.put(prefix + name, bytes);
                files.put(name, sha256(bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
        Manifest manifest = new Manifest(files);
        store.put(prefix + MANIFEST, EventJson.write(manifest));
        return manifest;
    }

    /**
     * Fetches a folder into a local directory, checking every file against the manifest.
     *
     * @return the manifest
     * @throws MissingArtifactException  when the folder has no manifest (absent, or still being written)
     * @throws TamperedArtifactException when a file is missing or its bytes do not match the manifest
     */
    public static Manifest download(ArtifactStore store, String prefix, Path directory) {
        Manifest manifest = manifest(store, prefix).orElseThrow(() -> new MissingArtifactException(
                "no complete artifact at " + store.uri(prefix) + ": its " + MANIFEST + " is missing"));
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
                String name = entry.getKey();
                if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                    throw new TamperedArtifactException("manifest of " + store.uri(prefix) + " names '" + name
                            + "', which is not a file of the folder");
                }
                byte[] bytes = store.get(prefix + name).orElseThrow(() -> new TamperedArtifactException(
                        store.uri(prefix + name) + " is listed in the manifest but missing"));
                String actual = sha256(bytes);
                if (!actual.equals(entry.getValue())) {
                    throw new TamperedArtifactException("refusing " + store.uri(prefix + name) + ": its SHA-256 "
                            + actual + " does not match the manifest's " + entry.getValue());
                }
                Files.write(directory.resolve(name), bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory, e);
        }
        return manifest;
    }

    /** The folder's manifest: its files and their checksums; empty while the folder is absent or being written. */
    public static Optional<Manifest> manifest(ArtifactStore store, String prefix) {
        return store.get(prefix + MANIFEST).map(bytes -> EventJson.read(bytes, Manifest.class));
    }

    /** What reads a folder fetched to local disk. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Path directory, Manifest manifest);
    }

    /** Fetches a folder (checked, as {@link #download}) into a temporary directory, reads it, and deletes it. */
    public static <T> T read(ArtifactStore store, String prefix, Reader<T> reader) {
        Path directory = temporaryDirectory();
        try {
            return reader.read(directory, download(store, prefix, directory));
        } finally {
            delete(directory);
        }
    }

    /** Lets {@code writer} fill a temporary directory, stores it under {@code prefix} (as {@link #upload}). */
    public static Manifest write(ArtifactStore store, String prefix, java.util.function.Consumer<Path> writer) {
        Path directory = temporaryDirectory();
        try {
            writer.accept(directory);
            return upload(store, directory, prefix);
        } finally {
            delete(directory);
        }
    }

    /** The files of a folder as stored, manifest included. */
    public static List<String> keys(ArtifactStore store, String prefix) {
        return store.list(prefix);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("csr-artifact");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown when a folder is not (yet) complete in the store. */
    public static final class MissingArtifactException extends IllegalStateException {
        public MissingArtifactException(String message) {
            super(message);
        }
    }

    /** Thrown, loudly, when stored bytes are not the bytes that were written. */
    public static final class TamperedArtifactException extends IllegalStateException {
        public TamperedArtifactException(String message) {
            super(message);
        }
    }
}
