package com.csr.ml.ltv.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HypergeometricTest {

    @Test
    void matchesClosedForms() {
        for (double z : new double[] {0.0, 0.1, 0.5, 0.9, 0.999}) {
            // 2F1(1, 1; 2; z) = -ln(1 - z) / z
            double log = z == 0 ? 1.0 : -Math.log1p(-z) / z;
            assertThat(Hypergeometric.hyp2f1(1, 1, 2, z)).isCloseTo(log, within(1e-12 * log));
            // 2F1(a, b; b; z) = (1 - z)^-a
            double power = Math.pow(1 - z, -0.37);
            assertThat(Hypergeometric.hyp2f1(0.37, 2.5, 2.5, z)).isCloseTo(power, within(1e-12 * power));
        }
    }

    @Test
    void terminatesForNegativeIntegerParameter() {
        double b = 1.7;
        double c = 3.2;
        double z = 0.6;
        double polynomial = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));
        assertThat(Hypergeometric.hyp2f1(-2, b, c, z)).isCloseTo(polynomial, within(1e-15));
    }

    @Test
    void guardsDomainAndConvergence() {
        assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, 2, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, 2, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, -2, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, 2, 0.9999999))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("did not converge");
    }
}
