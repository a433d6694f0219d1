package com.csr.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Draws in proportion to the weights, as the catalogue's popularity and the pack sizes rely on. */
class WeightedChoiceTest {

    @Test
    void drawsEachIndexInProportionToItsWeight() {
        double[] weights = {5, 0, 1, 3, 1};
        WeightedChoice choice = new WeightedChoice(weights);
        SeededRandom random = new SeededRandom(11);
        int[] counts = new int[weights.length];
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            counts[choice.draw(random)]++;
        }

        assertThat(counts[1]).isZero();
        for (int i = 0; i < weights.length; i++) {
            assertThat(counts[i] / (double) draws).as("index %d", i).isCloseTo(weights[i] / 10, within(0.005));
        }
    }
}
