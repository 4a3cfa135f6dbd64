package org.paper2code.classify;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.paper2code.eval.DiagramStyle;

/**
 * The style classifier's second model: a small multi-layer perceptron over the same
 * {@link FigureFeatures} as the forest (trained in PyTorch by scripts/train-classifier-mlp.py,
 * exported to ONNX with the feature standardisation and the softmax inside the graph, run here
 * with ONNX Runtime on one thread: no Python at run time). Input {@code [1, features]}, output
 * a probability per style in {@link DiagramStyle} order.
 */
public final class StyleNet implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String input;
    private final int featureCount;

    private StyleNet(OrtEnvironment env, OrtSession session) throws OrtException {
        this.env = env;
        this.session = session;
        this.input = session.getInputNames().iterator().next();
        long[] shape = ((TensorInfo) session.getInputInfo().get(input).getInfo()).getShape();
        this.featureCount = (int) shape[shape.length - 1];
    }

    public int featureCount() {
        return featureCount;
    }

    public static StyleNet load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("classifier network not found: " + file + " (train it with scripts/train-classifier)");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "paper2code");
        try {
            OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
            opts.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            // one figure at a time on one core: the batch pipeline parallelises over figures
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            return new StyleNet(env, env.createSession(file.toString(), opts));
        } catch (OrtException e) {
            throw new IOException("not a usable classifier network: " + file + ": " + e.getMessage(), e);
        }
    }

    /** Probability per style of one feature vector ({@link FigureFeatures#extract}). */
    public Map<DiagramStyle, Double> probabilities(float[] features) {
        if (features.length != featureCount) {
            throw new IllegalArgumentException("network expects " + featureCount + " features, got " + features.length
                    + " (network and feature code out of step: retrain with scripts/train-classifier)");
        }
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(features), new long[] {1, features.length});
             OrtSession.Result r = session.run(Map.of(input, t))) {
            float[][] out = (float[][]) r.get(0).getValue();
            Map<DiagramStyle, Double> p = new EnumMap<>(DiagramStyle.class);
            for (DiagramStyle s : DiagramStyle.values()) {
                p.put(s, (double) out[0][s.ordinal()]);
            }
            return p;
        } catch (OrtException e) {
            throw new IllegalStateException("classifier network failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session that ran: nothing useful to do with the error
        }
    }
}
