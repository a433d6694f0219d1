package com.csr.domain;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the files tests read: small fixtures in test resources and the real data sets beside the project. */
public final class TestFiles {

    private static final Path SAMPLE = Path.of("data", "online_retail_ii_2009_2010.csv.gz");

    private TestFiles() {
    }

    /**
     * A fixture under {@code src/test/resources/files}: the file itself, or, when this class is read from the test
     * jar (the other modules' tests), a copy of it in a temporary directory.
     */
    public static Path fixture(String name) {
        URL url = TestFiles.class.getResource("/files/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test fixture " + name);
        }
        try {
            if (url.getProtocol().equals("file")) {
                return Path.of(url.toURI());
            }
            Path copy = Files.createTempDirectory("fixture").resolve(name);
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy);
            }
            copy.toFile().deleteOnExit();
            copy.getParent().toFile().deleteOnExit();
            return copy;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read test fixture " + name, e);
        }
    }

    /** The Online Retail II 2009-2010 sample shipped in the repository. */
    public static Path onlineRetailSample() {
        return existing(repository().resolve(SAMPLE));
    }

    /** A file of the CDNOW benchmark in {@code shared/data/cdnow}, beside the repository. */
    public static Path cdnow(String name) {
        return existing(cdnowDirectory().resolve(name));
    }

    /** The CDNOW benchmark's directory, beside the repository. */
    public static Path cdnowDirectory() {
        return repository().resolveSibling("shared").resolve("data").resolve("cdnow");
    }

    /** The repository's root: the nearest directory above where Maven runs the tests that holds the sample. */
    public static Path repository() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(SAMPLE))) {
                return p;
            }
        }
        throw new IllegalStateException("no " + SAMPLE + " above " + Path.of("").toAbsolutePath());
    }

    private static Path existing(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("test data not found: " + path.toAbsolutePath().normalize());
        }
        return path;
    }
}
