package com.csr.ml.tribuo;

import com.csr.domain.features.CustomerFeatures;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Builds Tribuo datasets of customers, and keeps Tribuo's per-iteration INFO logging off the terminal. */
public final class TribuoData {

    /** Held so the logging configuration is not garbage-collected with the logger. */
    private static final Logger TRIBUO_LOGGER = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOGGER.setLevel(Level.WARNING);
    }

    private TribuoData() {
    }

    /**
     * A dataset of customers, each encoded and given its output. Features that take one value for everybody (no
     * returns in a file, say) are left out: they carry no information and would divide standardization by zero.
     * Scoring ignores features a model was not trained on.
     *
     * @param description what the rows are, recorded in the model's provenance
     */
    public static <T extends Output<T>, R> MutableDataset<T> dataset(String description, OutputFactory<T> factory,
                                                                     FeatureEncoding encoding, List<R> rows,
                                                                     Function<R, CustomerFeatures> features,
                                                                     Function<R, T> output) {
        MutableDataset<T> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        List<Example<T>> examples = rows.stream().map(r -> encoding.example(features.apply(r), output.apply(r)))
                .toList();
        List<Feature> constant = constantFeatures(encoding, examples);
        for (Example<T> example : examples) {
            if (!constant.isEmpty()) {
                example.removeFeatures(constant);
            }
            dataset.add(example);
        }
        return dataset;
    }

    private static <T extends Output<T>> List<Feature> constantFeatures(FeatureEncoding encoding,
                                                                         List<Example<T>> examples) {
        List<String> names = encoding.featureNames();
        double[] first = new double[names.size()];
        boolean[] varies = new boolean[names.size()];
        for (int e = 0; e < examples.size(); e++) {
            for (Feature feature : examples.get(e)) {
                int index = names.indexOf(feature.getName());
                if (e == 0) {
                    first[index] = feature.getValue();
                } else if (feature.getValue() != first[index]) {
                    varies[index] = true;
                }
            }
        }
        List<Feature> constant = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!varies[i]) {
                constant.add(new Feature(names.get(i), first[i]));
            }
        }
        return examples.size() > 1 ? constant : List.of();
    }

    /** Unlabelled examples for scoring. */
    public static <T extends Output<T>> List<Example<T>> examples(FeatureEncoding encoding,
                                                                  List<CustomerFeatures> customers, T unknown) {
        return customers.stream().map(f -> encoding.example(f, unknown)).toList();
    }
}
