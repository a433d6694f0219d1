package com.csr.domain.persona;

import java.util.Locale;

/**
 * The personas segments are named after, each with a prototype profile in standardized log-RFM space (recency,
 * frequency, monetary; negative recency means bought recently). A cluster takes the name of the nearest free
 * prototype, so names — and segment ids, which are the catalogue positions — stay put across retrains.
 */
public enum Persona {
    CHAMPIONS("Champions", "bought recently, buy often and spend the most", -0.9, 1.3, 1.3),
    LOYAL("Loyal", "regular buyers with good spend", -0.4, 0.7, 0.6),
    POTENTIAL_LOYALISTS("Potential Loyalists", "recent buyers with average frequency and spend", -0.6, 0.0, 0.0),
    NEW("New", "first bought recently, once or twice", -1.0, -0.9, -0.6),
    NEEDS_ATTENTION("Needs Attention", "average customers starting to slip", 0.2, -0.2, -0.1),
    AT_RISK("At Risk", "used to buy often and spend well, not seen for a while", 0.8, 0.5, 0.5),
    HIBERNATING("Hibernating", "low spend, long since their last purchase", 0.9, -0.6, -0.5),
    LOST("Lost", "bought once, long ago, for little", 1.4, -1.0, -1.0);

    private final String displayName;
    private final String description;
    private final double[] prototype;

    Persona(String displayName, String description, double recency, double frequency, double monetary) {
        this.displayName = displayName;
        this.description = description;
        this.prototype = new double[] {recency, frequency, monetary};
    }

    /** The name shown to users, e.g. "At Risk". */
    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /** The stable segment id: the persona's place in the catalogue. */
    public int segmentId() {
        return ordinal();
    }

    /** The code used in files and APIs, e.g. {@code at_risk}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    double squaredDistanceTo(double[] profile) {
        double d = 0;
        for (int i = 0; i < prototype.length; i++) {
            d += (profile[i] - prototype[i]) * (profile[i] - prototype[i]);
        }
        return d;
    }

    /** Finds a persona by display name or code. */
    public static Persona of(String name) {
        for (Persona p : values()) {
            if (p.displayName.equalsIgnoreCase(name) || p.code().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown persona '" + name + "'");
    }
}
