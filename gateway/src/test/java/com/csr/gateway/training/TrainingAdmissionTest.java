package com.csr.gateway.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.contracts.problems.TooManyRequestsException;
import com.csr.gateway.config.GatewayConfig;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.TrainingRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingAdmissionTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path directory;

    private static GatewayConfig.Training limits(int maxInProgress) {
        return new GatewayConfig.Training() {
            @Override
            public int maxInProgress() {
                return maxInProgress;
            }

            @Override
            public Duration staleAfter() {
                return Duration.ofHours(2);
            }
        };
    }

    private static TrainingRun run(String tenant, String kind, String dataset, String status, Instant startedAt) {
        return new TrainingRun(tenant, kind + "-" + dataset, kind, dataset, status, startedAt,
                status.equals(TrainingRun.RUNNING) ? null : startedAt.plusSeconds(60), Map.of(), Map.of(), null, null);
    }

    @Test
    void aTrainingIsInProgressWhileAnyOfItsRunsIsRunningAndNotStale() {
        try (MetadataStore metadata = new EmbeddedMetadataStore(directory)) {
            metadata.recordRun(run("t", "churn", "ds-1", TrainingRun.RUNNING, NOW.minusSeconds(30)));
            metadata.recordRun(run("t", "ltv", "ds-1", TrainingRun.RUNNING, NOW.minusSeconds(30)));
            metadata.recordRun(run("t", "segment", "ds-1", TrainingRun.FINISHED, NOW.minusSeconds(30)));
            metadata.recordRun(run("t", "churn", "ds-0", TrainingRun.FINISHED, NOW.minusSeconds(600)));
            metadata.recordRun(run("t", "churn", "ds-old", TrainingRun.RUNNING, NOW.minus(Duration.ofHours(3))));
            TrainingAdmission admission = new TrainingAdmission(metadata, limits(2), Clock.fixed(NOW, ZoneOffset.UTC));

            assertThat(admission.inProgress("t")).isEqualTo(1);
            assertThat(admission.start("t", () -> "started")).isEqualTo("started");
            metadata.recordRun(run("t", "churn", "ds-2", TrainingRun.RUNNING, NOW));
            assertThatThrownBy(() -> admission.start("t", () -> "third")).isInstanceOf(TooManyRequestsException.class)
                    .hasMessageContaining("2 trainings in progress");
            assertThat(admission.start("other", () -> "started")).isEqualTo("started");
        }
    }

    @Test
    void oneRequestOfATenantStartsATrainingAtATimeWhileOtherTenantsStartTheirs() {
        try (MetadataStore metadata = new EmbeddedMetadataStore(directory)) {
            TrainingAdmission admission = new TrainingAdmission(metadata, limits(5), Clock.fixed(NOW, ZoneOffset.UTC));

            String inner = admission.start("t", () -> {
                assertThatThrownBy(() -> admission.start("t", () -> "twice"))
                        .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("being started right now");
                return admission.start("other", () -> "other started");
            });

            assertThat(inner).isEqualTo("other started");
            assertThat(admission.start("t", () -> "again")).as("the turn is given back").isEqualTo("again");
        }
    }
}
