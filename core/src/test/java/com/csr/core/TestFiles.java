package com.csr.core;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the files tests read: small fixtures in test resources and the real data sets beside the project. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A fixture under {@code src/test/resources/files}. */
    public static Path fixture(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/files/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture " + name, e);
        }
    }

    /** The Online Retail II 2009-2010 sample shipped in the repository. */
    public static Path onlineRetailSample() {
        return existing(Path.of("..", "data", "online_retail_ii_2009_2010.csv.gz"));
    }

    /** A file of the CDNOW benchmark in {@code ../shared/data/cdnow}. */
    public static Path cdnow(String name) {
        return existing(Path.of("..", "..", "shared", "data", "cdnow", name));
    }

    private static Path existing(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("test data not found: " + path.toAbsolutePath().normalize());
        }
        return path;
    }
}
