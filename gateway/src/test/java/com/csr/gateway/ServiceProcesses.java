package com.csr.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's other services as real JVM processes (their built {@code quarkus-run.jar}s), on free ports, all
 * pointed at one broker and one artifact directory: what the end-to-end test runs the gateway against.
 */
final class ServiceProcesses implements AutoCloseable {

    static final String[] SERVICES = {"ingest-service", "feature-service", "segment-service", "churn-service",
        "ltv-service"};

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path work;
    private final String bootstrapServers;

    private ServiceProcesses(Path work, String bootstrapServers) {
        this.work = work;
        this.bootstrapServers = bootstrapServers;
    }

    /** True when every service has been built (the reactor builds them before the gateway). */
    static boolean built() {
        for (String service : SERVICES) {
            if (!Files.isRegularFile(jar(service))) {
                return false;
            }
        }
        return true;
    }

    private static Path jar(String service) {
        return Path.of("..", service, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
    }

    static ServiceProcesses start(String bootstrapServers, Path work) throws IOException {
        ServiceProcesses services = new ServiceProcesses(work, bootstrapServers);
        for (String service : SERVICES) {
            services.start(service, freePort());
        }
        return services;
    }

    private void start(String service, int port) throws IOException {
        Path state = Files.createDirectories(work.resolve("state").resolve(service));
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-jar", jar(service).toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(service + ".log").toFile()));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("CSR_ARTIFACTS", work.resolve("artifacts").toString());
        builder.environment().put("CSR_METADATA", work.resolve("metadata").toString());
        builder.environment().put("KAFKA_STREAMS_STATE_DIR", state.toString());
        processes.put(service, builder.start());
        ports.put(service, port);
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    Path log(String service) {
        return work.resolve(service + ".log");
    }

    /** Kills one service at once (SIGKILL), as a crash would. */
    void kill(String service) throws InterruptedException {
        processes.get(service).destroyForcibly().waitFor();
    }

    /** Starts a killed service again, on its port, with its state. */
    void restart(String service) throws IOException {
        start(service, ports.get(service));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
