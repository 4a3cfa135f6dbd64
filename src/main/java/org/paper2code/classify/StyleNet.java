package org.paper2code.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.paper2code.emit.onnx.proto.OnnxProto.ModelProto;
import org.paper2code.emit.onnx.proto.OnnxProto.TensorShapeProto;
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
        if (!Files.isRegularFile(file)) {
            throw new IOException("classifier network not found: " + file + " (train it with scripts/train-classifier)");
        }
        int features;
        try {
            // the feature count is the input's last dimension; dnn does not expose it
            ModelProto m = ModelProto.parseFrom(Files.readAllBytes(file));
            TensorShapeProto shape = m.getGraph().getInput(0).getType().getTensorType().getShape();
            features = (int) shape.getDim(shape.getDimCount() - 1).getDimValue();
        } catch (IOException | RuntimeException e) {
            throw new IOException("not an ONNX classifier network: " + file + ": " + e.getMessage(), e);
        }
        OpenCvNative.load();
        Net net;
        try {
            net = Dnn.readNetFromONNX(file.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            throw new IOException("OpenCV cannot read the classifier network " + file + ": " + e.getMessage(), e);
        }
        if (net.empty() || features <= 0) {
            throw new IOException("not a usable classifier network: " + file);
        }
        return new StyleNet(net, features);
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
