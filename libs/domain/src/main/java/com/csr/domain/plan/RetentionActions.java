package com.csr.domain.plan;

import com.csr.domain.persona.Persona;
import java.util.EnumMap;
import java.util.Map;

/**
 * The default action for each persona, with an assumed cost and acceptance rate. Figures are starting points a
 * retailer should replace with their own campaign results.
 */
public final class RetentionActions {

    private RetentionActions() {
    }

    public static Map<Persona, RetentionAction> defaults() {
        Map<Persona, RetentionAction> actions = new EnumMap<>(Persona.class);
        actions.put(Persona.CHAMPIONS, new RetentionAction("VIP early access and thank-you gift", 8, 0.30));
        actions.put(Persona.LOYAL, new RetentionAction("Loyalty points bonus", 5, 0.25));
        actions.put(Persona.POTENTIAL_LOYALISTS, new RetentionAction("Membership offer with free delivery", 4, 0.20));
        actions.put(Persona.NEW, new RetentionAction("Welcome series with second-order voucher", 3, 0.15));
        actions.put(Persona.NEEDS_ATTENTION, new RetentionAction("Personalised recommendations e-mail", 2, 0.10));
        actions.put(Persona.AT_RISK, new RetentionAction("Win-back call and 15% voucher", 15, 0.25));
        actions.put(Persona.HIBERNATING, new RetentionAction("Reactivation e-mail with 10% voucher", 2, 0.08));
        actions.put(Persona.LOST, new RetentionAction("Last-chance e-mail", 1, 0.03));
        return actions;
    }
}
