package com.csr.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's services and its gateway as real JVM processes (their built {@code quarkus-run.jar}s, which Maven
 * builds before this module), on free ports, all pointed at one broker, one metadata store and one artifact
 * directory. Each instance logs to {@code <work>/<instance>.log}, copied to {@code target/stack-logs} at the end.
 */
final class ServiceProcesses implements AutoCloseable {

    static final String[] SERVICES = {"ingest-service", "feature-service", "segment-service", "churn-service",
        "ltv-service"};
    static final String GATEWAY = "gateway";
    /** The key the feature service's instances call each other with. */
    static final String PEER_KEY = "test-peer-key-0123456789abcdef";

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> serviceOf = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environment = new LinkedHashMap<>();
    private final Path work;
    private final String bootstrapServers;

    private ServiceProcesses(Path work, String bootstrapServers) {
        this.work = work;
        this.bootstrapServers = bootstrapServers;
    }

    /** Fails when a service has not been built: run this module's tests through the reactor, after them. */
    static void requireBuilt() {
        for (String service : java.util.stream.Stream.concat(java.util.Arrays.stream(SERVICES),
                java.util.stream.Stream.of(GATEWAY)).toList()) {
            if (!Files.isRegularFile(jar(service))) {
                throw new IllegalStateException(jar(service) + " is missing: build the services first "
                        + "(mvn verify from the root builds them before system-tests)");
            }
        }
    }

    private static Path jar(String service) {
        return Path.of("..", service, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
    }

    /**
     * Starts every service, some as several instances: the first instance of a service is named after it, the
     * others {@code service-2}, {@code service-3}...
     */
    static ServiceProcesses start(String bootstrapServers, Path work, Map<String, Integer> instances)
            throws IOException {
        ServiceProcesses services = new ServiceProcesses(work, bootstrapServers);
        // the feature service's instances call each other with their own key, never a caller's
        services.environment.put("feature-service", Map.of("CSR_PEER_KEY", PEER_KEY));
        for (String service : SERVICES) {
            for (int i = 1; i <= instances.getOrDefault(service, 1); i++) {
                services.serviceOf.put(i == 1 ? service : service + "-" + i, service);
            }
        }
        for (String instance : services.serviceOf.keySet()) {
            services.start(instance, freePort());
        }
        return services;
    }

    /** Starts the gateway, with the settings (environment variables) that point it at the services. */
    void startGateway(Map<String, String> environment) throws IOException {
        serviceOf.put(GATEWAY, GATEWAY);
        this.environment.put(GATEWAY, Map.copyOf(environment));
        start(GATEWAY, freePort());
    }

    private void start(String instance, int port) throws IOException {
        String service = serviceOf.get(instance);
        Path state = Files.createDirectories(work.resolve("state").resolve(instance));
        ProcessBuilder builder = new ProcessBuilder("java", service.equals(GATEWAY) ? "-Xmx768m" : "-Xmx384m",
                "-jar", jar(service).toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(instance + ".log").toFile()));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("CSR_ARTIFACTS", work.resolve("artifacts").toString());
        builder.environment().put("CSR_METADATA", work.resolve("metadata").toString());
        builder.environment().put("KAFKA_STREAMS_STATE_DIR", state.toString());
        builder.environment().put("CSR_INGEST_STATE", state.toString());
        builder.environment().put("CSR_INSTANCE_ID", instance);
        // where the instance answers its peers (the feature service's instances split the customers between them)
        builder.environment().put("CSR_ADVERTISED_ADDRESS", "127.0.0.1:" + port);
        builder.environment().putAll(environment.getOrDefault(service, Map.of()));
        processes.put(instance, builder.start());
        ports.put(instance, port);
    }

    /** The address of an instance ({@code feature-service}, {@code feature-service-2}). */
    String url(String instance) {
        return "http://127.0.0.1:" + ports.get(instance);
    }

    /** The addresses of every instance of a service, comma-separated, as the gateway is configured with them. */
    String urls(String service) {
        return String.join(",", serviceOf.entrySet().stream().filter(e -> e.getValue().equals(service))
                .map(e -> url(e.getKey())).toList());
    }

    Path log(String instance) {
        return work.resolve(instance + ".log");
    }

    /** Kills one instance at once (SIGKILL), as a crash would. */
    void kill(String instance) throws InterruptedException {
        processes.get(instance).destroyForcibly().waitFor();
    }

    /** Starts a killed instance again, on its port, with its state. */
    void restart(String instance) throws IOException {
        start(instance, ports.get(instance));
    }

    /** Copies every instance's log to {@code target/stack-logs}, where CI keeps it. */
    void keepLogs() {
        try {
            Path kept = Files.createDirectories(Path.of("target", "stack-logs"));
            for (String instance : serviceOf.keySet()) {
                if (Files.exists(log(instance))) {
                    Files.copy(log(instance), kept.resolve(instance + ".log"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
