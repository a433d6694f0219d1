package com.csr.modelservice.serving;

import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.TrainingDataset;
import com.csr.domain.SampleData;
import com.csr.domain.training.TrainingData;
import com.csr.ml.tribuo.Seeds;
import com.csr.platform.artifacts.S3ArtifactStore;
import com.csr.platform.testing.S3ProxyServer;
import com.csr.platform.testing.SampleTrainingSets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark, not a test: it runs only with {@code -Dmodel-swap-benchmark=true} (docs/benchmarks.md, "Loading a
 * model from S3"). Trains each kind on the whole sample into an S3 bucket (S3Proxy), then times what a serving
 * instance does when a model is published: fetch the folder, check every SHA-256, load, swap in — with a fresh
 * registry each time, so nothing is cached. Prints the figures and writes them to
 * {@code target/benchmarks/model-swap.txt}.
 */
@EnabledIfSystemProperty(named = "model-swap-benchmark", matches = "true")
class ModelSwapBenchmark {

    private static final int RUNS = 20;

    @TempDir
    Path directory;

    @Test
    void loadAndSwapFromS3() throws IOException {
        SampleData sample = SampleData.get();
        TrainingData data = TrainingData.build(sample.histories.values(), sample.clean.asOf(), SampleData.HORIZON);
        StringBuilder out = new StringBuilder("model swap from S3 (S3Proxy on this machine), " + RUNS
                + " swaps each, a fresh registry per swap\n");
        try (S3ProxyServer server = S3ProxyServer.start(directory); S3ArtifactStore store = server.store("bench")) {
            TrainingDataset dataset = SampleTrainingSets.write(store, "t1", "ds-1", data);
            for (ModelKind kind : ModelKind.values()) {
                ModelPublished published = new ModelRegistry(kind, store, Seeds.DEFAULT).train(dataset);
                String folder = store.keyOf(published.uri());
                long bytes = store.list(folder).stream().mapToLong(k -> store.get(k).orElseThrow().length).sum();
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    ModelRegistry server2 = new ModelRegistry(kind, store, Seeds.DEFAULT);
                    long start = System.nanoTime();
                    server2.activate(published);
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                double first = millis.remove(0);
                millis.sort(null);
                out.append(String.format(Locale.ROOT, "  %-8s folder %,10d bytes   first %6.1f ms   then median "
                        + "%6.1f ms, max %6.1f ms%n", kind.code(), bytes, first, millis.get(millis.size() / 2),
                        millis.get(millis.size() - 1)));
            }
        }
        System.out.print(out);
        Path report = Path.of("target", "benchmarks", "model-swap.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out);
    }
}
