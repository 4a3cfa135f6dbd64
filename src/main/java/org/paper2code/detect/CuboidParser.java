package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.paper2code.eval.DiagramStyle;

/**
 * 3D-box figures (AlexNet/VGG/LeNet drawings, PlotNeuralNet): each cuboid found by its front face is one layer, in
 * reading order, chained. Its numbers are its dimension labels: the one under the front face is the depth (channels,
 * or units of a dense bar), the one written along the depth edge at the bottom-right corner (rotated) the spatial
 * size. A word near it (conv, pool, fc, soft) names it; otherwise its type is inferred and marked so: the first
 * cuboid is the input, a long thin bar is a dense layer, an unlabelled box after a labelled one is its pooling,
 * and filters come from the depth label.
 */
final class CuboidParser implements StyleParser {
    private final LabelGrammar grammar = new LabelGrammar();
    private final FigureText textSource;

    CuboidParser() {
        this(FigureText.ocr());
    }

    /** Where the figure's words come from (OCR, or a vector PDF's own text). */
    CuboidParser(FigureText textSource) {
        this.textSource = textSource;
    }

    @Override
    public Detected detect(Mat bgr) {
        Mat grey = Cv.grey(bgr);
        Mat lines = new Mat();
        Imgproc.threshold(grey, lines, 110, 255, Imgproc.THRESH_BINARY_INV);
        List<CuboidFaces.Cuboid> cuboids = CuboidFaces.find(lines);
        Mat solidInk = Cv.ink(bgr, Cv.background(bgr), 40);
        List<Rect> solidShapes = DeckParser.shapes(solidInk);
        if (cuboids.isEmpty() && FaintOutlines.hollow(solidInk, solidShapes)) {
            cuboids = FaintOutlines.find(bgr);
        }
        // solid, opaque cuboids without outlines around every face (rendered figures) are better found as solid shapes
        int solid = solidShapes.size();
        if (distinctLayers(cuboids, solidShapes) <= solid) {
            return new DeckParser(DiagramStyle.BOX_3D, textSource).detect(bgr);
        }
        if (cuboids.isEmpty()) {
            return new Detected(List.of(), List.of(), false, "no cuboids (front face with depth edges) found");
        }
        List<TextLines.Line> text = textSource.lines(grey);
        if (LayerColumns.applies(text)) {
            // the cuboids only show the maps between blocks; the layers are the lines of text under them
            List<Rect> drawn = java.util.stream.Stream.concat(cuboids.stream().map(CuboidFaces.Cuboid::extent), solidShapes.stream()).toList();
            return new LayerColumns(textSource).read(grey, text, drawn);
        }
        ColourLegend legend = ColourLegend.read(bgr, text, grammar);
        cuboids = cuboids.stream().filter(c -> !legend.covers(c.extent())).toList();
        cuboids = java.util.stream.Stream.concat(cuboids.stream(), KeyedFlatBars.find(bgr, cuboids, legend).stream()).toList();
        int textHeight = medianHeight(text);
        if (System.getenv("P2C_DETECT_DEBUG") != null) {
            cuboids.forEach(c -> System.err.println("cuboid " + c + " tint " + ColourLegend.tint(bgr, Cv.grow(c.front(), 1))));
            legend.entries().forEach(e -> System.err.println("legend " + e));
            text.forEach(t -> System.err.println("text '" + t.text() + "' " + t.box()));
        }
        List<Layerish> layers = new ArrayList<>();
        for (int i = 0; i < cuboids.size(); i++) {
            Layerish l = describe(grey, cuboids, i, text, textHeight);
            // a size label ("14 x 14 x 512") tells how big a map is, the legend colour what kind of layer it is
            if (l.parsed == null || !l.parsed.mapShape().isEmpty()) {
                legend.kindOf(bgr, Cv.grow(cuboids.get(i).front(), 1)).ifPresent(p -> l.parsed = p);
            }
            layers.add(l);
        }
        type(layers);
        smallPrint(bgr, grey, cuboids, layers);
        List<Element> elements = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layerish l = layers.get(i);
            elements.add(new Element(cuboids.get(i).extent(), l.text, Optional.of(l.label(0.6)), 0.85));
            if (i > 0) {
                links.add(new Link(i - 1, i, 0.7));
            }
        }
        return new Detected(elements, links, false, null);
    }

    /**
     * The counts printed under the cuboids too small for the figure-wide reading (5-7 px digits on a wide figure), read
     * at glyph scale as on solid cuboids: each cuboid's depth is read under its front face.
     */
    private void smallPrint(Mat bgr, Mat grey, List<CuboidFaces.Cuboid> cuboids, List<Layerish> layers) {
        List<Rect> extents = cuboids.stream().map(CuboidFaces.Cuboid::extent).toList();
        List<FrontFaces.Face> faces = cuboids.stream()
                .map(c -> new FrontFaces.Face(c.front().height, c.front().width, c.front().y + c.front().height)).toList();
        new CuboidNumbers(grammar, textSource).apply(layers, extents, faces, Cv.grey(DeckParser.withoutShapes(bgr, extents)), grey);
    }

    /**
     * How many layers the cuboids stand for: cuboids whose fronts lie in one solid shape are one (a kernel cube drawn
     * on a map, a face read twice where a line crosses it, or a textured fill read as edges).
     */
    static int distinctLayers(List<CuboidFaces.Cuboid> cuboids, List<Rect> solidShapes) {
        java.util.Set<Rect> holding = new java.util.HashSet<>();
        int alone = 0;
        for (CuboidFaces.Cuboid c : cuboids) {
            Point centre = new Point(c.front().x + c.front().width / 2.0, c.front().y + c.front().height / 2.0);
            Optional<Rect> shape = solidShapes.stream().filter(s -> s.contains(centre)).findFirst();
            if (shape.isPresent()) {
                holding.add(shape.get());
            } else {
                alone++;
            }
        }
        return alone + holding.size();
    }

    /** One cuboid as read; beyond a deck's reading, whether its text says softmax and the name over it. */
    private static final class Layerish extends ShapeReading {
        boolean softmax;
        String tag = "";

        /** A cuboid keeps whatever its label gave, guessed or not: only missing parameters are inferred. */
        @Override
        void infer(String key, Object value) {
            if (!params.containsKey(key)) {
                params.put(key, value);
                inferred.add(key);
            }
        }
    }

    private Layerish describe(Mat grey, List<CuboidFaces.Cuboid> cuboids, int i, List<TextLines.Line> text, int th) {
        CuboidFaces.Cuboid c = cuboids.get(i);
        Rect f = c.front();
        Layerish l = new Layerish();
        l.flat = c.depthLength() > 3 * Math.max(f.width, f.height);
        List<String> words = new ArrayList<>();
        for (TextLines.Line t : text) {
            boolean under = t.cx() >= f.x - th && t.cx() <= f.x + f.width + th && t.box().y >= f.y + f.height - th / 2
                    && t.box().y <= f.y + f.height + 2 * th;
            boolean nameBelow = t.cx() >= f.x - 3 * th && t.cx() <= f.x + f.width + 3 * th && t.box().y > f.y + f.height
                    && t.box().y <= f.y + f.height + 6 * th && t.text().replaceAll("[^A-Za-z]", "").length() >= 3;
            if (under && l.depth < 0) {
                List<Integer> ns = grammar.numbers(t.text());
                if (!ns.isEmpty() && t.cx() <= f.x + f.width + th / 2.0) {
                    l.depth = ns.get(0);
                }
            }
            if (nameBelow) {
                words.add(t.text());
            }
        }
        List<Integer> rotated = grammar.numbers(rotatedLabel(grey, c, th));
        if (!rotated.isEmpty()) {
            l.spatial = rotated.get(rotated.size() - 1);
        }
        // a name written over the cuboid ("conv1", "C1", "S2", "output")
        Rect ext = c.extent();
        TextLines.Line above = null;
        for (TextLines.Line t : text) {
            int gap = ext.y - (t.box().y + t.box().height);
            if (gap >= -4 && gap < 3 * th && t.cx() >= ext.x - th && t.cx() <= ext.x + ext.width + th
                    && t.text().replaceAll("[^A-Za-z]", "").length() >= 1 && (above == null || t.box().y > above.box().y)) {
                above = t;
            }
        }
        if (above != null) {
            words.add(0, above.text());
            l.tag = above.text().strip();
        }
        l.text = String.join(" ", words);
        l.softmax = l.text.toLowerCase(java.util.Locale.ROOT).matches(".*\\bsoft.*");
        Optional<ParsedLabel> p = grammar.read(l.text);
        p.ifPresent(pl -> l.parsed = pl);
        return l;
    }

    /**
     * The label written along the depth edge from the front face's bottom-right corner, read after turning the
     * crop so the edge runs level ("28" of a 28x28 map, "4096" of a dense bar).
     */
    static String rotatedLabel(Mat grey, CuboidFaces.Cuboid c, int th) {
        Rect f = c.front();
        int side = 5 * th;
        boolean right = c.dx() > 0;
        Rect r = Cv.clip(new Rect(right ? f.x + f.width - th / 2 : f.x - side + th / 2, f.y + f.height - th / 3, side, side), grey);
        if (r.width < th || r.height < th) {
            return "";
        }
        Mat crop = new Mat(grey, r).clone();
        // glyphs wholly beside the corner (a dense bar's "1" under its face) are not part of this label
        int cut = right ? f.x + f.width - r.x : f.x - r.x;
        Mat ink = new Mat();
        Imgproc.threshold(crop, ink, 150, 255, Imgproc.THRESH_BINARY_INV);
        Mat labels = new Mat();
        Mat stats = new Mat();
        int k = Imgproc.connectedComponentsWithStats(ink, labels, stats, new Mat(), 8, org.opencv.core.CvType.CV_32S);
        for (int j = 1; j < k; j++) {
            int x0 = (int) stats.get(j, 0)[0];
            int x1 = x0 + (int) stats.get(j, 2)[0];
            if (right ? x1 <= cut + 2 : x0 >= cut - 2) {
                Mat mask = new Mat();
                Core.compare(labels, new Scalar(j), mask, Core.CMP_EQ);
                crop.setTo(new Scalar(255), mask);
            }
        }
        double angle = Math.toDegrees(Math.atan2(-c.dy(), Math.abs(c.dx())));
        int n = (int) Math.ceil(Math.hypot(crop.cols(), crop.rows()));
        Mat big = new Mat(n, n, crop.type(), new Scalar(255));
        crop.copyTo(big.submat(new Rect((n - crop.cols()) / 2, (n - crop.rows()) / 2, crop.cols(), crop.rows())));
        Mat rot = Imgproc.getRotationMatrix2D(new Point(n / 2.0, n / 2.0), right ? -angle : angle, 1);
        Mat turned = new Mat();
        Imgproc.warpAffine(big, turned, rot, new Size(n, n), Imgproc.INTER_CUBIC, Core.BORDER_CONSTANT, new Scalar(255));
        // the depth edge now runs level along the label, other edges cross it: erase long straight runs in the four
        // directions so only glyphs are left
        Mat dark = new Mat();
        Imgproc.threshold(turned, dark, 150, 255, Imgproc.THRESH_BINARY_INV);
        int len = (int) Math.round(2.5 * th);
        Mat all = Mat.zeros(dark.size(), dark.type());
        for (Mat kernel : lineKernels(len)) {
            Mat runs = new Mat();
            Imgproc.morphologyEx(dark, runs, Imgproc.MORPH_OPEN, kernel);
            Core.bitwise_or(all, runs, all);
        }
        Imgproc.dilate(all, all, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
        turned.setTo(new Scalar(255), all);
        double scale = th < 20 ? 40.0 / Math.max(th, 8) : 1.5;
        Mat img = Cv.ocrCrop(turned, new Rect(0, 0, n, n), scale);
        StringBuilder sb = new StringBuilder();
        for (Ocr.Word w : Ocr.current().words(img, Ocr.PSM_SPARSE)) {
            if (w.conf() >= 30) {
                sb.append(w.text()).append(' ');
            }
        }
        if (System.getenv("P2C_DETECT_DEBUG") != null) {
            org.opencv.imgcodecs.Imgcodecs.imwrite("/tmp/p2c-rot-" + f.x + "-" + f.y + ".png", img);
            System.err.println("rotated label at " + f + ": '" + sb.toString().strip() + "'");
        }
        return sb.toString().strip();
    }

    /** Straight-line structuring elements of a length: level, upright and both diagonals. */
    private static List<Mat> lineKernels(int len) {
        Mat level = Mat.ones(1, len, org.opencv.core.CvType.CV_8U);
        Mat upright = Mat.ones(len, 1, org.opencv.core.CvType.CV_8U);
        int d = (int) Math.round(len / Math.sqrt(2));
        Mat diag = Mat.eye(d, d, org.opencv.core.CvType.CV_8U);
        Mat anti = new Mat();
        Core.flip(diag, anti, 1);
        return List.of(level, upright, diag, anti);
    }

    /** Types and parameters: stated ones from labels, the rest inferred from shape, position and numbers. */
    private static void type(List<Layerish> layers) {
        for (int i = 0; i < layers.size(); i++) {
            Layerish l = layers.get(i);
            Layerish prev = i > 0 ? layers.get(i - 1) : null;
            if (l.tag.matches("[Ss]\\d{1,2}")) {
                l.type = "Pooling2D"; // LeNet's naming: S for subsampling, C for convolution, F for full connection
            } else if (l.tag.matches("[Cc]\\d{1,2}|[Ff]\\d{1,2}")) {
                l.type = l.flat || l.tag.startsWith("F") || l.tag.startsWith("f") ? "Dense" : "Conv2D";
            } else if (l.parsed != null && !l.parsed.type().equals("Output") && !(l.softmax && l.flat)) {
                l.type = l.parsed.type();
                l.params.putAll(l.parsed.params());
                l.inferred.addAll(l.parsed.inferredKeys());
            } else if (i == 0) {
                l.type = "Input";
            } else if (l.flat || l.softmax) {
                l.type = "Dense";
            } else if (l.depth < 0 && l.spatial < 0 && prev != null && !prev.type.equals("Pooling2D")) {
                l.type = "Pooling2D";
            } else {
                l.type = "Conv2D";
            }
            switch (l.type) {
                case "Input" -> {
                    int s = l.spatial > 0 ? l.spatial : -1;
                    int ch = l.depth > 0 ? l.depth : 3;
                    l.params.put("output_shape", l.flat && l.depth > 0 ? List.of(l.depth) : List.of(ch, s, s));
                    if (l.depth <= 0 || s <= 0) {
                        l.inferred.add("output_shape");
                    }
                }
                case "Conv2D" -> {
                    if (l.depth > 0 && !l.params.containsKey("filters")) {
                        l.params.put("filters", l.depth);
                        l.inferred.remove("filters");
                    }
                    Layerish before = lastSized(layers, i);
                    if (before != null && l.spatial > 0 && l.spatial < before.spatial && before.spatial - l.spatial <= 10) {
                        l.infer("kernel_row", before.spatial - l.spatial + 1);
                    }
                    l.infer("filters", 64);
                    l.infer("kernel_row", 3);
                }
                case "Pooling2D" -> {
                    int window = prev == null ? 0 : ShapeReading.poolWindow(prev.spatial, l.spatial);
                    if (window > 0) {
                        l.infer("kernel_row", window);
                    }
                    l.infer("kernel_row", 2);
                }
                case "Dense" -> {
                    int units = l.spatial > 1 ? l.spatial : l.depth;
                    if (units > 0 && !l.params.containsKey("units")) {
                        l.params.put("units", units);
                        l.inferred.remove("units");
                    }
                    if (l.softmax) {
                        l.params.put("activation", "softmax");
                    }
                    l.infer("units", 128);
                }
                default -> { }
            }
            if (l.spatial <= 0 && prev != null && !l.flat && l.type.equals("Conv2D")) {
                l.spatial = prev.spatial;
            }
        }
    }

    private static Layerish lastSized(List<Layerish> layers, int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (layers.get(k).spatial > 0) {
                return layers.get(k);
            }
        }
        return null;
    }

    /** The figure's text height: the median height of the lines with a digit (dimension labels), else of all. */
    static int medianHeight(List<TextLines.Line> text) {
        List<Integer> hs = text.stream().filter(t -> t.text().matches(".*\\d.*")).map(t -> t.box().height).sorted(Comparator.naturalOrder())
                .toList();
        if (hs.isEmpty()) {
            hs = text.stream().map(t -> t.box().height).sorted().toList();
        }
        return hs.isEmpty() ? 14 : Math.max(8, hs.get(hs.size() / 2));
    }
}
