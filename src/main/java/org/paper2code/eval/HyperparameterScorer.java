package org.paper2code.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores mined hyperparameters against a paper's truth, per key. A predicted key is a true
 * positive when the truth has the key with an equal value (numbers within relative tolerance
 * {@link #REL_TOL}, strings case-insensitive, maps such as {@code lr_schedule} key by key);
 * otherwise it is a false positive. A truth key not predicted correctly is a false negative
 * (so a wrong value counts once as each).
 */
public final class HyperparameterScorer {
    public static final double REL_TOL = 1e-6;

    private HyperparameterScorer() {
    }

    public static Map<String, Prf> score(Map<String, Object> predicted, Map<String, Object> truth) {
        Map<String, Prf> out = new TreeMap<>();
        TreeSet<String> keys = new TreeSet<>(predicted.keySet());
        keys.addAll(truth.keySet());
        for (String k : keys) {
            boolean hasP = predicted.containsKey(k) && predicted.get(k) != null;
            boolean hasT = truth.containsKey(k) && truth.get(k) != null;
            boolean ok = hasP && hasT && same(predicted.get(k), truth.get(k));
            out.put(k, new Prf(ok ? 1 : 0, hasP && !ok ? 1 : 0, hasT && !ok ? 1 : 0));
        }
        return out;
    }

    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            double p = x.doubleValue();
            double q = y.doubleValue();
            return p == q || Math.abs(p - q) <= REL_TOL * Math.max(Math.abs(p), Math.abs(q));
        }
        if (a instanceof String x && b instanceof String y) {
            return x.trim().equalsIgnoreCase(y.trim());
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            return x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a != null && a.equals(b);
    }
}
