package com.csr.ml.tracking;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Model;

/** Turns what a training knows into the flat name → value maps a tracking server takes. */
public final class RunParameters {

    private RunParameters() {
    }

    /** The model's Tribuo provenance (trainer, hyperparameters, seeds, data), flattened under {@code provenance.}. */
    public static Map<String, String> provenance(Model<?> model) {
        Map<String, String> flat = new TreeMap<>();
        flatten("provenance", ProvenanceUtil.convertToMap(model.getProvenance()), flat);
        return flat;
    }

    /** Numeric metrics, nested maps flattened with dots; anything else left out. */
    public static Map<String, Double> metrics(Map<String, ?> metrics) {
        Map<String, Double> flat = new TreeMap<>();
        flattenNumbers("", metrics, flat);
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix + "." + k, v, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "." + i, list.get(i), into);
            }
        } else if (value != null) {
            into.put(prefix, String.valueOf(value));
        }
    }

    private static void flattenNumbers(String prefix, Object value, Map<String, Double> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flattenNumbers(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flattenNumbers(prefix + "." + i, list.get(i), into);
            }
        } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            into.put(prefix, n.doubleValue());
        }
    }
}
