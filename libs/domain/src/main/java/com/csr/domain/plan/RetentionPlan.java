package com.csr.domain.plan;

import com.csr.domain.persona.Persona;
import java.util.List;
import java.util.Map;

/**
 * A budgeted retention plan.
 *
 * @param budget               money available
 * @param customers            every scored customer, most valuable to target first; {@code selected} marks the plan
 * @param cost                 spent on the selected customers
 * @param expectedRevenueSaved expected revenue kept by the selected actions
 * @param byPersona            the same totals per persona
 */
public record RetentionPlan(double budget, List<PlannedCustomer> customers, double cost, double expectedRevenueSaved,
                            Map<Persona, PersonaTotals> byPersona) {

    public long selectedCount() {
        return customers.stream().filter(PlannedCustomer::selected).count();
    }

    /**
     * Plan totals of one persona.
     *
     * @param customers            customers of the persona
     * @param selected             of which targeted
     * @param cost                 spent on them
     * @param expectedRevenueSaved revenue expected to be kept
     */
    public record PersonaTotals(int customers, int selected, double cost, double expectedRevenueSaved) {
    }
}
