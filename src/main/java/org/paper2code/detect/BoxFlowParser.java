package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * 2D-box and pipeline figures: each rectangle or rounded box is a layer (or an opaque step), its text read
 * by OCR inside the box, connections traced between boxes.
 */
public final class BoxFlowParser implements StyleParser {
    private final LabelGrammar grammar = new LabelGrammar();
    /** Where the figure's words come from (OCR, or a vector PDF's own text). */
    private final FigureText textSource;
    /** How stage boxes are titled in pipeline figures; null for layer-by-layer (2d-box) figures. */
    private final StageTitles stages;

    /** A 2d-box parser reading the figure's words by OCR. */
    BoxFlowParser() {
        this(FigureText.ocr(), null);
    }

    /** @param stages the stage-title reading of pipeline figures, or null to read every box as one layer */
    BoxFlowParser(FigureText textSource, StageTitles stages) {
        this.textSource = textSource;
        this.stages = stages;
    }

    @Override
    public Detected detect(Mat bgr) {
        Scalar bg = Cv.background(bgr);
        Mat ink = Cv.ink(bgr, bg, Cv.INK_CONTRAST);
        Mat grey = Cv.grey(bgr);
        List<Rect> boxes = NoisyBoxes.detect(bgr, bg, ink);
        if (stages != null) {
            boxes = OutlinedBoxes.withLightlyFilled(bgr, bg, ink, boxes); // stage boxes in pastel fills
        }
        int missedFrom = Integer.MAX_VALUE;
        if (stages == null) {
            missedFrom = boxes.size();
            // blob octagons the box detector missed (blurred, JPEG) are still shapes the lines pass through
            boxes = new ArrayList<>(boxes);
            boxes.addAll(BlobShapes.missed(grey, Cv.greyOf(bg), boxes));
        }
        int framesFrom = boxes.size();
        if (stages != null) {
            boxes = new ArrayList<>(boxes);
            boxes.addAll(DashedFrames.find(ink, boxes)); // stages drawn as a picture in a dashed frame
        }
        List<Element> elements = new ArrayList<>();
        List<Rect> inner = boxes.stream().map(b -> new Rect(b.x + 3, b.y + 3, Math.max(1, b.width - 6), Math.max(1, b.height - 6))).toList();
        long t0 = System.nanoTime();
        List<String> texts = textSource.inside(grey, inner);
        if (stages != null && ocrText()) {
            texts = StageRereads.reread(grey, inner, texts, this::label); // titles the one-sheet reading garbled
        }
        if (System.getenv("P2C_DETECT_TIMING") != null) {
            System.err.printf("  ocr %d boxes: %.0f ms%n", boxes.size(), (System.nanoTime() - t0) / 1e6);
        }
        // boxes that touch form one node (a name box beside its shape table, as Keras plot_model draws); in a
        // pipeline, so do like boxes an ellipsis joins (examples of one stage applied many times)
        // (a dashed frame is its own node: a picture drawn close beside it is the stage before it)
        // (a layer table's ruling may be thick, 12 px, and two tables a blank strip apart are two layers; pipelines
        // keep their own rule: boxes within 6 px are one stage, a picture drawn in them splits no stage)
        List<List<Integer>> clusters = clusters(stages != null ? null : ink, boxes, stages != null ? EllipsisRuns.pairs(ink, boxes) : List.of(), framesFrom,
                stages != null ? 6 : 12);
        List<Rect> nodeBoxes = new ArrayList<>();
        java.util.Set<Integer> passThrough = new java.util.HashSet<>();
        for (List<Integer> cl : clusters) {
            final int missed = missedFrom;
            if (cl.stream().allMatch(i -> i >= missed)) {
                passThrough.add(elements.size());
            }
            Rect u = boxes.get(cl.get(0));
            Optional<ParsedLabel> lab = kerasLabel(cl.stream().map(texts::get).collect(java.util.stream.Collectors.joining("\n")));
            StringBuilder all = new StringBuilder();
            for (int i : cl) {
                u = union(u, boxes.get(i));
                String text = texts.get(i).replaceAll("[ \\t]+", " ").strip();
                if (lab.isEmpty()) {
                    lab = label(ocrText() && PictureContent.isPicture(grey, inner.get(i)) ? wordLines(text) : text);
                }
                all.append(all.length() > 0 && !text.isEmpty() ? "\n" : "").append(text);
            }
            nodeBoxes.add(u);
            if (System.getenv("P2C_DETECT_DEBUG") != null) {
                System.err.printf("  box %s %s -> %s%n", u, all.toString().replace('\n', '|'), lab.map(ParsedLabel::type).orElse("-"));
            }
            elements.add(new Element(u, all.toString(), lab, cl.size() == 1 ? 0.9 : 0.8));
        }
        // merge symbols (circled + or x) are nodes too, and the connector tracer must end lines at them
        int boxCount = elements.size();
        java.util.function.Supplier<List<TextLines.Line>> figureText = memo(() -> textSource.lines(grey));
        for (MergeSymbols.Symbol sym : new MergeSymbols().find(grey, ink, nodeBoxes)) {
            if (MergeSymbols.onLightFill(grey, Cv.greyOf(bg), sym.box())
                    || insideWord(sym.box(), figureText.get()) || ocrText() && insideWord(sym.box(), linesAround(grey, sym.box()))) {
                continue; // a round letter ("o", "a") of a word, not a circled operator
            }
            nodeBoxes.add(sym.box());
            elements.add(new Element(sym.box(), sym.type().equals("Add") ? "+" : "x", Optional.of(MergeSymbols.label(sym.type())), 0.8));
        }
        boxes = nodeBoxes;
        int textFrom = elements.size();
        if (stages != null && textFrom == 0) {
            addTextNodes(elements, boxes, figureText.get());
        }
        boolean vertical = vertical(boxes);
        // a bold outline is erased with its box (text is still read inside the box as found)
        List<Rect> erased = stages != null ? OutlinedBoxes.withBorders(ink, boxes) : boxes;
        ConnectorTracer.Traced traced = new ConnectorTracer().trace(ink, erased, vertical);
        if (inputsAreSinks(elements, traced.links())) {
            // an Input is a source: a flow that ends in the figure's drawn inputs was voted by misread heads (tiny
            // heads next to Caffe's blob octagons look alike at both ends of a line), so it runs the other way
            traced = new ConnectorTracer().trace(ink, erased, vertical, true);
            if (System.getenv("P2C_DETECT_DEBUG") != null) {
                System.err.println("flow reversed: the drawn inputs were sinks");
            }
        }
        List<Link> links = new ArrayList<>(traced.links());
        if (textFrom == 0 && elements.size() > 1) {
            // text alone: the labels in a row, from the input on (arrows and braces between labels end short of the
            // text or run through pictures, so what the tracer makes of them is no connection)
            links = new ArrayList<>(TextFlowLayers.chain(elements, vertical));
            traced = new ConnectorTracer.Traced(List.of(), null, List.of(), List.of());
        }
        // an arrow coming in from nowhere is the figure's input (a module drawn without an input box)
        Optional<ParsedLabel> input = grammar.read("input");
        List<Integer> entryIds = new ArrayList<>();
        for (ConnectorTracer.Entry en : traced.entries()) {
            int id = elements.size();
            entryIds.add(id);
            elements.add(new Element(en.at(), "", input, 0.6));
            boxes.add(en.at());
            for (int f : en.feeds()) {
                links.add(new Link(id, f, 0.6));
            }
        }
        // an output arrow: an unlabelled end (not a layer) that text beside the arrow may name a last layer for
        for (ConnectorTracer.Entry ex : traced.exits()) {
            int id = elements.size();
            elements.add(new Element(ex.at(), "", Optional.empty(), 0.5));
            boxes.add(ex.at());
            links.add(new Link(ex.feeds().get(0), id, 0.6));
        }
        if (traced.vertical() != null) {
            vertical = traced.vertical(); // the arrows' own axis beats the boxes' spread (a wide figure of columns flows down)
        }
        boolean unnamedBox = elements.subList(0, boxCount).stream().anyMatch(e -> e.label().map(l -> l.type().equals("Lambda")).orElse(true));
        if (!links.isEmpty() || unnamedBox) {
            List<TextLines.Line> free = new ArrayList<>(freeText(grey, elements));
            if (unnamedBox) {
                List<TextLines.Line> captions = BoxCaptions.outside(figureText.get(), elements);
                List<TextLines.Line> used = new BoxCaptions(grammar).label(elements, boxCount, captions);
                // a caption now names its box: no second layer on an arrow from the same text
                free.removeIf(t -> used.stream().anyMatch(u -> BoxCaptions.gap(u.box(), t.box()) == 0));
            }
            double pageGrey = Cv.greyOf(bg);
            java.util.Set<Integer> greyFilled = new java.util.HashSet<>();
            for (int i = 0; i < boxCount; i++) {
                if (BlobShapes.lightGreyFill(bgr, pageGrey, elements.get(i).box())) {
                    greyFilled.add(i);
                }
            }
            links = spliceTensorNames(elements, links, greyFilled, passThrough);
            links = arrowText(elements, links, free);
        }
        if (stages != null) {
            PipelineInputs inputs = new PipelineInputs(grammar);
            if (!entryIds.isEmpty()) {
                links = inputs.captionStarts(elements, links, entryIds, boxCount, figureText.get(), r -> textSource.inside(grey, List.of(r)).get(0));
            }
            inputs.textlessSources(elements, links, boxCount, vertical, figureText);
            if (ocrText()) {
                UnreadStages.label(grey, elements, links, boxCount);
            }
        }
        return new Detected(elements, links, vertical, boxes.isEmpty() ? "no boxes found" : null);
    }

    /** Whether the drawn Input boxes that any link reaches are all fed and feed nothing. */
    static boolean inputsAreSinks(List<Element> elements, List<Link> links) {
        boolean any = false;
        for (int i = 0; i < elements.size(); i++) {
            if (!elements.get(i).label().map(l -> l.type().equals("Input")).orElse(false)) {
                continue;
            }
            final int e = i;
            boolean fed = links.stream().anyMatch(l -> l.to() == e && l.from() != e);
            boolean feeds = links.stream().anyMatch(l -> l.from() == e && l.to() != e);
            if (feeds) {
                return false;
            }
            any |= fed;
        }
        return any;
    }

    /**
     * A figure that draws no box (its stages are pictures: feature-map stacks, grids, photos) may name its layers in
     * free text: those texts become nodes ({@link TextFlowLayers}), a listed plural ("layers (fc6, fc7)") one node per
     * name, side by side. (Where boxes are drawn, text beside them is their caption, read by {@link BoxCaptions}.)
     */
    private void addTextNodes(List<Element> elements, List<Rect> boxes, List<TextLines.Line> text) {
        for (TextFlowLayers.TextNode t : new TextFlowLayers(grammar).find(text, List.copyOf(boxes))) {
            int w = Math.max(1, t.box().width / t.count());
            for (int k = 0; k < t.count(); k++) {
                Rect part = new Rect(t.box().x + k * w, t.box().y, w, t.box().height);
                elements.add(new Element(part, t.text(), Optional.of(t.label()), 0.6));
                boxes.add(part);
            }
        }
    }

    /** Layer types a figure writes beside an arrow instead of drawing a box ("relu", "BN", "dropout 0.5"). */
    private static final java.util.Set<String> ARROW_TYPES = java.util.Set.of("Activation", "BatchNorm", "Dropout", "LRN", "Softmax");

    /**
     * Text beside or on an arrow that names a layer becomes that layer, spliced into the link it annotates
     * (a -> b becomes a -> text -> b). The text is read on the figure with the boxes blanked out; a line counts
     * only when the grammar reads it as one of {@link #ARROW_TYPES} and it lies near the link's segment, between
     * its ends. Adds elements to {@code elements}; returns the new link list.
     */
    private List<Link> arrowText(List<Element> elements, List<Link> links, List<TextLines.Line> free) {
        List<Link> out = new ArrayList<>(links);
        for (TextLines.Line t : free) {
            Optional<ParsedLabel> lab = grammar.read(t.text());
            if (lab.isEmpty() || !ARROW_TYPES.contains(lab.get().type())) {
                continue;
            }
            int best = -1;
            double bestD = Math.max(30, 2.5 * t.box().height);
            for (int k = 0; k < out.size(); k++) {
                Rect a = elements.get(out.get(k).from()).box();
                Rect b = elements.get(out.get(k).to()).box();
                double d = segmentDistance(t.cx(), t.cy(), ConnectorTracer.centreX(a), ConnectorTracer.centreY(a),
                        ConnectorTracer.centreX(b), ConnectorTracer.centreY(b));
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            if (best < 0) {
                continue;
            }
            Link l = out.remove(best);
            int id = elements.size();
            elements.add(new Element(t.box(), t.text(), lab, 0.7));
            out.add(new Link(l.from(), id, l.confidence()));
            out.add(new Link(id, l.to(), l.confidence()));
        }
        return out;
    }

    /** A value computed once, when first asked for (a whole-figure OCR pass costs a second). */
    private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> compute) {
        Object[] cell = new Object[1];
        return () -> {
            if (cell[0] == null) {
                cell[0] = compute.get();
            }
            @SuppressWarnings("unchecked") T v = (T) cell[0];
            return v;
        };
    }

    /** Whether a small shape's centre lies on a line of text with a word (three letters or more) about as tall as it. */
    static boolean insideWord(Rect shape, List<TextLines.Line> lines) {
        double cx = ConnectorTracer.centreX(shape);
        double cy = ConnectorTracer.centreY(shape);
        return lines.stream().anyMatch(t -> t.text().matches("(?s).*[A-Za-z]{3,}.*") && shape.height <= 1.5 * t.box().height
                && t.box().height <= 2.5 * shape.height
                && cx >= t.box().x && cx <= t.box().x + t.box().width && cy >= t.box().y && cy <= t.box().y + t.box().height);
    }

    /**
     * The text lines OCR reads in a strip around a small shape, a few of its heights to either side, in figure
     * coordinates. The whole-figure reading may miss a caption set under a hatched picture altogether (the page
     * layout takes the two for one image block), and then a round letter of that caption ("g" of "Image B") passes
     * for a circled operator; read alone, the strip holds the word.
     */
    private List<TextLines.Line> linesAround(Mat grey, Rect shape) {
        Rect strip = Cv.clip(new Rect(shape.x - 5 * shape.height, shape.y - shape.height / 2, shape.width + 10 * shape.height, 2 * shape.height), grey);
        if (strip.width <= 0 || strip.height <= 0) {
            return List.of();
        }
        return textSource.lines(grey.submat(strip).clone()).stream()
                .map(t -> new TextLines.Line(t.text(), new Rect(t.box().x + strip.x, t.box().y + strip.y, t.box().width, t.box().height))).toList();
    }

    /** The figure's text outside every element (the elements blanked out first). */
    private List<TextLines.Line> freeText(Mat grey, List<Element> elements) {
        Mat blank = grey.clone();
        for (Element e : elements) {
            Imgproc.rectangle(blank, Cv.clip(Cv.grow(e.box(), 2), blank), new Scalar(255), -1);
        }
        return textSource.lines(blank);
    }

    /**
     * Caffe-style figures (Netscope) draw each layer's output blob as a small box between layers, labelled only with
     * the name of the layer that writes it ("conv1" under "conv1 (Convolution)"): a tensor, not a layer. Such a box
     * (one word, equal to the first word of a box that links into it) is blanked and its links bridged.
     */
    static List<Link> spliceTensorNames(List<Element> elements, List<Link> links) {
        return spliceTensorNames(elements, links, java.util.Set.of(), java.util.Set.of());
    }

    /**
     * As {@link #spliceTensorNames(List, List)}; a box of {@code greyFilled} (a light grey fill, as draw_net fills its
     * blobs) is a blob by its look even when OCR garbled its name ("convle" for "conv10"): then its one writer is the
     * one wider box linking into it. A shape of {@code passThrough} (a blob the box detector missed, found by
     * {@link BlobShapes#missed}) is never a layer: every line into it is bridged to every line out.
     */
    static List<Link> spliceTensorNames(List<Element> elements, List<Link> links, java.util.Set<Integer> greyFilled,
            java.util.Set<Integer> passThrough) {
        List<Link> out = new ArrayList<>(links);
        for (int i = 0; i < elements.size(); i++) {
            // the blob's text: one name (two boxes alike, "3x3, 64" over "3x3, 64", are two layers) alone on its line,
            // other lines at most the specks OCR reads from the octagon's cut corners ("XN 14", "vr Nx": no word of
            // three letters or more)
            List<String> words = blobName(elements.get(i).text());
            boolean greyBlob = greyFilled.contains(i) || passThrough.contains(i);
            if (words.isEmpty() && !greyBlob) {
                continue;
            }
            final int blob = i;
            List<Integer> wider = out.stream().filter(l -> l.to() == blob && l.from() != blob).map(Link::from).distinct()
                    // the writer's box holds the name and more: it is wider than the blob's
                    .filter(f -> elements.get(f).box().width > elements.get(blob).box().width && !greyFilled.contains(f)).toList();
            List<Integer> writers = wider.stream().filter(f -> {
                List<String> fw = words(elements.get(f).text());
                return !words.isEmpty() && fw.size() > 1 && similar(fw.get(0), words.get(0));
            }).toList();
            // by look alone, the blob must be small beside its writer (a grey-filled layer box is about its writer's size)
            if (writers.isEmpty() && greyBlob && wider.size() == 1
                    && elements.get(blob).box().height <= 0.6 * elements.get(wider.get(0)).box().height
                    && elements.get(blob).box().width <= 0.6 * elements.get(wider.get(0)).box().width) {
                writers = wider;
            }
            if (passThrough.contains(blob)) {
                writers = out.stream().filter(l -> l.to() == blob && l.from() != blob).map(Link::from).distinct().toList();
            }
            if (writers.isEmpty() && !passThrough.contains(blob)) {
                continue;
            }
            List<Link> readers = out.stream().filter(l -> l.from() == blob && l.to() != blob).toList();
            out.removeIf(l -> l.from() == blob || l.to() == blob);
            for (int w : writers) {
                for (Link r : readers) {
                    out.add(new Link(w, r.to(), r.confidence()));
                }
            }
            elements.set(i, elements.get(i).withLabel("", Optional.empty()));
        }
        return out;
    }

    /** A blob's one name word (as a one-word list), or an empty list when its text is not a lone name. */
    private static List<String> blobName(String text) {
        List<String> name = List.of();
        for (String line : text.lines().toList()) {
            List<String> ws = words(line).stream().filter(w -> !w.matches("[a-z]{1,2}")).toList();
            if (ws.size() == 1 && ws.get(0).matches("[a-z][a-z0-9_]*") && name.isEmpty()) {
                name = ws;
            } else if (ws.stream().anyMatch(w -> w.length() >= 3) || ws.size() > 2) {
                return List.of();
            }
        }
        return name;
    }

    /**
     * The words of a text with two or more letters or digits, lower case, without punctuation. A number right after a
     * word of three letters or more is that word's index, split off by OCR ("conv 12" for "conv12").
     */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.strip().split("\\s+")) {
            String c = w.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "").replaceAll("^_+|_+$", "");
            if (!out.isEmpty() && c.matches("\\d{1,2}") && out.get(out.size() - 1).matches("[a-z_]{3,}")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + c);
            } else if (c.replaceAll("[^a-z0-9]", "").length() >= 2) {
                out.add(c);
            }
        }
        return out;
    }

    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    /** Equal, or one edit apart when both are long enough for OCR to have slipped on one character. */
    private static boolean similar(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.min(a.length(), b.length()) < 3 || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        return ONE_EDIT.apply(a, b) >= 0;
    }

    /** Distance from a point to a segment, infinite when the point projects outside the segment's middle 90%. */
    static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        if (len2 == 0) {
            return Double.MAX_VALUE;
        }
        double u = ((px - ax) * dx + (py - ay) * dy) / len2;
        if (u < 0.05 || u > 0.95) {
            return Double.MAX_VALUE;
        }
        return Math.hypot(px - (ax + u * dx), py - (ay + u * dy));
    }

    /**
     * Groups of boxes that are one node: boxes within {@code reach} px (before index {@code touchingBefore}) with no
     * blank between them (not checked when {@code ink} is null), and the given pairs.
     */
    static List<List<Integer>> clusters(Mat ink, List<Rect> boxes, List<int[]> joined, int touchingBefore, int reach) {
        int[] parent = new int[boxes.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int[] pr : joined) {
            parent[find(parent, pr[0])] = find(parent, pr[1]);
        }
        for (int i = 0; i < touchingBefore; i++) {
            for (int j = i + 1; j < touchingBefore; j++) {
                Rect a = Cv.grow(boxes.get(i), reach); // cells of one table are at most a thick border apart
                Rect b = boxes.get(j);
                if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
                        && !blankBetween(ink, boxes.get(i), b)) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        java.util.Map<Integer, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < boxes.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            g.sort(java.util.Comparator.comparingInt((Integer i) -> boxes.get(i).x).thenComparingInt(i -> boxes.get(i).y));
            out.add(g);
        }
        return out;
    }

    /**
     * Whether a strip of background separates two boxes side by side (or one above the other): cells of one table
     * share a ruled border, so every line of pixels between them crosses ink, while two tables drawn a few pixels
     * apart (two Keras plot_model nodes in one rank) leave a blank line, crossed at most by an arrow.
     */
    static boolean blankBetween(Mat ink, Rect a, Rect b) {
        boolean sideBySide = Cv.overlapY(a, b) > 0 && (a.x + a.width <= b.x || b.x + b.width <= a.x);
        boolean stacked = Cv.overlapX(a, b) > 0 && (a.y + a.height <= b.y || b.y + b.height <= a.y);
        if (ink == null || sideBySide == stacked) {
            return false;
        }
        Rect left = sideBySide ? (a.x < b.x ? a : b) : (a.y < b.y ? a : b);
        Rect right = left == a ? b : a;
        int from = sideBySide ? left.x + left.width : left.y + left.height;
        int to = sideBySide ? right.x : right.y;
        int lo = sideBySide ? Math.max(a.y, b.y) : Math.max(a.x, b.x);
        int hi = sideBySide ? Math.min(a.y + a.height, b.y + b.height) : Math.min(a.x + a.width, b.x + b.width);
        int span = hi - lo;
        for (int k = from; k < to; k++) {
            Rect strip = sideBySide ? new Rect(k, lo, 1, span) : new Rect(lo, k, span, 1);
            Rect c = Cv.clip(strip, ink);
            if (c.width > 0 && c.height > 0 && org.opencv.core.Core.countNonZero(ink.submat(c)) <= 0.1 * span) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    static Rect union(Rect a, Rect b) {
        int x = Math.min(a.x, b.x);
        int y = Math.min(a.y, b.y);
        return new Rect(x, y, Math.max(a.x + a.width, b.x + b.width) - x, Math.max(a.y + a.height, b.y + b.height) - y);
    }

    static boolean vertical(List<Rect> boxes) {
        if (boxes.size() < 2) {
            return false;
        }
        double minX = Double.MAX_VALUE, maxX = -1, minY = Double.MAX_VALUE, maxY = -1;
        for (Rect r : boxes) {
            minX = Math.min(minX, ConnectorTracer.centreX(r));
            maxX = Math.max(maxX, ConnectorTracer.centreX(r));
            minY = Math.min(minY, ConnectorTracer.centreY(r));
            maxY = Math.max(maxY, ConnectorTracer.centreY(r));
        }
        return maxY - minY > maxX - minX;
    }

    /**
     * A Keras plot_model name cell: "conv2d_1: Conv2D" (the layer's name, a colon, its class). OCR splits a long name
     * as it splits a long class ("batch_norma lization_9"), so the name may hold spaces.
     */
    private static final java.util.regex.Pattern KERAS_NAME = java.util.regex.Pattern.compile("^\\s*([^\\s:][^:]*):\\s*([A-Za-z][A-Za-z0-9 ]{2,})\\s*$");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");

    /**
     * A Keras plot_model node: a "name: Class" cell beside a table of input and output shapes ("(None, 32, 32, 64)").
     * The type comes from the class alone (the name's digits are no parameters: "conv2d_4" states no 4 filters;
     * OCR splits long class names, "Batc hNormaliza tion", so spaces are dropped), the filters or units from the
     * last number of the output shape, an input's shape from its shape (channels first; a vector's one number).
     */
    Optional<ParsedLabel> kerasLabel(String text) {
        List<String> tuples = text.lines().filter(l -> l.chars().filter(c -> c == ',').count() >= 1 && NUMBER.matcher(l).find()
                && (l.contains("(") || l.contains("{") || l.toLowerCase(java.util.Locale.ROOT).contains("one"))).toList();
        if (tuples.isEmpty()) {
            return Optional.empty();
        }
        for (String line : text.lines().toList()) {
            java.util.regex.Matcher m = KERAS_NAME.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Optional<ParsedLabel> p = kerasClass(m.group(2).replace(" ", ""), m.group(1));
            if (p.isEmpty()) {
                continue;
            }
            List<Integer> shape = numbers(tuples.get(tuples.size() - 1));
            ParsedLabel l = p.get();
            java.util.Map<String, Object> params = new java.util.LinkedHashMap<>(l.params());
            List<String> inferred = new ArrayList<>(l.inferredKeys());
            String key = switch (l.type()) {
                case "Conv2D", "Deconv2D" -> "filters";
                case "Dense" -> "units";
                default -> null;
            };
            if (key != null && !shape.isEmpty()) {
                params.put(key, shape.get(shape.size() - 1));
                inferred.remove(key);
            }
            if (tuples.size() >= 2 && (l.type().equals("Conv2D") || l.type().equals("Pooling2D"))) {
                strideFromShapes(numbers(tuples.get(tuples.size() - 2)), shape, params);
            }
            if (l.type().equals("Input") && !shape.isEmpty()) {
                // an image (None, h, w, c) goes channels first; a vector (None, 784) stays one number (no Flatten owed)
                List<Integer> chw = new ArrayList<>();
                chw.add(shape.get(shape.size() - 1));
                chw.addAll(shape.subList(0, shape.size() - 1));
                params.put("output_shape", chw);
                inferred.remove("output_shape");
            }
            return Optional.of(new ParsedLabel(l.type(), params, inferred, l.confidence(), l.mapShape(), l.tag()));
        }
        return Optional.empty();
    }

    /** The numbers of a shape tuple ("(None, 56, 56, 64)": 56, 56, 64), none over six digits. */
    private static List<Integer> numbers(String tuple) {
        List<Integer> out = new ArrayList<>();
        java.util.regex.Matcher n = NUMBER.matcher(tuple);
        while (n.find() && n.group().length() < 7) {
            out.add(Integer.parseInt(n.group()));
        }
        return out;
    }

    /**
     * A Keras table states no stride, but its shapes do: a map that shrinks by a whole factor (112 of 224) was read
     * with that stride, one that keeps its size with stride 1 (which a pooling layer must state: its default stride is
     * its window). Only for two image shapes of three numbers each, from one input (not a list of them).
     */
    private static void strideFromShapes(List<Integer> in, List<Integer> out, java.util.Map<String, Object> params) {
        if (in.size() != 3 || out.size() != 3 || in.get(0) <= 0 || out.get(0) <= 0 || !in.get(0).equals(in.get(1)) || !out.get(0).equals(out.get(1))) {
            return;
        }
        int a = in.get(0);
        int b = out.get(0);
        if (a == b) {
            params.put("stride_row", 1);
        } else if (a > b && a % b == 0 && a / b <= 4) {
            params.put("stride_row", a / b);
        }
    }

    /**
     * The type of a Keras layer from its class, OCR-garbled class words put back; else from its name, which Keras
     * derives from the class ("conv2d_4" of Conv2D) and which OCR may have read where it garbled the class; else an
     * opaque layer (Lambda) noting the class: a class the lexicon does not know (Keras' own Lambda, a custom layer)
     * is one all the same, not to be read from the "input:" cell of its shape table.
     */
    private Optional<ParsedLabel> kerasClass(String cls, String name) {
        Optional<ParsedLabel> p = grammar.read(cls);
        if (p.isEmpty() && ocrText()) {
            p = grammar.read(GarbledWords.standard().restore(cls));
        }
        if (p.isEmpty()) {
            p = grammar.read(name.replaceAll("[\\s_]*\\d*\\s*$", "").replace('_', ' '));
        }
        return p.isPresent() ? p : StageTitles.opaque(cls);
    }

    /**
     * The lines of a picture's OCR text that hold a word of three letters: OCR of a photo reads fragments ("SI BN =")
     * in which a layer's one- or two-letter abbreviation is chance, so such a line names no layer there.
     */
    private static String wordLines(String text) {
        return text.lines().filter(BoxCaptions::hasWord).collect(java.util.stream.Collectors.joining("\n"));
    }

    /**
     * The label of a box: the whole text, else its first line that parses. A pipeline stage is read by its title:
     * one naming a sub-system is an opaque stage, and the output size under a title names no layer.
     */
    Optional<ParsedLabel> label(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        if (stages != null) {
            Optional<ParsedLabel> stage = stages.stage(text);
            if (stage.isPresent()) {
                return stage;
            }
            String layer = StageTitles.withoutSizes(text);
            Optional<ParsedLabel> read = layer.isBlank() ? Optional.empty() : layerLabel(layer);
            return read.isPresent() || layer.equals(text) ? read : StageTitles.opaque(text);
        }
        return layerLabel(text);
    }

    /**
     * The label of a box's text; failing that, when the text came from OCR, of the text with OCR-garbled class words
     * put back ({@link GarbledWords}). A vector PDF's own words are exact: a word there that is no class word is not
     * one, and guessing one would only mistype it. A pipeline stage's title is a phrase in which OCR may garble the
     * class word while a later word still names a layer kind ("Pully connected (102), softmax" is a dense layer
     * with a softmax, not a softmax): there the text with its class words put back is read first.
     */
    private Optional<ParsedLabel> layerLabel(String text) {
        Optional<ParsedLabel> read = readLines(text);
        if (!ocrText() || (read.isPresent() && stages == null)) {
            return read;
        }
        String restored = GarbledWords.standard().restore(text);
        if (read.isPresent() && restored.equals(text)) {
            return read;
        }
        Optional<ParsedLabel> fixed = readLines(restored);
        return fixed.isPresent() ? fixed : read;
    }

    private boolean ocrText() {
        return textSource instanceof FigureText.Ocr;
    }

    private Optional<ParsedLabel> readLines(String text) {
        Optional<ParsedLabel> whole = grammar.read(text.replace('\n', ' '));
        if (whole.isPresent()) {
            return whole;
        }
        return text.lines().map(grammar::read).flatMap(Optional::stream).findFirst();
    }
}
