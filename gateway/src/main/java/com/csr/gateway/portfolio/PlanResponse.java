package com.csr.gateway.portfolio;

import java.util.List;
import java.util.Map;

/**
 * A budgeted retention plan.
 *
 * @param budget               asked
 * @param cost                 spent
 * @param customersSelected    targeted
 * @param expectedRevenueSaved expected revenue kept
 * @param byPersona            totals per persona
 * @param selected             the targeted customers, best first
 */
public record PlanResponse(double budget, double cost, long customersSelected, double expectedRevenueSaved,
                           Map<String, PersonaTotals> byPersona, List<Selected> selected) {

    /** Plan totals of one persona. */
    public record PersonaTotals(int customers, int selected, double cost, double expectedRevenueSaved,
                                String action, double actionCost) {
    }

    /** One targeted customer. */
    public record Selected(String customerId, String persona, String action, double cost, double expectedLoss,
                           double expectedSaved) {
    }
}
