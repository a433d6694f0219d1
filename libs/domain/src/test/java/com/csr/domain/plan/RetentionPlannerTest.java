package com.csr.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.csr.domain.persona.Persona;
import com.csr.domain.plan.RetentionPlan.PersonaTotals;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The budgeted plan on hand-made scores with the default actions. */
class RetentionPlannerTest {

    private final RetentionPlanner planner = new RetentionPlanner(RetentionActions.defaults());

    /**
     * Expected loss = P(churn) x LTV; saved = acceptance x loss; net = saved - cost (default actions).
     * <pre>
     * customer     persona              loss   cost  accept  saved   net    net/cost
     * champion     Champions             200    8    0.30    60     52      6.5
     * atRisk       At Risk               400   15    0.25   100     85      5.67
     * loyal        Loyal                 120    5    0.25    30     25      5.0
     * slipping     Needs Attention       100    2    0.10    10      8      4.0
     * potential    Potential Loyalists    40    4    0.20     8      4      1.0
     * newcomer     New                    30    3    0.15     4.5    1.5    0.5
     * hibernating  Hibernating            35    2    0.08     2.8    0.8    0.4
     * breakEven    Hibernating            25    2    0.08     2.0    0      0
     * lost         Lost                   18    1    0.03     0.54  -0.46  -0.46
     * </pre>
     */
    private static final List<CustomerScore> SCORES = List.of(
            new CustomerScore("champion", Persona.CHAMPIONS, 0.5, 400),
            new CustomerScore("atRisk", Persona.AT_RISK, 0.8, 500),
            new CustomerScore("loyal", Persona.LOYAL, 0.4, 300),
            new CustomerScore("slipping", Persona.NEEDS_ATTENTION, 0.5, 200),
            new CustomerScore("potential", Persona.POTENTIAL_LOYALISTS, 0.2, 200),
            new CustomerScore("newcomer", Persona.NEW, 0.3, 100),
            new CustomerScore("hibernating", Persona.HIBERNATING, 0.7, 50),
            new CustomerScore("breakEven", Persona.HIBERNATING, 0.5, 50),
            new CustomerScore("lost", Persona.LOST, 0.9, 20));

    private static final List<String> BY_NET_VALUE_PER_COST = List.of("champion", "atRisk", "loyal", "slipping",
            "potential", "newcomer", "hibernating", "breakEven", "lost");

    /** Cost of every action that pays for itself: 8 + 15 + 5 + 2 + 4 + 3 + 2. */
    private static final double COST_OF_ALL_PAYING = 39;

    @Test
    void ranksCustomersByNetValuePerUnitCost() {
        List<CustomerScore> shuffled = new ArrayList<>(SCORES);
        Collections.shuffle(shuffled, new Random(7));

        RetentionPlan plan = planner.plan(shuffled, 1_000);

        assertThat(plan.customers()).extracting(p -> p.score().customerId())
                .containsExactlyElementsOf(BY_NET_VALUE_PER_COST);
        assertThat(plan.customers()).extracting(p -> p.netValue() / p.action().cost())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        PlannedCustomer atRisk = plan.customers().get(1);
        assertThat(atRisk.action()).isEqualTo(RetentionActions.defaults().get(Persona.AT_RISK));
        assertThat(atRisk.expectedSaved()).isCloseTo(100, within(1e-9));
        assertThat(atRisk.netValue()).isCloseTo(85, within(1e-9));
    }

    @Test
    void anAmpleBudgetSelectsEveryActionThatPaysForItselfAndNoOther() {
        RetentionPlan plan = planner.plan(SCORES, 1_000);

        assertThat(selectedIds(plan)).containsExactly("champion", "atRisk", "loyal", "slipping", "potential",
                "newcomer", "hibernating");
        assertThat(plan.cost()).isCloseTo(COST_OF_ALL_PAYING, within(1e-9));
        assertThat(plan.expectedRevenueSaved()).isCloseTo(60 + 100 + 30 + 10 + 8 + 4.5 + 2.8, within(1e-9));
    }

    @Test
    void actionsThatDoNotPayForThemselvesAreNeverSelectedEvenWithBudgetLeft() {
        RetentionPlan plan = planner.plan(SCORES, 1_000);

        assertThat(plan.budget() - plan.cost()).isGreaterThan(900);
        assertThat(plan.customers()).filteredOn(PlannedCustomer::selected).allMatch(p -> p.netValue() > 0);
        assertThat(plan.customers()).filteredOn(p -> p.netValue() <= 0)
                .extracting(p -> p.score().customerId()).containsExactly("breakEven", "lost");
        assertThat(selectedIds(plan)).doesNotContain("breakEven", "lost");
    }

    @Test
    void zeroBudgetSelectsNobody() {
        RetentionPlan plan = planner.plan(SCORES, 0);

        assertThat(plan.selectedCount()).isZero();
        assertThat(plan.cost()).isZero();
        assertThat(plan.expectedRevenueSaved()).isZero();
        assertThat(plan.customers()).hasSize(SCORES.size());
    }

    @Test
    void aBudgetOfExactlyOneActionsCostSelectsExactlyTheBestCustomer() {
        RetentionPlan plan = planner.plan(SCORES, 8);

        assertThat(selectedIds(plan)).containsExactly("champion");
        assertThat(plan.cost()).isEqualTo(8);
        assertThat(plan.expectedRevenueSaved()).isCloseTo(60, within(1e-9));
    }

    @Test
    void customersAreTakenInRankOrderWhileTheBudgetLasts() {
        RetentionPlan plan = planner.plan(SCORES, 30);

        // 8 + 15 + 5 + 2 = 30: the four best, nothing else
        assertThat(selectedIds(plan)).containsExactly("champion", "atRisk", "loyal", "slipping");
        assertThat(plan.cost()).isCloseTo(30, within(1e-9));
    }

    @Test
    void aCustomerWhoseActionNoLongerFitsIsPassedOverForCheaperOnesFurtherDown() {
        RetentionPlan plan = planner.plan(SCORES, 25);

        // after champion (8) and atRisk (15) 2 remain: loyal (5) does not fit, slipping (2) does
        assertThat(selectedIds(plan)).containsExactly("champion", "atRisk", "slipping");
        assertThat(plan.cost()).isCloseTo(25, within(1e-9));
    }

    @Test
    void theBudgetIsNeverExceeded() {
        for (double budget = 0; budget <= COST_OF_ALL_PAYING + 5; budget += 0.25) {
            RetentionPlan plan = planner.plan(SCORES, budget);

            double spent = plan.customers().stream().filter(PlannedCustomer::selected)
                    .mapToDouble(p -> p.action().cost()).sum();
            assertThat(spent).as("budget %s", budget).isLessThanOrEqualTo(budget);
            assertThat(plan.cost()).as("budget %s", budget).isCloseTo(spent, within(1e-9));
        }
    }

    @Test
    void perPersonaTotalsAddUpToThePlanTotals() {
        for (double budget : new double[] {0, 8, 25, 1_000}) {
            RetentionPlan plan = planner.plan(SCORES, budget);
            Map<Persona, PersonaTotals> byPersona = plan.byPersona();

            assertThat(byPersona.values().stream().mapToInt(PersonaTotals::customers).sum()).isEqualTo(SCORES.size());
            assertThat(byPersona.values().stream().mapToLong(PersonaTotals::selected).sum())
                    .isEqualTo(plan.selectedCount());
            assertThat(byPersona.values().stream().mapToDouble(PersonaTotals::cost).sum())
                    .isCloseTo(plan.cost(), within(1e-9));
            assertThat(byPersona.values().stream().mapToDouble(PersonaTotals::expectedRevenueSaved).sum())
                    .isCloseTo(plan.expectedRevenueSaved(), within(1e-9));
        }
        PersonaTotals hibernating = planner.plan(SCORES, 1_000).byPersona().get(Persona.HIBERNATING);
        assertThat(hibernating).isEqualTo(new PersonaTotals(2, 1, 2, hibernating.expectedRevenueSaved()));
        assertThat(hibernating.expectedRevenueSaved()).isCloseTo(2.8, within(1e-9));
    }

    @Test
    void rejectsANegativeBudget() {
        assertThatThrownBy(() -> planner.plan(SCORES, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget");
        assertThatThrownBy(() -> planner.plan(SCORES, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAPlannerWithoutAnActionForEveryPersona() {
        Map<Persona, RetentionAction> actions = new EnumMap<>(RetentionActions.defaults());
        actions.remove(Persona.LOST);

        assertThatThrownBy(() -> new RetentionPlanner(actions)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lost");
    }

    private static List<String> selectedIds(RetentionPlan plan) {
        return plan.customers().stream().filter(PlannedCustomer::selected).map(p -> p.score().customerId()).toList();
    }
}
