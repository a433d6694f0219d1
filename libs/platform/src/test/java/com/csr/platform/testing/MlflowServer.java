package com.csr.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real MLflow tracking server (sqlite backend, artifacts served through the server) as a process of its own.
 * MLflow is a Python program: the first start makes a virtual environment in {@code .csr/mlflow-venv} and installs
 * the version pinned in {@code deploy/local/mlflow/requirements.txt} (a minute or so, ~850 MB).
 */
public final class MlflowServer implements AutoCloseable {

    private final Process process;
    private final String uri;

    private MlflowServer(Process process, String uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts a server keeping its runs and artifacts under {@code directory}; ~8 s once installed. */
    public static MlflowServer start(Path directory) {
        Path repository = LocalServers.repositoryWith("deploy/local/mlflow/requirements.txt");
        Path mlflow = installed(repository);
        try {
            int port = LocalServers.freePort();
            Process process = new ProcessBuilder(List.of(mlflow.toString(), "server",
                    "--backend-store-uri", "sqlite:///" + directory.resolve("mlflow.db").toAbsolutePath(),
                    "--artifacts-destination", directory.resolve("artifacts").toAbsolutePath().toString(),
                    "--serve-artifacts", "--host", "127.0.0.1", "--port", String.valueOf(port), "--workers", "1"))
                    .redirectErrorStream(true).redirectOutput(directory.resolve("mlflow.log").toFile()).start();
            MlflowServer server = new MlflowServer(process, "http://127.0.0.1:" + port);
            server.awaitHealthy(directory.resolve("mlflow.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start MLflow", e);
        }
    }

    public String uri() {
        return uri;
    }

    private void awaitHealthy(Path log) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("MLflow exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri + "/health"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("MLflow did not become healthy within 120 s: " + Files.readString(log));
    }

    /** The {@code mlflow} command of the project's virtual environment, made the first time. */
    private static synchronized Path installed(Path repository) {
        Path venv = repository.resolve(".csr/mlflow-venv");
        Path mlflow = venv.resolve("bin/mlflow");
        if (Files.isExecutable(mlflow)) {
            return mlflow;
        }
        run(List.of("python3", "-m", "venv", venv.toString()));
        run(List.of(venv.resolve("bin/pip").toString(), "install", "-q", "-r",
                repository.resolve("deploy/local/mlflow/requirements.txt").toString()));
        return mlflow;
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        LocalServers.stop(process);
    }
}
