package com.csr.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the tests' server processes (S3Proxy, MLflow) share: finding the repository, a free port, stopping. */
public final class LocalServers {

    private LocalServers() {
    }

    /** The repository's root: the nearest directory above where Maven runs the tests that holds {@code file}. */
    static Path repositoryWith(String file) {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(file))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find " + file + " above " + here);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Stops a server and whatever it forked: politely, then forcibly after 10 s. */
    static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
