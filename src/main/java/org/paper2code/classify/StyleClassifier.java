package org.paper2code.classify;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.FigureClassifier;

/**
 * The figure classifier: image file to style + probabilities. The model is read from
 * {@code models/classifier/style-model.xml.gz} (see {@link #defaultModel()}), never fetched.
 */
public final class StyleClassifier implements FigureClassifier {
    public static final String MODEL_PROPERTY = "paper2code.classifier.model";
    public static final String MODEL_ENV = "PAPER2CODE_CLASSIFIER_MODEL";
    public static final String MODEL_PATH = "models/classifier/style-model.xml.gz";

    private static StyleClassifier standard;

    private final StyleModel model;

    public StyleClassifier(StyleModel model) {
        this.model = model;
    }

    public static StyleClassifier load(Path modelFile) throws IOException {
        return new StyleClassifier(StyleModel.load(modelFile));
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
            f = FigureFeatures.extract(bgr);
        } finally {
            bgr.release();
        }
        long t2 = System.nanoTime();
        Map<DiagramStyle, Double> p = model.probabilities(f);
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
        Mat bgr = FigureImage.decode(bytes, name);
        try {
            return FigureFeatures.extract(bgr);
        } finally {
            bgr.release();
        }
    }
}
