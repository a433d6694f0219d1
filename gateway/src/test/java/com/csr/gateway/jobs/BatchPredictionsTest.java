package com.csr.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.PredictionJob;
import com.csr.platform.metadata.Tenant;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job the gateway was stopped in the middle of fails cleanly when the gateway starts again. */
class BatchPredictionsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir
    Path directory;

    @Test
    void jobsLeftRunningOrQueuedByAStoppedGatewayFailSayingSoAndFinishedOnesStay() {
        try (MetadataStore store = new EmbeddedMetadataStore(directory.resolve("metadata"))) {
            store.createTenant(new Tenant("acme", T0));
            store.createTenant(new Tenant("beta", T0));
            PredictionJob halfway = job("acme", "p1").running(4285).progressed(1500);
            PredictionJob queued = job("beta", "p2");
            PredictionJob finished = job("acme", "p3").running(10).finished("tenants/acme/predictions/p3.csv", T0);
            store.recordPredictionJob(halfway);
            store.recordPredictionJob(queued);
            store.recordPredictionJob(finished);
            BatchPredictions restarted = new BatchPredictions(store, null, null,
                    new DirectoryArtifactStore(directory.resolve("artifacts")), 2, 10);

            assertThat(restarted.failInterrupted()).isEqualTo(2);

            PredictionJob p1 = store.predictionJob("acme", "p1").orElseThrow();
            assertThat(p1.status()).isEqualTo(PredictionJob.FAILED);
            assertThat(p1.error()).isEqualTo(BatchPredictions.INTERRUPTED);
            assertThat(p1.done()).as("how far it got").isEqualTo(1500);
            assertThat(p1.finishedAt()).isNotNull();
            assertThat(store.predictionJob("beta", "p2").orElseThrow().status()).isEqualTo(PredictionJob.FAILED);
            assertThat(store.predictionJob("acme", "p3")).contains(finished);
            assertThat(restarted.failInterrupted()).as("nothing left to fail").isZero();
        }
    }

    private static PredictionJob job(String tenant, String id) {
        return new PredictionJob(tenant, id, PredictionJob.QUEUED, PredictionJob.ALL_CUSTOMERS, null, 0, 0, T0, null,
                null, null);
    }
}
