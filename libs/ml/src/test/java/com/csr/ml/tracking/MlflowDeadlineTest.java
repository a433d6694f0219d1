package com.csr.ml.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A tracking server that takes the connection and never answers holds a training for its deadline, no longer. */
class MlflowDeadlineTest {

    /** Accepts every connection, reads the request and never answers; counts the connections the client closed. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final CountDownLatch closedByClient;

        SilentServer(int closures) throws IOException {
            closedByClient = new CountDownLatch(closures);
            Thread acceptor = new Thread(this::accept, "silent-mlflow");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String uri() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    accepted.add(connection);
                    Thread reader = new Thread(() -> drain(connection), "silent-mlflow-connection");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void drain(Socket connection) {
            try (InputStream in = connection.getInputStream()) {
                while (in.read() >= 0) {
                    // the request is read, never answered
                }
                closedByClient.countDown();
            } catch (IOException e) {
                closedByClient.countDown();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private static TrainingRunRecord run(String version) {
        return new TrainingRunRecord("t1", "churn", version, Map.of("seed", "42"), Map.of("roc_auc", 0.7), Map.of());
    }

    @Test
    @Timeout(60)
    void aServerThatNeverAnswersFailsTheRecordingAtItsDeadlineAndFreesItsConnection() throws Exception {
        try (SilentServer server = new SilentServer(2);
             MlflowTracker tracker = new MlflowTracker(server.uri(), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> tracker.record(run("ds-1"))).isInstanceOf(ExperimentTracker.TrackingException.class)
                    .hasMessageContaining(server.uri()).hasMessageContaining("no answer within 1 s");
            // the next training is not queued behind the stuck call: it gets its own deadline
            assertThatThrownBy(() -> tracker.record(run("ds-2"))).isInstanceOf(ExperimentTracker.TrackingException.class)
                    .hasMessageContaining("no answer within 1 s");
            assertThat(server.closedByClient.await(20, TimeUnit.SECONDS))
                    .as("the abandoned calls' connections are closed, freeing the threads waiting on them").isTrue();
        }
    }

    @Test
    void theTimeoutIsReadAsMlflowsOwnClientsReadIt() {
        try (ExperimentTracker tracker = ExperimentTracker.fromEnvironment(Map.of("MLFLOW_TRACKING_URI",
                "http://127.0.0.1:9", "MLFLOW_HTTP_REQUEST_TIMEOUT", "30"))) {
            assertThat(tracker).isInstanceOf(MlflowTracker.class);
        }
        assertThatThrownBy(() -> ExperimentTracker.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:9",
                "MLFLOW_HTTP_REQUEST_TIMEOUT", "soon"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MLFLOW_HTTP_REQUEST_TIMEOUT=soon");
    }
}
