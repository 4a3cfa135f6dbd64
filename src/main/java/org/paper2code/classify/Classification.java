package org.paper2code.classify;

import java.util.Map;
import org.paper2code.eval.DiagramStyle;

/**
 * One classified figure: the label, a probability per style (the forest's tree-vote share averaged
 * with the MLP's softmax, see {@link StyleClassifier}; in {@link DiagramStyle} order) and where the
 * time went.
 */
public record Classification(String file, DiagramStyle label, Map<DiagramStyle, Double> probabilities,
                             double decodeMillis, double featureMillis, double modelMillis) {
    public Classification {
        probabilities = Map.copyOf(probabilities);
    }

    public double confidence() {
        return probabilities.getOrDefault(label, 0.0);
    }

    public boolean isArchitecture() {
        return label.isArchitecture();
    }
}
