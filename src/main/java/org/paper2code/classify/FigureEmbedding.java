package org.paper2code.classify;

import java.io.IOException;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * A learned image representation of a figure: the pooled activations of a pretrained MobileNetV2
 * ({@value #FILE}, converted by scripts/convert-figure-cnn.py from the npm package nsfwjs 4.4.0,
 * MIT; see {@link #SOURCE}), run with OpenCV's dnn module. Read by the classifier's logistic regression. The figure is padded to a square on white (so wide pipelines
 * keep their shapes) and scaled to the network's input side; pixels RGB in [0, 1] as the network
 * was trained.
 */
public final class FigureEmbedding {
    /** The network's file name, looked for in the classifier's folder. */
    public static final String FILE = "figure-cnn.onnx";
    /** Where the committed network comes from and how it was made (for the model card). */
    public static final String SOURCE = "the first 11 blocks of the MobileNetV2 that the npm package nsfwjs 4.4.0 ships in its tarball "
            + "(MIT licence, Infinite Red; these blocks keep their ImageNet weights, nsfwjs fine-tuned only the later ones), converted by "
            + "`scripts/convert-figure-cnn.py NSFWJS_PACKAGE_DIR figure-cnn.onnx " + Taps.SIDE + " " + Taps.LAYERS + "`: each listed layer "
            + "global-average pooled, figure padded to a square on white and scaled to " + Taps.SIDE + " px.";

    /** The conversion's arguments (kept here so the model card and the committed file say the same). */
    static final class Taps {
        static final int SIDE = 224;
        static final String LAYERS = "block_10_project_BN";

        private Taps() {
        }
    }

    private final Net net;
    private final int side;
    private final int size;

    private FigureEmbedding(Net net, int side) {
        this.net = net;
        this.side = side;
        Mat blank = new Mat(side, side, CvType.CV_8UC3, new Scalar(255, 255, 255));
        this.size = embed(blank).length;
        blank.release();
    }

    /** The network in {@code file}; its input side is read from the graph's input shape [1, 3, side, side]. */
    public static FigureEmbedding load(Path file) throws IOException {
        OnnxNet n = OnnxNet.load(file, "figure embedding network", "");
        if (n.inputLastDim() <= 0) {
            throw new IOException("figure embedding network without a fixed input side: " + file);
        }
        return new FigureEmbedding(n.net(), n.inputLastDim());
    }

    /** Numbers per figure. */
    public int size() {
        return size;
    }

    /** Input side in pixels. */
    public int side() {
        return side;
    }

    /** The embedding of a decoded BGR figure. Synchronised: a dnn Net keeps its blobs between calls. */
    public synchronized float[] embed(Mat bgr) {
        Mat square = padToSquare(bgr);
        // area averaging: thin lines of a large figure survive the scale-down
        Mat small = new Mat();
        Imgproc.resize(square, small, new Size(side, side), 0, 0, Imgproc.INTER_AREA);
        square.release();
        Mat blob = Dnn.blobFromImage(small, 1 / 255.0, new Size(side, side), new Scalar(0, 0, 0), true, false);
        small.release();
        net.setInput(blob);
        Mat out = net.forward();
        float[] e = new float[(int) out.total()];
        out.reshape(1, 1).get(0, 0, e);
        blob.release();
        out.release();
        return e;
    }

    private static Mat padToSquare(Mat bgr) {
        int s = Math.max(bgr.cols(), bgr.rows());
        Mat square = new Mat(s, s, CvType.CV_8UC3, new Scalar(255, 255, 255));
        int x = (s - bgr.cols()) / 2;
        int y = (s - bgr.rows()) / 2;
        Mat roi = square.submat(new Rect(x, y, bgr.cols(), bgr.rows()));
        bgr.copyTo(roi);
        roi.release();
        return square;
    }
}
