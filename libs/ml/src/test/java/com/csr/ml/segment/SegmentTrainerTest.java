package com.csr.ml.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.persona.Persona;
import com.csr.ml.tribuo.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segmentation of synthetic customers drawn from four well-separated groups in log-RFM space. */
class SegmentTrainerTest {

    /** Centre of each synthetic group: typical recency (days), purchase count and net spend. */
    enum Group {
        RECENT_FREQUENT_HIGH_SPEND(5, 20, 3_000),
        RECENT_ONE_OFF(10, 1, 50),
        LAPSED_FREQUENT_GOOD_SPEND(200, 10, 1_000),
        LAPSED_ONE_OFF_LOW_SPEND(300, 1, 20);

        final double recencyDays;
        final double frequency;
        final double monetary;

        Group(double recencyDays, double frequency, double monetary) {
            this.recencyDays = recencyDays;
            this.frequency = frequency;
            this.monetary = monetary;
        }
    }

    private static final int PER_GROUP = 500;

    private static Sample sample;
    private static SegmentTraining training;

    /** Customers and the group each was drawn from, in the same order. */
    record Sample(List<CustomerFeatures> customers, List<Group> groups) {

        /** {@link #PER_GROUP} customers per group, interleaved, with log-normal noise around each centre. */
        static Sample draw(long seed) {
            Random random = new Random(seed);
            List<CustomerFeatures> customers = new ArrayList<>();
            List<Group> groups = new ArrayList<>();
            for (int i = 0; i < PER_GROUP; i++) {
                for (Group g : Group.values()) {
                    customers.add(customer(g, random));
                    groups.add(g);
                }
            }
            return new Sample(customers, groups);
        }

        private static CustomerFeatures customer(Group g, Random random) {
            double recency = g.recencyDays * Math.exp(0.2 * random.nextGaussian());
            double frequency = g.frequency == 1 ? 1
                    : Math.max(2, Math.round(g.frequency * Math.exp(0.2 * random.nextGaussian())));
            double monetary = g.monetary * Math.exp(0.25 * random.nextGaussian());
            double span = frequency == 1 ? 0 : 30 * frequency;
            double[] v = new double[CustomerFeatures.NAMES.size()];
            v[0] = recency;
            v[1] = frequency;
            v[2] = monetary;
            v[3] = monetary / frequency;
            v[4] = 2 * frequency;
            v[5] = frequency == 1 ? 0 : span / (frequency - 1);
            v[6] = span;
            v[7] = span + recency;
            return CustomerFeatures.fromArray(v);
        }
    }

    @BeforeAll
    static void train() {
        sample = Sample.draw(11);
        training = new SegmentTrainer(3, 6, Seeds.DEFAULT).train(sample.customers());
    }

    @Test
    void silhouetteChoosesFourSegments() {
        assertThat(training.silhouetteByK()).containsOnlyKeys(3, 4, 5, 6);
        assertThat(training.k()).isEqualTo(4);
        assertThat(training.silhouette()).isEqualTo(
                training.silhouetteByK().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(training.model().segments()).isEqualTo(4);
    }

    @Test
    void eachGroupMapsToOnePersonaOfItsOwn() {
        Map<Group, Persona> personaOfGroup = personaOfGroup(training.model(), sample);

        assertThat(personaOfGroup).hasSize(Group.values().length);
        assertThat(new HashSet<>(personaOfGroup.values())).hasSize(Group.values().length);
    }

    @Test
    void recentFrequentHighSpendersAreChampions() {
        Map<Group, Persona> personaOfGroup = personaOfGroup(training.model(), sample);

        assertThat(personaOfGroup.get(Group.RECENT_FREQUENT_HIGH_SPEND)).isEqualTo(Persona.CHAMPIONS);
    }

    @Test
    void theOtherGroupsAreNamedAfterTheirNearestPersonas() {
        Map<Group, Persona> personaOfGroup = personaOfGroup(training.model(), sample);

        assertThat(personaOfGroup).containsEntry(Group.RECENT_ONE_OFF, Persona.NEW)
                .containsEntry(Group.LAPSED_FREQUENT_GOOD_SPEND, Persona.AT_RISK)
                .containsEntry(Group.LAPSED_ONE_OFF_LOW_SPEND, Persona.LOST);
    }

    @Test
    void profilesReportEachPersonasSizeAndCentre() {
        assertThat(training.profiles()).hasSize(4);
        assertThat(training.profiles()).allSatisfy(p -> assertThat(p.customers()).isEqualTo(PER_GROUP));
        SegmentTraining.SegmentProfile champions = training.profiles().stream()
                .filter(p -> p.persona() == Persona.CHAMPIONS).findFirst().orElseThrow();
        // geometric means, in original units, near the group's centre
        assertThat(champions.recencyDays()).isBetween(4.0, 7.0);
        assertThat(champions.frequency()).isBetween(17.0, 24.0);
        assertThat(champions.monetary()).isBetween(2_500.0, 3_500.0);
    }

    @Test
    void trainingTwiceWithTheSameSeedGivesIdenticalAssignments() {
        SegmentTraining again = new SegmentTrainer(3, 6, Seeds.DEFAULT).train(sample.customers());

        assertThat(again.k()).isEqualTo(training.k());
        assertThat(again.silhouetteByK()).isEqualTo(training.silhouetteByK());
        assertThat(again.model().personas(sample.customers()))
                .isEqualTo(training.model().personas(sample.customers()));
    }

    @Test
    void personaNamesAreStableAcrossRetrainsOnANewSampleOfTheSameGroups() {
        Sample other = Sample.draw(12);

        SegmentTraining retrained = new SegmentTrainer(3, 6, Seeds.DEFAULT).train(other.customers());

        assertThat(retrained.k()).isEqualTo(4);
        assertThat(personaOfGroup(retrained.model(), other)).isEqualTo(personaOfGroup(training.model(), sample));
    }

    @Test
    void savedAndLoadedModelGivesEveryCustomerTheSamePersona(@TempDir Path directory) {
        training.model().save(directory);

        SegmentModel loaded = SegmentModel.load(directory);

        assertThat(directory.resolve(SegmentModel.MODEL_FILE)).exists();
        assertThat(directory.resolve(SegmentModel.PERSONAS_FILE)).exists();
        assertThat(loaded.segments()).isEqualTo(training.model().segments());
        assertThat(loaded.personas(sample.customers())).isEqualTo(training.model().personas(sample.customers()));
        assertThat(loaded.persona(sample.customers().get(0))).isEqualTo(
                training.model().persona(sample.customers().get(0)));
    }

    /** The single persona each group's customers are given; fails if a group is split across personas. */
    private static Map<Group, Persona> personaOfGroup(SegmentModel model, Sample s) {
        List<Persona> personas = model.personas(s.customers());
        Map<Group, Set<Persona>> seen = new EnumMap<>(Group.class);
        for (int i = 0; i < personas.size(); i++) {
            seen.computeIfAbsent(s.groups().get(i), g -> new HashSet<>()).add(personas.get(i));
        }
        Map<Group, Persona> single = new EnumMap<>(Group.class);
        seen.forEach((group, set) -> {
            assertThat(set).as("personas of group %s", group).hasSize(1);
            single.put(group, set.iterator().next());
        });
        return single;
    }
}
