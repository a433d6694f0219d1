package com.csr.ml.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.csr.domain.SampleData;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.ml.tribuo.Seeds;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What drives a customer's churn adds up to the probability served, through the calibration, for both algorithms;
 * and it says what an analyst expects of the sample: a long time since the last purchase raises the risk.
 */
class ChurnDriversTest {

    private static final SampleData SAMPLE = SampleData.get();
    private static final List<CustomerFeatures> CUSTOMERS =
            SAMPLE.later.rows().stream().map(LabelledCustomer::features).limit(400).toList();

    @ParameterizedTest
    @EnumSource(ChurnAlgorithm.class)
    void effectsAddUpToTheCalibratedProbability(ChurnAlgorithm algorithm) {
        ChurnModel model = calibrated(algorithm);
        assertThat(model.calibration().slope()).isNotEqualTo(1.0);
        for (CustomerFeatures customer : CUSTOMERS) {
            ChurnDrivers drivers = model.drivers(customer);
            double probability = model.probability(customer);

            assertThat(drivers.churnProbability()).isEqualTo(probability);
            assertThat(drivers.logOdds()).isCloseTo(Math.log(probability / (1 - probability)), within(1e-4));
            assertThat(drivers.drivers()).extracting(ChurnDrivers.Driver::feature)
                    .containsExactlyInAnyOrderElementsOf(CustomerFeatures.NAMES);
            assertThat(drivers.drivers()).allSatisfy(d -> assertThat(d.value())
                    .isEqualTo(customer.toArray()[CustomerFeatures.NAMES.indexOf(d.feature())]));
            assertThat(drivers.drivers()).extracting(d -> Math.abs(d.effect()))
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @ParameterizedTest
    @EnumSource(ChurnAlgorithm.class)
    void aLongTimeSinceTheLastPurchaseRaisesTheRisk(ChurnAlgorithm algorithm) {
        ChurnModel model = calibrated(algorithm);
        double lapsed = meanRecencyEffect(model, CUSTOMERS.stream().filter(c -> c.recencyDays() > 180).toList());
        double recent = meanRecencyEffect(model, CUSTOMERS.stream().filter(c -> c.recencyDays() < 30).toList());

        assertThat(lapsed).isPositive();
        assertThat(recent).isNegative();
    }

    private static ChurnModel calibrated(ChurnAlgorithm algorithm) {
        ChurnModel model = new ChurnTrainer(Seeds.DEFAULT).fit(algorithm, SAMPLE.earlier);
        int[] churned = SAMPLE.later.rows().stream().mapToInt(LabelledCustomer::churned).toArray();
        List<CustomerFeatures> later = SAMPLE.later.rows().stream().map(LabelledCustomer::features).toList();
        return model.withCalibration(PlattCalibration.fit(model.uncalibratedProbabilities(later), churned));
    }

    private static double meanRecencyEffect(ChurnModel model, List<CustomerFeatures> customers) {
        assertThat(customers).isNotEmpty();
        return customers.stream().mapToDouble(c -> model.drivers(c).drivers().stream()
                .filter(d -> d.feature().equals("recency_days")).findFirst().orElseThrow().effect())
                .average().orElseThrow();
    }
}
