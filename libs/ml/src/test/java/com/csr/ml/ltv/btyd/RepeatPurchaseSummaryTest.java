package com.csr.ml.ltv.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.domain.features.RepeatPurchaseSummary;
import org.junit.jupiter.api.Test;

class RepeatPurchaseSummaryTest {

    @Test
    void acceptsConsistentHistories() {
        RepeatPurchaseSummary repeat = new RepeatPurchaseSummary("c1", 2, 30.43, 38.86, 22.35);
        assertThat(repeat.hasRepeatSpend()).isTrue();
        assertThat(RepeatPurchaseSummary.withoutSpend("c2", 2, 30.43, 38.86).hasRepeatSpend()).isFalse();
        assertThat(new RepeatPurchaseSummary("c3", 0, 0, 0, 0).hasRepeatSpend()).isFalse();
        assertThat(new RepeatPurchaseSummary("c4", 1, 5, 5, 10).recency()).isEqualTo(5);
    }

    @Test
    void rejectsNegativeOrNonFiniteValues() {
        assertThatThrownBy(() -> new RepeatPurchaseSummary("c", -1, 0, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frequency");
        assertThatThrownBy(() -> new RepeatPurchaseSummary("c", 1, -0.5, 10, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recency");
        assertThatThrownBy(() -> new RepeatPurchaseSummary("c", 1, 1, -10, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("age");
        assertThatThrownBy(() -> new RepeatPurchaseSummary("c", 1, 1, 10, -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("averageSpend");
        assertThatThrownBy(() -> new RepeatPurchaseSummary("c", 1, 1, Double.NaN, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("age");
        assertThatThrownBy(() -> new RepeatPurchaseSummary("c", 1, 1, Double.POSITIVE_INFINITY, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("age");
        assertThatThrownBy(() -> new RepeatPurchaseSummary(null, 1, 1, 10, 5)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejectsInconsistentHistories() {
        assertThatThrownBy(() -> new RepeatPurchaseSummary("c", 2, 40, 38.86, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recency (40.0) must not exceed age (38.86)");
        assertThatThrownBy(() -> new RepeatPurchaseSummary("c", 0, 3, 38.86, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without repeat purchases");
        assertThatThrownBy(() -> new RepeatPurchaseSummary("c", 0, 0, 38.86, 12.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without repeat purchases");
    }
}
