package com.csr.ml.ltv;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.SampleData;
import com.csr.domain.training.TrainingData;
import com.csr.ml.tribuo.Seeds;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The baseline is a yardstick: where it cannot be fitted, the model is still trained and the reason kept. */
class LtvTrainerTest {

    @Test
    void aHistoryTheBaselineCannotBeFittedToStillGivesAModel() {
        SampleData sample = SampleData.get();
        // on the sample's first eight months the BG/NBD fit runs off to a ≈ 780,000 and its 2F1 does not converge
        LocalDate asOf = sample.clean.asOf().minusDays(120);
        TrainingData data = TrainingData.build(sample.histories.values(), asOf, SampleData.HORIZON);

        LtvSelection s = new LtvTrainer(Seeds.DEFAULT).train(data.earlier(), data.later(), data.latest(),
                data.validationSummaries());

        assertThat(s.model()).isNotNull();
        assertThat(s.xgboost().normalizedGini()).isBetween(0.0, 1.0);
        assertThat(s.baseline()).isNull();
        assertThat(s.baselineFailure()).contains("could not be fitted").contains("did not converge");
    }
}
