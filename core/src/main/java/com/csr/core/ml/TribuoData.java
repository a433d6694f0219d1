package com.csr.core.ml;

import com.csr.core.features.CustomerFeatures;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
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
     * A dataset of customers, each encoded and given its output.
     *
     * @param description what the rows are, recorded in the model's provenance
     */
    public static <T extends Output<T>, R> MutableDataset<T> dataset(String description, OutputFactory<T> factory,
                                                                     FeatureEncoding encoding, List<R> rows,
                                                                     Function<R, CustomerFeatures> features,
                                                                     Function<R, T> output) {
        MutableDataset<T> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        for (R row : rows) {
            dataset.add(encoding.example(features.apply(row), output.apply(row)));
        }
        return dataset;
    }

    /** Unlabelled examples for scoring. */
    public static <T extends Output<T>> List<Example<T>> examples(FeatureEncoding encoding,
                                                                  List<CustomerFeatures> customers, T unknown) {
        return customers.stream().map(f -> encoding.example(f, unknown)).toList();
    }
}
