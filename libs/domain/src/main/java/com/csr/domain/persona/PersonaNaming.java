package com.csr.domain.persona;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names clusters after personas: repeatedly takes the closest (cluster, persona) pair among those still free, so
 * each cluster gets a distinct persona and the choice depends only on the centroid profiles.
 */
public final class PersonaNaming {

    private PersonaNaming() {
    }

    /**
     * @param profiles standardized log-RFM centroid of each cluster, by cluster id
     * @return the persona of each cluster id
     */
    public static Map<Integer, Persona> name(Map<Integer, double[]> profiles) {
        if (profiles.size() > Persona.values().length) {
            throw new IllegalArgumentException("at most " + Persona.values().length + " segments can be named, got "
                    + profiles.size());
        }
        Map<Integer, Persona> named = new HashMap<>();
        Set<Persona> free = EnumSet.allOf(Persona.class);
        List<Integer> unnamed = new ArrayList<>(profiles.keySet());
        while (!unnamed.isEmpty()) {
            int bestCluster = -1;
            Persona bestPersona = null;
            double best = Double.MAX_VALUE;
            for (int cluster : unnamed) {
                for (Persona persona : free) {
                    double d = persona.squaredDistanceTo(profiles.get(cluster));
                    if (d < best) {
                        best = d;
                        bestCluster = cluster;
                        bestPersona = persona;
                    }
                }
            }
            named.put(bestCluster, bestPersona);
            free.remove(bestPersona);
            unnamed.remove(Integer.valueOf(bestCluster));
        }
        return named;
    }
}
