package org.paper2code.classify;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.FigureClassifier;

/**
 * The figure classifier: image file to style + probabilities. Up to three models, averaged with
 * equal weights: the random forest {@code models/classifier/style-model.xml.gz} (see
 * {@link #defaultModel()}) and, when their files sit next to it, the MLP {@value #NET_FILE} over the
 * same {@link FigureFeatures} and the logistic regression {@value #LINEAR_FILE} over the features
 * followed by the CNN embedding {@value FigureEmbedding#FILE} (trained on real figures only).
 * Paper-held-out on the real figures the average beats each model alone
 * (models/classifier/MODEL-CARD.md). Never fetched from the network.
 */
public final class StyleClassifier implements FigureClassifier {
    public static final String MODEL_PROPERTY = "paper2code.classifier.model";
    public static final String MODEL_ENV = "PAPER2CODE_CLASSIFIER_MODEL";
    public static final String MODEL_PATH = "models/classifier/style-model.xml.gz";
    /** The MLP's file name, looked for in the forest's folder. */
    public static final String NET_FILE = "style-mlp.onnx";
    /** The logistic regression over features + embedding, looked for in the forest's folder. */
    public static final String LINEAR_FILE = "style-linear.onnx";

    private static StyleClassifier standard;

    private final StyleModel model;
    private final StyleNet net;
    private final StyleNet linear;
    private final FigureEmbedding embedding;

    /** The forest alone (no MLP). */
    public StyleClassifier(StyleModel model) {
        this(model, null, null, null);
    }

    /**
     * The forest and, when not null, the MLP {@code net} and the logistic regression {@code linear},
     * averaged. The forest and the MLP read the {@link FigureFeatures}; the regression reads them
     * followed by the figure's CNN embedding, so it needs {@code embedding}.
     */
    public StyleClassifier(StyleModel model, StyleNet net, StyleNet linear, FigureEmbedding embedding) {
        if (net != null && net.featureCount() != model.featureCount()) {
            throw new IllegalArgumentException("forest reads " + model.featureCount() + " features, MLP expects " + net.featureCount()
                    + " (retrain both with scripts/train-classifier)");
        }
        if ((linear == null) != (embedding == null)) {
            throw new IllegalArgumentException("the regression " + LINEAR_FILE + " and the embedding " + FigureEmbedding.FILE
                    + " come together (retrain with scripts/train-classifier)");
        }
        if (linear != null && linear.featureCount() != model.featureCount() + embedding.size()) {
            throw new IllegalArgumentException("features + embedding give " + (model.featureCount() + embedding.size())
                    + " numbers, the regression expects " + linear.featureCount() + " (retrain with scripts/train-classifier)");
        }
        this.model = model;
        this.net = net;
        this.linear = linear;
        this.embedding = embedding;
    }

    /**
     * The forest in {@code modelFile} and, beside it when present, the MLP {@value #NET_FILE} and the
     * regression {@value #LINEAR_FILE} with the CNN {@value FigureEmbedding#FILE} whose embedding it reads.
     */
    public static StyleClassifier load(Path modelFile) throws IOException {
        StyleModel forest = StyleModel.load(modelFile);
        Path dir = modelFile.toAbsolutePath().getParent();
        StyleNet net = dir != null && Files.isRegularFile(dir.resolve(NET_FILE)) ? StyleNet.load(dir.resolve(NET_FILE)) : null;
        boolean hasLinear = dir != null && Files.isRegularFile(dir.resolve(LINEAR_FILE));
        StyleNet linear = hasLinear ? StyleNet.load(dir.resolve(LINEAR_FILE)) : null;
        FigureEmbedding cnn = hasLinear ? FigureEmbedding.load(dir.resolve(FigureEmbedding.FILE)) : null;
        return new StyleClassifier(forest, net, linear, cnn);
    }

    /** The default model, loaded once per process. */
    public static synchronized StyleClassifier standard() throws IOException {
        if (standard == null) {
            standard = load(defaultModel());
        }
        return standard;
    }

    /**
     * Where the model is: the system property or environment variable when set, else
     * {@value #MODEL_PATH} below the working directory, else below the project folder the
     * running jar or classes folder sits in (target/.. ), so the launcher works from anywhere.
     */
    public static Path defaultModel() throws IOException {
        String configured = System.getProperty(MODEL_PROPERTY, System.getenv(MODEL_ENV));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        List<Path> tried = new ArrayList<>();
        tried.add(Path.of(System.getProperty("user.dir")).resolve(MODEL_PATH));
        try {
            Path code = Path.of(StyleClassifier.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code.getParent(); p != null && tried.size() < 5; p = p.getParent()) {
                tried.add(p.resolve(MODEL_PATH));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): the working directory is all we have
        }
        for (Path p : tried) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("classifier model not found; looked at " + tried + " (set -D" + MODEL_PROPERTY
                + " or " + MODEL_ENV + ", or run scripts/train-classifier)");
    }

    public StyleModel model() {
        return model;
    }

    /** The MLP averaged with the forest, or null when this classifier is the forest alone. */
    StyleNet net() {
        return net;
    }

    /** The logistic regression over features + embedding, or null. */
    StyleNet linear() {
        return linear;
    }

    /** The CNN whose embedding follows the features in the regression's input, or null. */
    FigureEmbedding embedding() {
        return embedding;
    }

    /**
     * Probability per style of a figure's vector ({@link #vector}): the forest's and the MLP's (they
     * read the leading {@link FigureFeatures}) and the regression's (all of it), averaged.
     */
    public Map<DiagramStyle, Double> probabilities(float[] vector) {
        float[] features = vector.length > model.featureCount() ? Arrays.copyOf(vector, model.featureCount()) : vector;
        List<Map<DiagramStyle, Double>> votes = new ArrayList<>();
        votes.add(model.probabilities(features));
        if (net != null) {
            votes.add(net.probabilities(features));
        }
        if (linear != null) {
            votes.add(linear.probabilities(vector));
        }
        return average(votes);
    }

    /** The mean probability per style of several models (equal weights: no weight was tuned). */
    static Map<DiagramStyle, Double> average(List<Map<DiagramStyle, Double>> votes) {
        Map<DiagramStyle, Double> out = new EnumMap<>(DiagramStyle.class);
        for (DiagramStyle s : DiagramStyle.values()) {
            out.put(s, votes.stream().mapToDouble(v -> v.getOrDefault(s, 0.0)).sum() / votes.size());
        }
        return out;
    }

    @Override
    public DiagramStyle classify(Path image) throws IOException {
        return analyse(image).label();
    }

    public Classification analyse(Path image) throws IOException {
        return analyse(Files.isRegularFile(image) ? Files.readAllBytes(image) : null, image.toString());
    }

    public Classification analyse(byte[] bytes, String name) throws IOException {
        if (bytes == null) {
            throw new UnreadableImageException(name + ": no such file");
        }
        long t0 = System.nanoTime();
        Mat bgr = FigureImage.decode(bytes, name);
        long t1 = System.nanoTime();
        float[] f;
        try {
            f = vector(bgr, embedding);
        } finally {
            bgr.release();
        }
        long t2 = System.nanoTime();
        Map<DiagramStyle, Double> p = probabilities(f);
        long t3 = System.nanoTime();
        return new Classification(name, StyleModel.argmax(p), p, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }

    /**
     * A figure the pdf stage cut from a paper: the image model's answer with the caption's cue
     * ({@link CaptionCue}) folded into architecture-vs-other. A blank caption leaves it image-only.
     */
    public Classification analysePdfFigure(byte[] png, String name, String caption) throws IOException {
        Classification image = analyse(png, name);
        Map<DiagramStyle, Double> p = CaptionCue.combine(image.probabilities(), caption);
        return new Classification(name, StyleModel.argmax(p), p, image.decodeMillis(), image.featureMillis(), image.modelMillis());
    }

    /** Features of an encoded image (training and tests use the same decode path as classification). */
    public static float[] features(byte[] bytes, String name) throws IOException {
        return vector(bytes, name, null);
    }

    /** {@link FigureFeatures} of an encoded image followed by its embedding when {@code embedding} is not null. */
    public static float[] vector(byte[] bytes, String name, FigureEmbedding embedding) throws IOException {
        Mat bgr = FigureImage.decode(bytes, name);
        try {
            return vector(bgr, embedding);
        } finally {
            bgr.release();
        }
    }

    private static float[] vector(Mat bgr, FigureEmbedding embedding) {
        float[] f = FigureFeatures.extract(bgr);
        if (embedding == null) {
            return f;
        }
        float[] e = embedding.embed(bgr);
        float[] v = Arrays.copyOf(f, f.length + e.length);
        System.arraycopy(e, 0, v, f.length, e.length);
        return v;
    }
}
