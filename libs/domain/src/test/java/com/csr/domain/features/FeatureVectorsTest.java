package com.csr.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Feature maps as APIs send them: the original system's seven required, the rest filled in, bad values named. */
class FeatureVectorsTest {

    private static Map<String, Object> seed() {
        Map<String, Object> m = new HashMap<>();
        m.put("recency_days", 10);
        m.put("frequency", 5);
        m.put("monetary", 500.0);
        m.put("avg_basket_value", 100.0);
        m.put("unique_products", 12);
        m.put("avg_interpurchase_days", 20.0);
        m.put("purchase_span_days", 80.0);
        return m;
    }

    @Test
    void theSeedsSevenAreFilledInToAllFourteen() {
        CustomerFeatures f = FeatureVectors.fromMap(seed());

        assertThat(f.tenureDays()).isEqualTo(90.0);
        assertThat(f.returnRate()).isZero();
        assertThat(f.purchases30d()).isEqualTo(2);
        assertThat(f.purchases90d()).isEqualTo(5);
        assertThat(f.spend30d()).isEqualTo(200.0);
        assertThat(f.spend90d()).isEqualTo(500.0);
        assertThat(f.spendTrend()).isZero();
        assertThat(FeatureVectors.fromMap(FeatureVectors.toMap(f))).isEqualTo(f);
    }

    @Test
    void aCustomerNotSeenForLongerThanAWindowHasNothingInIt() {
        Map<String, Object> m = seed();
        m.put("recency_days", 120);
        CustomerFeatures f = FeatureVectors.fromMap(m);
        assertThat(f.purchases90d()).isZero();
        assertThat(f.spend30d()).isZero();
    }

    @Test
    void everyProblemIsNamed() {
        Map<String, Object> m = seed();
        m.remove("monetary");
        m.put("frequency", "five");
        m.put("recency_days", -3);
        m.put("avg_basket_value", Double.NaN);
        m.put("colour", 1);

        assertThatThrownBy(() -> FeatureVectors.fromMap(m)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("monetary is required")
                .hasMessageContaining("frequency must be a number, got \"five\"")
                .hasMessageContaining("recency_days must not be negative")
                .hasMessageContaining("avg_basket_value must be a finite number")
                .hasMessageContaining("colour is not a feature");
    }

    @Test
    void aComputedVectorMayHaveNegativeNetSpendButMustBeComplete() {
        Map<String, Double> computed = new HashMap<>(FeatureVectors.toMap(FeatureVectors.fromMap(seed())));
        computed.put("spend_90d", -15.7);

        assertThat(FeatureVectors.fromComputed(computed).spend90d()).isEqualTo(-15.7);
        computed.remove("spend_trend");
        assertThatThrownBy(() -> FeatureVectors.fromComputed(computed))
                .hasMessageContaining("spend_trend is missing");
    }

    @Test
    void valuesNoCustomerCanHaveAreRefusedBeforeAnyModelOverflowsOnThem() {
        Map<String, Object> huge = seed();
        huge.replaceAll((name, value) -> 1e308);
        assertThatThrownBy(() -> FeatureVectors.fromMap(huge))
                .hasMessageContaining("recency_days must be at most 36525 (a hundred years), got 1.0E308")
                .hasMessageContaining("monetary must be between -10^12 and 10^12, got 1.0E308");
        Map<String, Object> longAgo = seed();
        longAgo.put("recency_days", 36_526);
        assertThatThrownBy(() -> FeatureVectors.fromMap(longAgo)).hasMessageContaining("recency_days must be at most");
        Map<String, Object> big = seed();
        big.put("monetary", 9.9e11);
        assertThat(FeatureVectors.fromMap(big).monetary()).isEqualTo(9.9e11);
    }
}
