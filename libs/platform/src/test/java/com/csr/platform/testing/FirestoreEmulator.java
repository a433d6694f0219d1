package com.csr.platform.testing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Google's own Firestore emulator (Debian package {@code google-cloud-cli-firestore-emulator}) as a separate
 * process on a free port of 127.0.0.1; up in about 2 s. Tests that need it skip themselves where it is not
 * {@link #installed()}.
 */
public final class FirestoreEmulator implements AutoCloseable {

    public static final Path JAR =
            Path.of("/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private FirestoreEmulator(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isRegularFile(JAR);
    }

    /** Starts the emulator and waits until it answers. */
    public static FirestoreEmulator start() {
        try {
            int port = freePort();
            Path log = Files.createTempFile("firestore-emulator-", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", JAR.toString(),
                    "com.google.cloud.datastore.emulator.firestore.CloudFirestore", "--host=127.0.0.1",
                    "--port=" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            FirestoreEmulator emulator = new FirestoreEmulator(process, log, port);
            emulator.awaitReady();
            return emulator;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Firestore emulator " + JAR, e);
        }
    }

    /** What {@code FIRESTORE_EMULATOR_HOST} would say. */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /** Deletes every document of the project's default database. */
    public void reset(String projectId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://" + hostAndPort()
                + "/emulator/v1/projects/" + projectId + "/databases/(default)/documents")).DELETE().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the Firestore emulator did not reset project " + projectId + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete the emulator's log " + log, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest root = HttpRequest.newBuilder(URI.create("http://" + hostAndPort() + "/")).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Firestore emulator exited with " + process.exitValue() + ":\n"
                        + logText());
            }
            try {
                if (http.send(root, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notListeningYet) {
                // still starting
            } catch (IOException e) {
                throw new IllegalStateException("the Firestore emulator answers oddly: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("the Firestore emulator did not answer within " + START_TIMEOUT + ":\n"
                + logText());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the Firestore emulator does not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted asking the Firestore emulator", e);
        }
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
