package com.csr.cli.pipeline;

import com.csr.contracts.ids.TenantIds;
import com.csr.domain.labels.Horizon;
import com.csr.domain.persona.Persona;
import com.csr.domain.plan.RetentionAction;
import com.csr.domain.plan.RetentionActions;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.ml.tribuo.Seeds;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Everything a training run needs.
 *
 * @param tenantId    whose data this is; letters, digits, {@code _} and {@code -} only
 * @param dataPath    the transaction file
 * @param mapping     explicit columns, or {@link ColumnMapping#none()}
 * @param asOf        last known date (inclusive); null for the last date in the file
 * @param horizon     the window churn and lifetime value look ahead
 * @param budget      retention budget
 * @param minSegments smallest number of segments to try
 * @param maxSegments largest number of segments to try (equal to minSegments to fix k)
 * @param actions     the action per persona
 * @param currency    currency code shown in reports
 * @param seed        seeds every model
 */
public record PipelineConfig(String tenantId, Path dataPath, ColumnMapping mapping, LocalDate asOf, Horizon horizon,
                             double budget, int minSegments, int maxSegments, Map<Persona, RetentionAction> actions,
                             String currency, long seed) {

    public PipelineConfig {
        requireValidTenant(tenantId);
        if (!(budget >= 0)) {
            throw new IllegalArgumentException("the budget must be zero or more, got " + budget);
        }
    }

    /** Defaults for a tenant and a file: horizon 90 days, budget 5,000, 3 to 8 segments. */
    public static PipelineConfig defaults(String tenantId, Path dataPath) {
        return new PipelineConfig(tenantId, dataPath, ColumnMapping.none(), null, new Horizon(90), 5_000, 3, 8,
                RetentionActions.defaults(), "GBP", Seeds.DEFAULT);
    }

    /**
     * Tenant ids name directories and keys, so they are restricted to a safe alphabet.
     *
     * @throws IllegalArgumentException for anything else (a path, an empty id, ...)
     */
    public static void requireValidTenant(String tenantId) {
        TenantIds.require(tenantId);
    }

    public PipelineConfig withAsOf(LocalDate date) {
        return new PipelineConfig(tenantId, dataPath, mapping, date, horizon, budget, minSegments, maxSegments,
                actions, currency, seed);
    }
}
