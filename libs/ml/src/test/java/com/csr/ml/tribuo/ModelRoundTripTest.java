package com.csr.ml.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.domain.SampleData;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.persona.Persona;
import com.csr.ml.churn.ChurnAlgorithm;
import com.csr.ml.churn.ChurnModel;
import com.csr.ml.churn.ChurnTrainer;
import com.csr.ml.ltv.LtvModel;
import com.csr.ml.ltv.LtvTrainer;
import com.csr.ml.segment.SegmentModel;
import com.csr.ml.segment.SegmentTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tribuo.classification.Label;

/**
 * Every model saved as Tribuo protobuf loads back predicting exactly the same; one customer scores exactly as in a
 * batch, the XGBoost models too (trees walked in Java one at a time, summed by XGBoost in a batch).
 */
class ModelRoundTripTest {

    private static final SampleData SAMPLE = SampleData.get();
    private static final List<CustomerFeatures> CUSTOMERS =
            SAMPLE.later.rows().stream().map(LabelledCustomer::features).toList();

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(ChurnAlgorithm.class)
    void churnModelsRoundTripAndScoreOneCustomerAsInABatch(ChurnAlgorithm algorithm) {
        ChurnModel model = new ChurnTrainer(Seeds.DEFAULT).fit(algorithm, SAMPLE.earlier);
        model.save(directory);
        ChurnModel loaded = ChurnModel.load(directory);

        double[] batch = model.probabilities(CUSTOMERS);
        assertThat(loaded.algorithm()).isEqualTo(algorithm);
        assertThat(loaded.probabilities(CUSTOMERS)).containsExactly(batch);
        for (int i = 0; i < CUSTOMERS.size(); i++) {
            assertThat(loaded.probability(CUSTOMERS.get(i))).isEqualTo(batch[i]);
        }
    }

    @Test
    void ltvModelRoundTripsAndScoresOneCustomerAsInABatch() {
        LtvModel model = new LtvTrainer(Seeds.DEFAULT).fit(SAMPLE.earlier);
        model.save(directory);
        LtvModel loaded = LtvModel.load(directory);

        double[] batch = model.predictAll(CUSTOMERS);
        assertThat(loaded.predictAll(CUSTOMERS)).containsExactly(batch);
        for (int i = 0; i < CUSTOMERS.size(); i++) {
            assertThat(loaded.predict(CUSTOMERS.get(i))).isEqualTo(batch[i]);
        }
    }

    @Test
    void segmentModelRoundTrips() {
        SegmentModel model = new SegmentTrainer(5, 5, Seeds.DEFAULT).train(CUSTOMERS).model();
        model.save(directory);
        SegmentModel loaded = SegmentModel.load(directory);

        List<Persona> personas = model.personas(CUSTOMERS);
        assertThat(loaded.personas(CUSTOMERS)).isEqualTo(personas);
        assertThat(CUSTOMERS.stream().map(loaded::persona).toList()).isEqualTo(personas);
    }

    @Test
    void aModelOfAnotherKindIsRefused() throws Exception {
        new LtvTrainer(Seeds.DEFAULT).fit(SAMPLE.earlier).save(directory);
        Files.move(directory.resolve(LtvModel.MODEL_FILE), directory.resolve(ChurnModel.MODEL_FILE));

        assertThatThrownBy(() -> ModelFiles.load(directory.resolve(ChurnModel.MODEL_FILE), Label.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Label");
    }
}
