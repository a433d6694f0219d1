package com.csr.ml.ltv;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.SampleData;
import com.csr.domain.features.RepeatPurchaseSummary;
import com.csr.domain.training.TrainingData;
import com.csr.ml.ltv.btyd.BtydBaseline;
import com.csr.ml.tribuo.Seeds;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The baseline is a yardstick fitted wherever it can be; where it cannot, the model is still trained. */
class LtvTrainerTest {

    @Test
    void onAHistoryWhoseBgNbdFitRunsOffThePenalizedFitGivesTheBaselineAllTheSame() {
        SampleData sample = SampleData.get();
        // on the sample's first eight months the plain BG/NBD fit runs off to a ≈ 780,000 and its 2F1 does not
        // converge; penalized as lifetimes is, it stays near the data
        LocalDate asOf = sample.clean.asOf().minusDays(120);
        TrainingData data = TrainingData.build(sample.histories.values(), asOf, SampleData.HORIZON);

        LtvSelection s = new LtvTrainer(Seeds.DEFAULT).train(data.earlier(), data.later(), data.latest(),
                data.validationSummaries());

        assertThat(s.model()).isNotNull();
        assertThat(s.baselineFailure()).isNull();
        BtydBaseline baseline = s.baselineParameters();
        assertThat(baseline.purchases().a()).isLessThan(1e4);
        assertThat(baseline.purchases().b()).isLessThan(1e4);
        assertThat(s.baseline().normalizedGini()).isBetween(0.0, 1.0);
        assertThat(s.baseline().totalRatio()).isPositive();
    }

    @Test
    void aHistoryTheBaselineCannotBeFittedToStillGivesAModel() {
        SampleData sample = SampleData.get();
        TrainingData data = TrainingData.build(sample.histories.values(), sample.clean.asOf(), SampleData.HORIZON);
        // nobody bought twice: the BG/NBD likelihood has no maximum
        List<RepeatPurchaseSummary> once = data.validationSummaries().stream()
                .map(c -> new RepeatPurchaseSummary(c.customerId(), 0, 0, c.age(), 0)).toList();

        LtvSelection s = new LtvTrainer(Seeds.DEFAULT).train(data.earlier(), data.later(), data.latest(), once);

        assertThat(s.model()).isNotNull();
        assertThat(s.xgboost().normalizedGini()).isBetween(0.0, 1.0);
        assertThat(s.baseline()).isNull();
        assertThat(s.baselineFailure()).contains("could not be fitted").contains("no customer has a repeat purchase");
    }
}
