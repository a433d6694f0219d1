package com.csr.platform.testing;

import com.csr.contracts.events.TrainingDataset;
import com.csr.domain.SampleData;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.training.TrainingData;
import com.csr.domain.training.TrainingDataFiles;
import com.csr.platform.artifacts.ArtifactFolder;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.ArtifactStore;
import java.nio.file.Path;
import java.util.List;

/**
 * Training sets from a quarter of the Online Retail II sample, written where a service finds them: enough to learn
 * from, quick to train (the whole sample takes ~20 s for churn here).
 */
public final class SampleTrainingSets {

    private SampleTrainingSets() {
    }

    /** The training data of a quarter of the sample's customers, a different quarter per number (0 to 3). */
    public static TrainingData quarter(int quarter) {
        SampleData sample = SampleData.get();
        List<CustomerHistory> histories = sample.histories.values().stream()
                .filter(h -> Math.floorMod(h.customerId().hashCode(), 4) == quarter).toList();
        return TrainingData.build(histories, sample.clean.asOf(), SampleData.HORIZON);
    }

    /** Writes training data as the tenant's training set {@code datasetId}; the announcement to publish. */
    public static TrainingDataset write(ArtifactStore artifacts, String tenantId, String datasetId,
                                        TrainingData data) {
        String folder = ArtifactLayout.dataset(tenantId, datasetId);
        ArtifactFolder.write(artifacts, folder, directory -> TrainingDataFiles.write(data, directory));
        return new TrainingDataset(tenantId, datasetId, artifacts.uri(folder), data.asOf().toString(),
                data.horizon().days(), data.scoring().size(), "2010-12-10T00:00:00Z");
    }
}
