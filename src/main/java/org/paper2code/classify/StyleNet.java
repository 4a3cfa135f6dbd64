package org.paper2code.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.dnn.Net;
import org.paper2code.eval.DiagramStyle;

/**
 * The style classifier's second model: a small multi-layer perceptron over the same
 * {@link FigureFeatures} as the forest (trained in PyTorch by scripts/train-classifier-mlp.py,
 * exported to ONNX with the feature standardisation and the softmax inside the graph). Run with
 * OpenCV's dnn module, which the classifier loads anyway: no Python at run time, and not ONNX
 * Runtime, whose 1.29 natives crash the JVM when the process command line is longer than about
 * 4 KB (e.g. {@code paper2code classify} over a few hundred files). Input {@code [1, features]},
 * output a probability per style in {@link DiagramStyle} order; same numbers as ONNX Runtime.
 */
public final class StyleNet {
    private final Net net;
    private final int featureCount;

    private StyleNet(Net net, int featureCount) {
        this.net = net;
        this.featureCount = featureCount;
    }

    public static StyleNet load(Path file) throws IOException {
        // the feature count is the input's last dimension
        OnnxNet n = OnnxNet.load(file, "classifier network", " (train it with scripts/train-classifier)");
        if (n.inputLastDim() <= 0) {
            throw new IOException("not a usable classifier network: " + file);
        }
        return new StyleNet(n.net(), n.inputLastDim());
    }

    public int featureCount() {
        return featureCount;
    }

    /**
     * Probability per style of one feature vector ({@link FigureFeatures#extract}). Synchronised:
     * a dnn Net keeps its input and blobs between calls, and the pipeline shares one classifier
     * between threads (a forward pass is a fraction of a millisecond).
     */
    public synchronized Map<DiagramStyle, Double> probabilities(float[] features) {
        if (features.length != featureCount) {
            throw new IllegalArgumentException("network expects " + featureCount + " features, got " + features.length
                    + " (network and feature code out of step: retrain with scripts/train-classifier)");
        }
        Mat in = new Mat(1, features.length, CvType.CV_32F);
        in.put(0, 0, features);
        net.setInput(in);
        Mat out = net.forward();
        float[] p = new float[DiagramStyle.values().length];
        out.get(0, 0, p);
        in.release();
        out.release();
        Map<DiagramStyle, Double> m = new EnumMap<>(DiagramStyle.class);
        for (DiagramStyle s : DiagramStyle.values()) {
            m.put(s, (double) p[s.ordinal()]);
        }
        return m;
    }
}
