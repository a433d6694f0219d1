package com.csr.gateway.portfolio;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.domain.plan.RiskBand;
import com.csr.gateway.portfolio.scores.MergedScores;
import com.csr.gateway.portfolio.scores.PortfolioStores;
import com.csr.gateway.tenants.TenantSettings;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.TrainingRun;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's portfolio at a glance, from the read model (every fully scored customer and their features) and the
 * metadata store (the newest training run, the tenant's currency). A tenant with no customers gets zeros and nulls.
 */
@ApplicationScoped
public class PortfolioOverview {

    private final PortfolioStores stores;
    private final MetadataStore metadata;
    private final TenantSettings settings;

    public PortfolioOverview(PortfolioStores stores, MetadataStore metadata, TenantSettings settings) {
        this.stores = stores;
        this.metadata = metadata;
        this.settings = settings;
    }

    /** The overview of one tenant. */
    public Overview of(String tenant) {
        Map<String, Double> netSpend = new HashMap<>();
        for (CustomerFeaturesUpdate f : stores.features(tenant)) {
            Double monetary = f.features() == null ? null : f.features().get("monetary");
            if (monetary != null) {
                netSpend.put(f.customerId(), monetary);
            }
        }
        Map<RiskBand, Integer> bands = new EnumMap<>(RiskBand.class);
        int customers = 0;
        double revenue = 0;
        double predictedLtv = 0;
        double atRisk = 0;
        double expectedLoss = 0;
        String asOf = null;
        for (MergedScores s : stores.scores(tenant)) {
            if (!s.isComplete()) {
                continue;
            }
            RiskBand band = RiskBand.of(s.churnProbability());
            customers++;
            bands.merge(band, 1, Integer::sum);
            revenue += netSpend.getOrDefault(s.customerId(), 0.0);
            predictedLtv += s.predictedLtv();
            atRisk += band == RiskBand.HIGH ? s.predictedLtv() : 0;
            expectedLoss += s.churnProbability() * s.predictedLtv();
            if (s.asOf() != null && (asOf == null || s.asOf().compareTo(asOf) > 0)) {
                asOf = s.asOf();
            }
        }
        Map<String, Overview.BandShare> riskBands = new LinkedHashMap<>();
        for (RiskBand band : RiskBand.values()) {
            int count = bands.getOrDefault(band, 0);
            riskBands.put(band.code(), new Overview.BandShare(count, customers == 0 ? 0 : (double) count / customers));
        }
        return new Overview(customers, revenue, riskBands, predictedLtv, atRisk, expectedLoss,
                settings.currencyOf(tenant), asOf, lastTraining(tenant));
    }

    /** The newest run of any kind (the store lists them newest first), or null. */
    private Overview.LastTraining lastTraining(String tenant) {
        List<TrainingRun> runs = metadata.latestRuns(tenant, 1);
        if (runs.isEmpty()) {
            return null;
        }
        TrainingRun run = runs.get(0);
        return new Overview.LastTraining(run.datasetId(), run.modelKind(), run.status(), run.startedAt(),
                run.finishedAt());
    }
}
