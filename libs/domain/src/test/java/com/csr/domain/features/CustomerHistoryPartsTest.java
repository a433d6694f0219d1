package com.csr.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.domain.SampleData;
import com.csr.domain.json.EventJson;
import com.csr.domain.labels.Horizon;
import com.csr.domain.labels.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A history sent to another process as its parts, through JSON, comes back the same history: every customer of the
 * sample has the same features and labels at every cutoff tried.
 */
class CustomerHistoryPartsTest {

    private static final SampleData SAMPLE = SampleData.get();
    private static final Horizon HORIZON = new Horizon(90);

    @Test
    void everyCustomerOfTheSampleComesBackTheSameThroughJson() {
        long end = SAMPLE.clean.cutoffEpochSecond();
        List<Long> cutoffs = List.of(end, end - HORIZON.seconds(), end - 2 * HORIZON.seconds(), end - 300 * 86_400L);
        for (CustomerHistory history : SAMPLE.histories.values()) {
            byte[] json = EventJson.write(history.parts());
            CustomerHistory back = CustomerHistory.fromParts(EventJson.read(json, CustomerHistory.Parts.class));
            assertThat(back.customerId()).isEqualTo(history.customerId());
            for (long cutoff : cutoffs) {
                assertThat(FeatureCalculator.asOf(back, cutoff)).isEqualTo(FeatureCalculator.asOf(history, cutoff));
                assertThat(Labels.futureSpend(back, cutoff, HORIZON)).isEqualTo(Labels.futureSpend(history, cutoff,
                        HORIZON));
            }
        }
    }

    @Test
    void partsThatCannotBeAHistoryAreRefused() {
        assertThatThrownBy(() -> CustomerHistory.fromParts(new CustomerHistory.Parts("7", new long[] {2, 1},
                new double[] {1, 1}, new long[0], new double[0], new long[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer 7");
        assertThatThrownBy(() -> CustomerHistory.fromParts(new CustomerHistory.Parts("7", new long[] {1},
                new double[0], new long[0], new double[0], new long[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CustomerHistory.fromParts(new CustomerHistory.Parts("7", null,
                new double[0], new long[0], new double[0], new long[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all five arrays");
    }
}
