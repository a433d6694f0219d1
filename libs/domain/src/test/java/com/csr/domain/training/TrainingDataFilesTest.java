package com.csr.domain.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.SampleData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training set written to files reads back exactly. */
class TrainingDataFilesTest {

    @Test
    void roundTripsExactly(@TempDir Path directory) {
        SampleData sample = SampleData.get();
        TrainingData data = TrainingData.build(sample.histories.values(), sample.clean.asOf(), SampleData.HORIZON);

        TrainingDataFiles.write(data, directory);

        assertThat(TrainingDataFiles.read(directory)).isEqualTo(data);
        assertThat(data.earlier().size()).isGreaterThan(data.later().size());
        assertThat(data.validationSummaries()).hasSize(data.later().size());
    }
}
