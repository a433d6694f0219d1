package com.csr.domain.plan;

import com.csr.domain.persona.Persona;
import com.csr.domain.plan.RetentionPlan.PersonaTotals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Spends a budget on the customers where each unit of cost is expected to save most: customers ranked by expected
 * net value per unit of cost, taken while the budget lasts and the action pays for itself. Greedy by ratio is the
 * classic answer to this knapsack and is within one action's value of the optimum.
 */
public final class RetentionPlanner {

    private final Map<Persona, RetentionAction> actions;

    public RetentionPlanner(Map<Persona, RetentionAction> actions) {
        for (Persona persona : Persona.values()) {
            if (!actions.containsKey(persona)) {
                throw new IllegalArgumentException("no retention action for persona " + persona.displayName());
            }
        }
        this.actions = Map.copyOf(actions);
    }

    public RetentionPlan plan(List<CustomerScore> scores, double budget) {
        if (!(budget >= 0)) {
            throw new IllegalArgumentException("the budget must be zero or more, got " + budget);
        }
        List<PlannedCustomer> ranked = new ArrayList<>(scores.size());
        for (CustomerScore score : scores) {
            RetentionAction action = actions.get(score.persona());
            ranked.add(new PlannedCustomer(score, action, action.acceptanceRate() * score.expectedLoss(), false));
        }
        ranked.sort(Comparator.comparingDouble((PlannedCustomer p) -> p.netValue() / p.action().cost()).reversed()
                .thenComparing(p -> p.score().customerId()));

        double remaining = budget;
        double saved = 0;
        Map<Persona, double[]> totals = new EnumMap<>(Persona.class);
        List<PlannedCustomer> planned = new ArrayList<>(ranked.size());
        for (PlannedCustomer candidate : ranked) {
            boolean take = candidate.netValue() > 0 && candidate.action().cost() <= remaining;
            double[] t = totals.computeIfAbsent(candidate.score().persona(), p -> new double[4]);
            t[0]++;
            if (take) {
                remaining -= candidate.action().cost();
                saved += candidate.expectedSaved();
                t[1]++;
                t[2] += candidate.action().cost();
                t[3] += candidate.expectedSaved();
            }
            planned.add(take ? new PlannedCustomer(candidate.score(), candidate.action(), candidate.expectedSaved(),
                    true) : candidate);
        }
        Map<Persona, PersonaTotals> byPersona = new EnumMap<>(Persona.class);
        totals.forEach((p, t) -> byPersona.put(p, new PersonaTotals((int) t[0], (int) t[1], t[2], t[3])));
        return new RetentionPlan(budget, planned, budget - remaining, saved, byPersona);
    }
}
