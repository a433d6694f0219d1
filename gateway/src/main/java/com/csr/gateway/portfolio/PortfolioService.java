package com.csr.gateway.portfolio;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.domain.persona.Persona;
import com.csr.domain.plan.CustomerScore;
import com.csr.domain.plan.PlannedCustomer;
import com.csr.domain.plan.RetentionAction;
import com.csr.domain.plan.RetentionActions;
import com.csr.domain.plan.RetentionPlan;
import com.csr.domain.plan.RetentionPlanner;
import com.csr.domain.plan.RiskBand;
import com.csr.gateway.portfolio.scores.MergedScores;
import com.csr.gateway.portfolio.scores.PortfolioStores;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The portfolio views over every scored customer of a tenant: the at-risk list, the segments, the plan. */
@ApplicationScoped
public class PortfolioService {

    /** What the at-risk list can be sorted by. */
    public static final Set<String> SORTS = Set.of("expected_loss", "churn_probability", "predicted_ltv",
            "customer_id");
    private static final Map<Persona, RetentionAction> DEFAULT_ACTIONS = RetentionActions.defaults();

    private final PortfolioStores stores;

    public PortfolioService(PortfolioStores stores) {
        this.stores = stores;
    }

    /** Fully scored customers of the tenant, as the planner sees them. */
    private List<CustomerScore> scored(String tenant) {
        List<CustomerScore> scores = new ArrayList<>();
        for (MergedScores s : stores.scores(tenant)) {
            if (s.isComplete()) {
                scores.add(new CustomerScore(s.customerId(), Persona.of(s.persona()), s.churnProbability(),
                        s.predictedLtv()));
            }
        }
        return scores;
    }

    /**
     * The tenant's customers, sorted (descending, except by id) and filtered, one page.
     *
     * @param persona  only this persona (name or code), or null
     * @param riskBand only this band, or null
     */
    public Page<CustomerRow> customers(String tenant, String sort, int page, int size, String persona,
                                       String riskBand) {
        if (!SORTS.contains(sort)) {
            throw new IllegalArgumentException("sort must be one of " + SORTS + ", got '" + sort + "'");
        }
        if (page < 0 || size < 1 || size > 1000) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and 1000");
        }
        Persona onlyPersona = persona == null ? null : Persona.of(persona);
        RiskBand onlyBand = riskBand == null ? null : band(riskBand);
        List<CustomerRow> rows = scored(tenant).stream()
                .filter(s -> onlyPersona == null || s.persona() == onlyPersona)
                .filter(s -> onlyBand == null || RiskBand.of(s.churnProbability()) == onlyBand)
                .map(PortfolioService::row)
                .sorted(order(sort))
                .toList();
        int from = (int) Math.min((long) page * size, rows.size());
        return new Page<>(rows.subList(from, Math.min(from + size, rows.size())), page, size, rows.size());
    }

    private static RiskBand band(String code) {
        try {
            return RiskBand.valueOf(code.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("risk_band must be low, medium or high, got '" + code + "'");
        }
    }

    static CustomerRow row(CustomerScore s) {
        return new CustomerRow(s.customerId(), s.persona().displayName(), s.persona().segmentId(),
                s.churnProbability(), RiskBand.of(s.churnProbability()).code(), s.predictedLtv(), s.expectedLoss(),
                DEFAULT_ACTIONS.get(s.persona()).name());
    }

    private static Comparator<CustomerRow> order(String sort) {
        Comparator<CustomerRow> byId = Comparator.comparing(CustomerRow::customerId);
        return switch (sort) {
            case "churn_probability" -> Comparator.comparing(CustomerRow::churnProbability).reversed().thenComparing(byId);
            case "predicted_ltv" -> Comparator.comparing(CustomerRow::predictedLtv).reversed().thenComparing(byId);
            case "customer_id" -> byId;
            default -> Comparator.comparing(CustomerRow::expectedLoss).reversed().thenComparing(byId);
        };
    }

    /** Persona sizes, profiles and revenue share. */
    public List<SegmentView> segments(String tenant) {
        Map<String, double[]> profile = new HashMap<>();
        double totalRevenue = 0;
        for (CustomerFeaturesUpdate f : stores.features(tenant)) {
            double[] p = {f.features().getOrDefault("recency_days", 0.0), f.features().getOrDefault("frequency", 0.0),
                Math.max(0, f.features().getOrDefault("monetary", 0.0))};
            profile.put(f.customerId(), p);
            totalRevenue += p[2];
        }
        Map<Persona, double[]> sums = new EnumMap<>(Persona.class);
        int total = 0;
        for (MergedScores s : stores.scores(tenant)) {
            if (s.persona() == null) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(Persona.of(s.persona()), p -> new double[8]);
            double[] p = profile.getOrDefault(s.customerId(), new double[3]);
            sum[0]++;
            sum[1] += p[0];
            sum[2] += p[1];
            sum[3] += p[2];
            if (s.churnProbability() != null) {
                sum[4] += s.churnProbability();
                sum[5]++;
            }
            if (s.predictedLtv() != null) {
                sum[6] += s.predictedLtv();
                sum[7]++;
            }
            total++;
        }
        List<SegmentView> views = new ArrayList<>();
        for (Map.Entry<Persona, double[]> e : sums.entrySet()) {
            Persona persona = e.getKey();
            double[] s = e.getValue();
            views.add(new SegmentView(persona.segmentId(), persona.displayName(), persona.description(), (int) s[0],
                    s[0] / total, totalRevenue == 0 ? 0 : s[3] / totalRevenue, s[1] / s[0], s[2] / s[0], s[3] / s[0],
                    s[5] == 0 ? null : s[4] / s[5], s[7] == 0 ? null : s[6] / s[7],
                    DEFAULT_ACTIONS.get(persona).name()));
        }
        return views;
    }

    /** Spends a budget where it saves most. */
    public PlanResponse plan(String tenant, PlanRequest request) {
        if (request == null || request.budget() == null) {
            throw new IllegalArgumentException("budget is required");
        }
        Map<Persona, RetentionAction> actions = new EnumMap<>(DEFAULT_ACTIONS);
        if (request.actionCosts() != null) {
            request.actionCosts().forEach((name, cost) -> {
                Persona persona = Persona.of(name);
                RetentionAction a = actions.get(persona);
                actions.put(persona, new RetentionAction(a.name(), cost == null ? a.cost() : cost, a.acceptanceRate()));
            });
        }
        RetentionPlan plan = new RetentionPlanner(actions).plan(scored(tenant), request.budget());
        Map<String, PlanResponse.PersonaTotals> byPersona = new LinkedHashMap<>();
        plan.byPersona().forEach((persona, t) -> byPersona.put(persona.displayName(), new PlanResponse.PersonaTotals(
                t.customers(), t.selected(), t.cost(), t.expectedRevenueSaved(), actions.get(persona).name(),
                actions.get(persona).cost())));
        List<PlanResponse.Selected> selected = plan.customers().stream().filter(PlannedCustomer::selected)
                .map(p -> new PlanResponse.Selected(p.score().customerId(), p.score().persona().displayName(),
                        p.action().name(), p.action().cost(), p.score().expectedLoss(), p.expectedSaved()))
                .toList();
        return new PlanResponse(plan.budget(), plan.cost(), plan.selectedCount(), plan.expectedRevenueSaved(),
                byPersona, selected);
    }
}
