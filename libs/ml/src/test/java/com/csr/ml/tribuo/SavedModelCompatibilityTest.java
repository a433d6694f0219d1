package com.csr.ml.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.persona.Persona;
import com.csr.ml.churn.ChurnAlgorithm;
import com.csr.ml.churn.ChurnModel;
import com.csr.ml.ltv.LtvModel;
import com.csr.ml.segment.SegmentModel;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Models saved by version 0.1 still load and score as they did (customer 17940 of the sample as of 2010-12-09). */
class SavedModelCompatibilityTest {

    /** Customer 17940's features as of 2010-12-09, as the pipeline computed them then. */
    private static final CustomerFeatures CUSTOMER_17940 = CustomerFeatures.fromArray(new double[] {
        80.35208333333334, 5.0, 26237.4, 5247.4800000000005, 8.0, 72.78159722222222, 291.12638888888887,
        371.4784722222222, 0.0, 0.0, 3707.4, 0.0, 1.0, 1.0});

    private static Path directory() throws URISyntaxException {
        return Path.of(SavedModelCompatibilityTest.class.getResource("/models/v0.1").toURI());
    }

    @Test
    void version01ModelsLoadAndScore() throws URISyntaxException {
        SegmentModel segments = SegmentModel.load(directory());
        ChurnModel churn = ChurnModel.load(directory());
        LtvModel ltv = LtvModel.load(directory());

        assertThat(segments.persona(CUSTOMER_17940)).isEqualTo(Persona.AT_RISK);
        assertThat(churn.algorithm()).isEqualTo(ChurnAlgorithm.LOGISTIC_REGRESSION);
        assertThat(churn.probability(CUSTOMER_17940)).isCloseTo(0.20817022085750014, within(1e-12));
        // XGBoost's own answer is 5036.326 (in float); version 0.1 walked the trees in doubles and said 5036.290
        assertThat(ltv.predict(CUSTOMER_17940)).isCloseTo(5036.326, within(1e-3));
        assertThat(ltv.predictAll(List.of(CUSTOMER_17940))[0]).isEqualTo(ltv.predict(CUSTOMER_17940));
    }
}
