package org.paper2code.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.TermCriteria;
import org.opencv.ml.Ml;
import org.opencv.ml.RTrees;
import org.opencv.ml.TrainData;
import org.paper2code.eval.DiagramStyle;

/**
 * OpenCV random trees over {@link FigureFeatures}: class = {@link DiagramStyle#ordinal()},
 * probability = share of tree votes. Training is deterministic for a seed (OpenCV's RNG is
 * seeded and runs on one thread). Saved as gzip-compressed OpenCV XML.
 */
public final class StyleModel {
    /** Forest settings; the defaults are the ones the committed model was trained with. */
    public record Params(int trees, int maxDepth, int minSamples, long seed) {
        public static final Params DEFAULT = new Params(120, 18, 2, 11);
    }

    private final RTrees trees;

    private StyleModel(RTrees trees) {
        this.trees = trees;
    }

    /** Rows of {@code x} are feature vectors; {@code w} weighs each row (real figures count more). */
    public static StyleModel train(float[][] x, int[] y, float[] w, Params p) {
        OpenCvNative.load();
        int n = x.length;
        int d = x[0].length;
        Mat samples = new Mat(n, d, CvType.CV_32F);
        Mat responses = new Mat(n, 1, CvType.CV_32S);
        Mat weights = new Mat(n, 1, CvType.CV_32F);
        for (int i = 0; i < n; i++) {
            samples.put(i, 0, x[i]);
            responses.put(i, 0, new int[] {y[i]});
            weights.put(i, 0, new float[] {w == null ? 1f : w[i]});
        }
        Mat varType = new Mat(d + 1, 1, CvType.CV_8U);
        for (int i = 0; i < d; i++) {
            varType.put(i, 0, new byte[] {Ml.VAR_ORDERED});
        }
        varType.put(d, 0, new byte[] {Ml.VAR_CATEGORICAL});
        TrainData data = TrainData.create(samples, Ml.ROW_SAMPLE, responses, new Mat(), new Mat(), weights, varType);
        RTrees rt = RTrees.create();
        rt.setMaxDepth(p.maxDepth());
        rt.setMinSampleCount(p.minSamples());
        rt.setActiveVarCount(0);
        rt.setCalculateVarImportance(true);
        rt.setTermCriteria(new TermCriteria(TermCriteria.MAX_ITER, p.trees(), 0));
        int threads = Core.getNumThreads();
        Core.setNumThreads(1);
        Core.setRNGSeed((int) p.seed());
        rt.train(data);
        Core.setNumThreads(threads);
        samples.release();
        responses.release();
        weights.release();
        varType.release();
        return new StyleModel(rt);
    }

    public static StyleModel load(Path file) throws IOException {
        OpenCvNative.load();
        if (!Files.isRegularFile(file)) {
            throw new IOException("classifier model not found: " + file + " (train it with scripts/train-classifier)");
        }
        RTrees rt = RTrees.load(file.toAbsolutePath().toString());
        if (rt.empty() || !rt.isTrained()) {
            throw new IOException("not a trained classifier model: " + file);
        }
        return new StyleModel(rt);
    }

    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        trees.save(file.toAbsolutePath().toString());
    }

    public int featureCount() {
        return trees.getVarCount();
    }

    /** Relative importance per feature (OpenCV's permutation importance), in feature order. */
    public float[] importance() {
        Mat m = trees.getVarImportance();
        float[] v = new float[(int) m.total()];
        Mat f = new Mat();
        m.convertTo(f, CvType.CV_32F);
        f.reshape(1, 1).get(0, 0, v);
        f.release();
        return v;
    }

    /** Probability per style; styles the forest never saw get 0. */
    public Map<DiagramStyle, Double> probabilities(float[] features) {
        if (features.length != featureCount()) {
            throw new IllegalArgumentException("model expects " + featureCount() + " features, got " + features.length
                    + " (model and feature code out of step: retrain with scripts/train-classifier)");
        }
        Mat sample = new Mat(1, features.length, CvType.CV_32F);
        sample.put(0, 0, features);
        Mat votes = new Mat();
        trees.getVotes(sample, votes, 0);
        Map<DiagramStyle, Double> out = new EnumMap<>(DiagramStyle.class);
        for (DiagramStyle s : DiagramStyle.values()) {
            out.put(s, 0.0);
        }
        double total = 0;
        int[] counts = new int[votes.cols()];
        int[] labels = new int[votes.cols()];
        Mat v32 = new Mat();
        votes.convertTo(v32, CvType.CV_32S);
        v32.get(0, 0, labels);
        v32.get(1, 0, counts);
        for (int c : counts) {
            total += c;
        }
        for (int i = 0; i < labels.length; i++) {
            DiagramStyle s = DiagramStyle.values()[labels[i]];
            out.put(s, total == 0 ? 0 : counts[i] / total);
        }
        sample.release();
        votes.release();
        v32.release();
        return out;
    }

    /** The most probable style; ties go to the earlier style in {@link DiagramStyle} order. */
    public static DiagramStyle argmax(Map<DiagramStyle, Double> p) {
        DiagramStyle best = DiagramStyle.OTHER;
        double bp = -1;
        for (DiagramStyle s : DiagramStyle.values()) {
            double v = p.getOrDefault(s, 0.0);
            if (v > bp) {
                bp = v;
                best = s;
            }
        }
        return best;
    }
}
