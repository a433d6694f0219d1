package com.csr.feature.service;

import com.csr.contracts.events.TrainingDataset;
import com.csr.contracts.ids.Caller;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.labels.Horizon;
import com.csr.domain.training.TrainingData;
import com.csr.domain.training.TrainingDataFiles;
import com.csr.feature.config.FeatureConfig;
import com.csr.platform.artifacts.ArtifactFolder;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.ArtifactStore;
import com.csr.platform.artifacts.ArtifactStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * Cuts a point-in-time training set from every customer of a tenant with the domain's {@link TrainingData#build},
 * the function the batch pipeline uses, writes it to the artifact store and announces it on {@code training.datasets}.
 */
@ApplicationScoped
public class TrainingSets {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantWide tenant;
    private final TrainingSetAnnouncements publisher;
    private final ArtifactStore artifacts;
    private final FeatureConfig config;

    TrainingSets(TenantWide tenant, TrainingSetAnnouncements publisher, FeatureConfig config) {
        this.tenant = tenant;
        this.publisher = publisher;
        this.artifacts = ArtifactStores.fromEnvironment(System.getenv(), Path.of(config.artifacts()));
        this.config = config;
    }

    /**
     * Builds, writes and announces a training set of every customer on every instance.
     *
     * @param asOf        the as-of date, or null for the tenant's data clock
     * @param horizonDays the label horizon, or null for the configured default
     * @return the announcement
     * @throws NotFoundException   when the tenant has no transactions
     * @throws BadRequestException when the horizon is invalid or the history too short to learn from
     */
    public TrainingDataset create(Caller caller, LocalDate asOf, Integer horizonDays) {
        String tenantId = caller.tenantId();
        Horizon horizon = horizon(horizonDays == null ? config.defaultHorizonDays() : horizonDays);
        List<CustomerHistory> histories = tenant.histories(caller);
        if (histories.isEmpty()) {
            throw new NotFoundException("no transactions for this tenant yet");
        }
        LocalDate date = asOf != null ? asOf : tenant.clock(caller).map(TenantWide.Clock::asOf)
                .orElseThrow(() -> new NotFoundException("no transactions for this tenant yet"));
        TrainingData data = TrainingData.build(histories, date, horizon);
        try {
            data.earlier().requireBothOutcomes("the earlier cutoff (" + data.validationFitDate() + ")");
            data.later().requireBothOutcomes("the later cutoff (" + data.validationDate() + ")");
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        Instant now = Instant.now();
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String id = "ds-" + ID_TIME.format(now) + "-" + HexFormat.of().formatHex(suffix);
        String folder = ArtifactLayout.dataset(tenantId, id);
        ArtifactFolder.write(artifacts, folder, directory -> TrainingDataFiles.write(data, directory));
        TrainingDataset dataset = new TrainingDataset(tenantId, id, artifacts.uri(folder), date.toString(),
                horizon.days(), data.scoring().size(), now.toString());
        publisher.publish(dataset);
        return dataset;
    }

    private static Horizon horizon(int days) {
        try {
            return new Horizon(days);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("horizon_days: " + e.getMessage());
        }
    }
}
