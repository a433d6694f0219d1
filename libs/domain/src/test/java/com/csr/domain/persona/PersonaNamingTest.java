package com.csr.domain.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Naming clusters after personas from their standardized log-RFM centroids. */
class PersonaNamingTest {

    /** The prototypes of {@link Persona}, (recency, frequency, monetary). */
    private static final Map<Persona, double[]> PROTOTYPES = new EnumMap<>(Map.of(
            Persona.CHAMPIONS, new double[] {-0.9, 1.3, 1.3},
            Persona.LOYAL, new double[] {-0.4, 0.7, 0.6},
            Persona.POTENTIAL_LOYALISTS, new double[] {-0.6, 0.0, 0.0},
            Persona.NEW, new double[] {-1.0, -0.9, -0.6},
            Persona.NEEDS_ATTENTION, new double[] {0.2, -0.2, -0.1},
            Persona.AT_RISK, new double[] {0.8, 0.5, 0.5},
            Persona.HIBERNATING, new double[] {0.9, -0.6, -0.5},
            Persona.LOST, new double[] {1.4, -1.0, -1.0}));

    @Test
    void theCopiedPrototypesAreThePersonas() {
        PROTOTYPES.forEach((persona, prototype) -> assertThat(persona.squaredDistanceTo(prototype)).isZero());
    }

    @Test
    void aCentroidOnAPersonasPrototypeGetsThatPersona() {
        Map<Integer, double[]> profiles = new HashMap<>();
        for (Persona persona : Persona.values()) {
            profiles.put(persona.ordinal() * 3 + 1, PROTOTYPES.get(persona));
        }

        Map<Integer, Persona> named = PersonaNaming.name(profiles);

        for (Persona persona : Persona.values()) {
            assertThat(named.get(persona.ordinal() * 3 + 1)).isEqualTo(persona);
        }
    }

    @Test
    void eachClusterGetsADistinctPersonaEvenWhenAllSitTogether() {
        Map<Integer, double[]> profiles = new HashMap<>();
        for (int c = 0; c < 8; c++) {
            profiles.put(c, new double[] {-0.9 + 0.01 * c, 1.3, 1.3});
        }

        Map<Integer, Persona> named = PersonaNaming.name(profiles);

        assertThat(named).hasSize(8);
        assertThat(named.values()).doesNotHaveDuplicates();
        assertThat(named.values()).contains(Persona.CHAMPIONS);
    }

    @Test
    void aClusterOnAPrototypeKeepsItWhenANeighbourAlsoPrefersIt() {
        // cluster 0 lies between Champions and Loyal, nearer Champions; cluster 1 sits on Champions
        Map<Integer, double[]> profiles = Map.of(0, new double[] {-0.7, 1.1, 1.1}, 1, PROTOTYPES.get(
                Persona.CHAMPIONS));

        Map<Integer, Persona> named = PersonaNaming.name(profiles);

        assertThat(named).containsEntry(1, Persona.CHAMPIONS).containsEntry(0, Persona.LOYAL);
    }

    @Test
    void namesDependOnlyOnTheProfilesNotOnClusterIds() {
        List<double[]> centroids = List.of(
                new double[] {-0.7, 1.1, 1.1},
                new double[] {-0.8, 1.2, 1.2},
                new double[] {0.5, 0.6, 0.5},
                new double[] {1.1, -0.8, -0.8},
                new double[] {-0.9, -0.5, -0.4});
        Map<Integer, double[]> ids = new LinkedHashMap<>();
        Map<Integer, double[]> otherIds = new LinkedHashMap<>();
        int[] permutation = {40, 3, 17, 0, 9};
        for (int i = 0; i < centroids.size(); i++) {
            ids.put(i, centroids.get(i));
            otherIds.put(permutation[i], centroids.get(i));
        }

        Map<Integer, Persona> named = PersonaNaming.name(ids);
        Map<Integer, Persona> renamed = PersonaNaming.name(otherIds);

        for (int i = 0; i < centroids.size(); i++) {
            assertThat(renamed.get(permutation[i])).as("centroid %d", i).isEqualTo(named.get(i));
        }
        assertThat(PersonaNaming.name(ids)).isEqualTo(named);
    }

    @Test
    void rejectsMoreClustersThanPersonas() {
        Map<Integer, double[]> profiles = new HashMap<>();
        for (int c = 0; c <= Persona.values().length; c++) {
            profiles.put(c, new double[] {0, 0, 0});
        }

        assertThatThrownBy(() -> PersonaNaming.name(profiles)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 8");
    }
}
