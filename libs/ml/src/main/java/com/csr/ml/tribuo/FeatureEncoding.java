package com.csr.ml.tribuo;

import com.csr.domain.features.CustomerFeatures;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * How a model sees a customer's features. Trainers and scorers both go through here, so a model is always served
 * with the encoding it was trained on.
 */
public enum FeatureEncoding {

    /** All features as they are: trees do not care about scale. */
    RAW(CustomerFeatures.NAMES) {
        @Override
        double[] values(CustomerFeatures f) {
            return f.toArray();
        }
    },

    /** Money, counts and days on a signed log scale (skewed, heavy-tailed), rates and trend as they are. */
    LOG(CustomerFeatures.NAMES) {
        @Override
        double[] values(CustomerFeatures f) {
            double[] v = f.toArray();
            for (int i = 0; i < v.length; i++) {
                if (i != RETURN_RATE && i != SPEND_TREND) {
                    v[i] = signedLog(v[i]);
                }
            }
            return v;
        }
    },

    /** Log recency, frequency and monetary value: the space customer personas are found in. */
    RFM(List.of("log_recency_days", "log_frequency", "log_monetary")) {
        @Override
        double[] values(CustomerFeatures f) {
            return new double[] {Math.log1p(Math.max(0, f.recencyDays())), Math.log1p(f.frequency()),
                Math.log1p(Math.max(0, f.monetary()))};
        }
    };

    private static final int RETURN_RATE = CustomerFeatures.NAMES.indexOf("return_rate");
    private static final int SPEND_TREND = CustomerFeatures.NAMES.indexOf("spend_trend");

    private final String[] names;

    FeatureEncoding(List<String> names) {
        this.names = names.toArray(String[]::new);
    }

    /** The encoded values, in {@link #featureNames()} order. */
    abstract double[] values(CustomerFeatures f);

    public List<String> featureNames() {
        return List.of(names);
    }

    /** A Tribuo example of these features with the given output (a label, a target, or "unknown" for scoring). */
    public <T extends Output<T>> Example<T> example(CustomerFeatures features, T output) {
        return new ArrayExample<>(output, names, values(features));
    }

    /** The encoded values, for scorers that bypass Tribuo's examples. */
    public double[] encode(CustomerFeatures features) {
        return values(features);
    }

    static double signedLog(double x) {
        return Math.signum(x) * Math.log1p(Math.abs(x));
    }
}
