package com.csr.platform.testing;

import com.csr.platform.artifacts.S3ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3 API server (S3Proxy on the local disk) as a process of its own, for tests of the S3 artifact store. Its
 * jars come from {@code deploy/local/s3proxy/pom.xml}, copied once into {@code .csr/s3proxy/lib} by Maven (the
 * first run fetches them), so the project's Jackson and S3Proxy's never meet on one classpath.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String IDENTITY = "local-identity";
    public static final String CREDENTIAL = "local-credential-secret";

    private final Process process;
    private final int port;

    private S3ProxyServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts S3Proxy storing under {@code directory}; about 2-3 s once its jars are there. */
    public static S3ProxyServer start(Path directory) {
        return start(directory, LocalServers.freePort());
    }

    /** Starts S3Proxy on {@code port}: again where one was stopped, to bring a store back with its objects. */
    public static S3ProxyServer start(Path directory, int port) {
        Path repository = LocalServers.repositoryWith("deploy/local/s3proxy/pom.xml");
        Path lib = libraries(repository);
        try {
            Path data = Files.createDirectories(directory.resolve("data"));
            Path properties = directory.resolve("s3proxy.conf");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.filesystem.basedir=" + data) + "\n");
            Process process = new ProcessBuilder("java", "-Xmx256m",
                    "-Dlogback.configurationFile=" + repository.resolve("deploy/local/s3proxy/logback.xml"),
                    "-cp", lib + "/*", "org.gaul.s3proxy.Main", "--properties", properties.toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("s3proxy.log").toFile()).start();
            S3ProxyServer server = new S3ProxyServer(process, port);
            server.awaitListening(directory.resolve("s3proxy.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Proxy", e);
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A store on a new bucket of this server. */
    public S3ArtifactStore store(String bucket) {
        S3ArtifactStore store = S3ArtifactStore.connect(endpoint(), "us-east-1", bucket, IDENTITY, CREDENTIAL);
        store.createBucket();
        return store;
    }

    private void awaitListening(Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not listen within 60 s: " + Files.readString(log));
    }

    /** S3Proxy's jars, fetched with Maven the first time. */
    private static synchronized Path libraries(Path repository) {
        Path lib = repository.resolve(".csr/s3proxy/lib");
        try {
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    if (jars.anyMatch(j -> j.getFileName().toString().startsWith("s3proxy-"))) {
                        return lib;
                    }
                }
            }
            Process fetch = new ProcessBuilder(List.of("mvn", "-B", "-q", "-ntp", "-f",
                    repository.resolve("deploy/local/s3proxy/pom.xml").toString(), "dependency:copy-dependencies",
                    "-DoutputDirectory=" + lib)).redirectErrorStream(true).inheritIO().start();
            if (!fetch.waitFor(10, TimeUnit.MINUTES) || fetch.exitValue() != 0) {
                throw new IllegalStateException("could not fetch S3Proxy's jars with Maven into " + lib);
            }
            return lib;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch S3Proxy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        LocalServers.stop(process);
    }
}
