package com.csr.domain.plan;

/**
 * One customer in the plan.
 *
 * @param score          the models' view
 * @param action         the action for their persona
 * @param expectedSaved  acceptance rate x expected loss: revenue the action is expected to keep
 * @param selected       whether the budget reaches them
 */
public record PlannedCustomer(CustomerScore score, RetentionAction action, double expectedSaved, boolean selected) {

    /** Expected revenue kept minus what the action costs. */
    public double netValue() {
        return expectedSaved - action.cost();
    }
}
