package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.paper2code.eval.DiagramStyle;

/**
 * Stacked-2D-box figures (LeNet-style decks of offset sheets): each solid shape, once enclosed areas are filled and
 * thin lines erased, is one layer's output; shapes run in reading order. Where decks overlap or are drawn as dotted
 * chains, the columns of text above them stand for the decks. The text above a deck names it
 * ({@code C1: feature maps 6@28x28}); the operation written between two decks ({@code 5x5 convolution},
 * {@code Subsampling}, {@code Full connection}, {@code Flatten}) is the layer that makes the deck after it, so it
 * gives that deck's type and kernel. What the figure implies but does not write is inferred and marked: filters
 * from the map count, kernels from shrinking sizes, pooling from halving sizes.
 */
final class DeckParser implements StyleParser {
    /** Ink thinner than this across the flow is a line or a sliver between lines, not a sheet. */
    private static final int BRIDGE = 11;
    /** Text above the decks closer than this many text heights is one deck's label. */
    private static final int LABEL_GAP = 3;
    /** A line that is only a number ("768", "500 units", LeNet's "layer 84"): a vector's length, not a tag's index ("S2:") or OCR noise. */
    private static final java.util.regex.Pattern STANDALONE_NUMBER = java.util.regex.Pattern.compile("^\\s*(?:layer\\s+)?\\d+(\\s*units?)?\\s*$",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> MAP_WORDS = patterns(ModelFiles.json("/models/detect/decks.json", "deck words").path("mapWords"));
    private final DiagramStyle style;
    private final LabelGrammar grammar = new LabelGrammar();
    private final DeckLabelColumns labelColumns = new DeckLabelColumns();
    /** A kernel size written alone between decks ("5x5", "11x11"): the operation's word was lost to OCR. */
    private static final Pattern LONE_KERNEL = Pattern.compile("\\s*([1-9]|1[01])\\s*[xX]\\s*\\1\\s*");
    /** Text above a deck within this many pixels is its label. */
    private static final int LABEL_REACH = 80;

    private final FigureText textSource;

    DeckParser(DiagramStyle style) {
        this(style, FigureText.ocr());
    }

    /** Where the figure's words come from (OCR, or a vector PDF's own text). */
    DeckParser(DiagramStyle style, FigureText textSource) {
        this.style = style;
        this.textSource = textSource;
    }

    private static List<Pattern> patterns(com.fasterxml.jackson.databind.JsonNode list) {
        List<Pattern> out = new ArrayList<>();
        list.forEach(p -> out.add(Pattern.compile(p.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        return out;
    }

    @Override
    public Detected detect(Mat bgr) {
        Mat ink = shapeInk(bgr);
        // only sheets may run top to bottom; the first pass finds which way they run, so 3D boxes skip it
        boolean vertical = sheetsStyle() && BoxFlowParser.vertical(shapes(ink, false, false));
        List<Rect> shapes = new ArrayList<>(shapes(ink, true, vertical));
        if (style == DiagramStyle.BOX_3D) {
            shapes.addAll(CuboidBars.missing(ink, shapes));
        } else if (sheetsStyle()) {
            shapes = joinedPieces(shapes);
        }
        if (shapes.isEmpty()) {
            return new Detected(List.of(), List.of(), false, "no solid shapes (sheets or cuboids) found");
        }
        shapes.sort(Comparator.comparingInt(r -> vertical ? r.y : r.x));
        boolean sheets = sheetsStyle();
        // deck labels of wide figures are often tiny; on 3D boxes the larger OCR scale did worse (synthetic tune set)
        Mat textGrey = Cv.grey(withoutShapes(bgr, shapes));
        List<TextLines.Line> lines = sheets ? withoutTallBoxes(textSource.smallLines(textGrey)) : textSource.lines(textGrey);
        DeckRows rows = sheets && !vertical ? DeckRows.of(shapes) : new DeckRows(List.of(shapes));
        if (rows.wrapped()) {
            shapes = rows.ordered();
        } else if (sheets && !vertical) {
            List<Rect> columns = labelColumns(shapes, lines);
            if (columns.size() > shapes.size() && shapesMissColumns(shapes, columns)) {
                shapes = columns; // decks drawn overlapping or as dotted chains: one label column is one deck
                rows = new DeckRows(List.of(shapes));
            }
        }
        // a merge symbol on a one-row chain (a residual sum) is a step of it
        DeckMerges.Reading merged = sheets && !vertical && !rows.wrapped() ? DeckMerges.read(bgr, ink, shapes, lines)
                : new DeckMerges.Reading(List.of(), shapes);
        shapes = merged.decks();
        if (System.getenv("P2C_DETECT_DEBUG") != null) {
            merged.merges().forEach(m -> System.err.println("merge " + m));
            shapes.forEach(r -> System.err.println("shape " + r));
            lines.forEach(t -> System.err.println("text '" + t.text() + "' " + t.box()));
        }
        if (sheets && !vertical && !rows.wrapped()) {
            lines = MergedOperationLines.cut(lines, shapes, this::isOperation);
        }
        // operations written between decks ("Subsampling") name the deck after them; 3D-box figures are read by CuboidChain
        List<List<TextLines.Line>> operations = sheets ? operations(shapes, rows, lines, vertical)
                : shapes.stream().map(s -> List.<TextLines.Line>of()).toList();
        List<TextLines.Line> operationLines = operations.stream().flatMap(List::stream).toList();
        List<TextLines.Line> rest = lines.stream().filter(t -> !operationLines.contains(t)).toList();
        // deck labels the figure-wide OCR garbled are read again column by column (OCR only: a PDF's words are exact)
        Mat rereadGrey = sheets && !vertical && textSource == FigureText.ocr() ? textGrey : null;
        List<ShapeReading> layers = new ArrayList<>();
        List<List<ParsedLabel>> laterSteps = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            List<ParsedLabel> steps = steps(operations.get(i));
            ParsedLabel whole = operation(operations.get(i));
            ParsedLabel first = steps.size() > 1 || whole == null ? steps.stream().findFirst().orElse(whole) : whole;
            int lastSide = layers.stream().mapToInt(l -> l.spatial).filter(v -> v > 0).reduce((a, b) -> b).orElse(-1);
            layers.add(describe(shapes, rows, i, rest, first, operations.get(i), rereadGrey, lastSide));
            laterSteps.add(steps.size() > 1 ? steps.subList(1, steps.size()) : List.of());
        }
        List<FrontFaces.Face> faces = List.of();
        if (style == DiagramStyle.BOX_3D) {
            faces = FrontFaces.faces(ink, shapes);
            if (System.getenv("P2C_DETECT_DEBUG") != null) {
                System.err.println("faces " + faces);
            }
            CuboidChain.refine(layers, shapes, faces);
        } else if (sheets && !rows.wrapped()) {
            // a deck with no readable type drawn clearly smaller than the convolution before it is its pooling
            // (a convolution keeps or barely changes its maps' size); the type stays inferred (unparsed confidence)
            countsWithAtSignRead(layers);
            sizesWithOneDigitMisread(layers);
            poolingsByShrinking(layers, shapes, operations);
        }
        infer(layers);
        if (sheets) {
            filtersFromNextPooling(layers);
            stridesFromSizes(layers);
        }
        if (style == DiagramStyle.BOX_3D) {
            new CuboidNumbers(grammar, textSource).apply(layers, shapes, faces, textGrey, Cv.grey(bgr));
        }
        if (System.getenv("P2C_DETECT_DEBUG") != null) {
            for (int i = 0; i < layers.size(); i++) {
                System.err.println("deck " + i + " label '" + layers.get(i).text + "' op " + operations.get(i).stream().map(TextLines.Line::text).toList()
                        + " -> " + layers.get(i).type + " " + layers.get(i).params + " depth " + layers.get(i).depth + " spatial " + layers.get(i).spatial);
            }
        }
        List<Element> elements = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<Integer> deckOutput = new ArrayList<>(); // per deck, the element its chain ends in
        for (int i = 0; i < layers.size(); i++) {
            ShapeReading l = layers.get(i);
            if (i > 0) {
                links.add(new Link(elements.size() - 1, elements.size(), 0.7));
            }
            elements.add(new Element(shapes.get(i), l.text, Optional.of(l.label(0.5)), 0.85));
            // the steps written after the first ("BN + ReLU") follow the deck: the deck shows the chain's output
            List<ParsedLabel> later = laterSteps.get(i);
            for (int k = 0; k < later.size(); k++) {
                Rect s = shapes.get(i);
                Rect after = vertical ? new Rect(s.x, s.y + k + 1, s.width, s.height) : new Rect(s.x + k + 1, s.y, s.width, s.height);
                links.add(new Link(elements.size() - 1, elements.size(), 0.6));
                elements.add(new Element(after, later.get(k).type(), Optional.of(later.get(k)), 0.7));
            }
            deckOutput.add(elements.size() - 1);
            for (DeckMerges.Merge m : merged.merges()) {
                if (m.after() == i) {
                    links.add(new Link(elements.size() - 1, elements.size(), 0.6));
                    m.skips().forEach(k -> links.add(new Link(deckOutput.get(k), elements.size(), 0.5)));
                    elements.add(new Element(m.box(), m.type(), Optional.of(MergeSymbols.label(m.type())), 0.8));
                }
            }
        }
        return new Detected(elements, links, vertical, null);
    }

    /**
     * A map count that is a neighbouring deck's count with one more digit is that count with its '@' read as a digit
     * too ("64@" read "649@" or "647@", small labels): taken as read, the count would differ from its neighbour's and
     * hide that the deck is the neighbour's pooling (pooling keeps the count).
     */
    static void countsWithAtSignRead(List<ShapeReading> layers) {
        // twice: a deck mended by its neighbour can mend the next one ("2567", "2567", "256": the middle first)
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < layers.size(); i++) {
                ShapeReading l = layers.get(i);
                int count = count(l);
                for (int j : new int[] {nearestCounted(layers, i, -1), nearestCounted(layers, i, 1)}) {
                    if (j < 0 || count <= 0) {
                        continue;
                    }
                    String read = Integer.toString(count);
                    String other = Integer.toString(count(layers.get(j)));
                    if (other.length() >= 2 && read.length() == other.length() + 1 && read.startsWith(other)) { // "3" then "32" is no misreading
                        if (l.params.get("filters") instanceof Number n && n.intValue() == count) {
                            l.params.put("filters", count(layers.get(j)));
                        }
                        l.depth = count(layers.get(j));
                        break;
                    }
                }
            }
        }
    }

    /**
     * A deck's stated size (map count, or a bar's width) that is its nearest like neighbour's power of two with one
     * digit misread is that neighbour's ("4896" beside "4096", "236" beside "256"): the 0 of small fonts with a dotted
     * zero reads as 8 or 6, and a chain repeats its sizes. Other differences stay as read (120 beside 84 is LeNet,
     * 6 maps beside a grey input's 1).
     */
    static void sizesWithOneDigitMisread(List<ShapeReading> layers) {
        for (int i = 0; i < layers.size(); i++) {
            ShapeReading l = layers.get(i);
            int size = statedSize(l);
            for (int step : new int[] {-1, 1}) {
                int j = i + step;
                while (j >= 0 && j < layers.size() && (statedSize(layers.get(j)) <= 0 || layers.get(j).flat != l.flat)) {
                    j += step;
                }
                // one-digit sizes are left alone: LeNet's 6 maps are no misread 1 (a grey input's)
                if (size >= 10 && j >= 0 && j < layers.size() && DigitSlips.misreadPowerOfTwo(size, statedSize(layers.get(j)))) {
                    int other = statedSize(layers.get(j));
                    for (String key : List.of("filters", "units")) {
                        if (l.params.get(key) instanceof Number n && n.intValue() == size) {
                            l.params.put(key, other);
                        }
                    }
                    if (l.depth == size) {
                        l.depth = other;
                    }
                    break;
                }
            }
        }
    }

    /** A deck's map count, or a bar's width its label states; 0 when neither was read. */
    private static int statedSize(ShapeReading l) {
        if (l.parsed != null && !l.parsed.inferredKeys().contains("units") && l.params.get("units") instanceof Number n) {
            return n.intValue();
        }
        return count(l);
    }

    /** The nearest deck from i in direction step whose map count was read (an unreadable label between is skipped); -1 if none. */
    private static int nearestCounted(List<ShapeReading> layers, int i, int step) {
        for (int j = i + step; j >= 0 && j < layers.size(); j += step) {
            if (count(layers.get(j)) > 0) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The deck's map count: its size's ("16@10x10"), else the filters its label states with the '@' lost ("C3: feature
     * maps 164 10x10" reads as 164 filters and no map size); 0 when neither.
     */
    private static int count(ShapeReading l) {
        if (l.depth > 0) {
            return l.depth;
        }
        boolean stated = l.parsed == null || !l.parsed.inferredKeys().contains("filters");
        return stated && l.params.get("filters") instanceof Number n ? n.intValue() : 0;
    }

    /**
     * Decks with no readable type drawn clearly smaller than the convolution before them are its poolings
     * ({@link CuboidChain#poolingsByShrinking}); a deck whose label only says it holds maps ("f. maps 64@28x28", no
     * tag, no operation) counts as untyped here, as the words fit a subsampling as well as a convolution.
     */
    private void poolingsByShrinking(List<ShapeReading> layers, List<Rect> shapes, List<List<TextLines.Line>> operations) {
        // each was a Conv2D (the condition below): untyped for the rule, a convolution again if the rule passes it by
        List<ShapeReading> mapsOnly = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            ShapeReading l = layers.get(i);
            if (operations.get(i).isEmpty() && l.parsed != null && l.parsed.tag() == null && "Conv2D".equals(l.type)
                    && namesOnlyMaps(l.text)) {
                mapsOnly.add(l);
                l.type = null;
            }
        }
        CuboidChain.poolingsByShrinking(layers, shapes.stream().map(r -> r.height).toList(), List.of());
        for (int i = 1; i < layers.size(); i++) {
            if (mapsOnly.contains(layers.get(i)) && layers.get(i).type == null && halvesUncountedConvolution(layers.get(i - 1), layers.get(i))) {
                layers.get(i).type = "Pooling2D";
            }
        }
        for (ShapeReading l : mapsOnly) {
            if (l.type == null) {
                l.type = "Conv2D";
            } else {
                l.params.clear(); // the map count was no convolution's filters
            }
        }
    }

    /**
     * The maps-only deck states exactly half the side of the convolution before it, whose map count was not read
     * ("C11: feature maps 28x28" then "S12: f. maps 128@14x14" with the S lost): the 2x2 subsampling LeNet-style
     * chains draw. With the count read, the shrinking rule already compares counts (a pooling keeps them).
     */
    private static boolean halvesUncountedConvolution(ShapeReading prev, ShapeReading l) {
        return "Conv2D".equals(prev.type) && prev.depth <= 0 && prev.spatial > 0 && l.spatial > 0 && 2 * l.spatial == prev.spatial;
    }

    /**
     * A convolution whose map count was not read takes the count stated over the pooling right after it: pooling
     * keeps the number of maps ("Feature maps" over a garbled size, then "Pooled maps 8@30x30").
     */
    private static void filtersFromNextPooling(List<ShapeReading> layers) {
        for (int i = 0; i + 1 < layers.size(); i++) {
            ShapeReading l = layers.get(i);
            ShapeReading next = layers.get(i + 1);
            if ("Conv2D".equals(l.type) && l.inferred.contains("filters") && l.depth <= 0 && "Pooling2D".equals(next.type) && next.depth > 0) {
                l.params.put("filters", next.depth);
            }
        }
    }

    /**
     * The stride a window layer's stated sizes imply when its plain stride does not fit them: AlexNet's 11x11
     * convolution takes 227x227 to 55x55 (stride 4), its 3x3 max-pooling 55x55 to 27x27 (stride 2, overlapping
     * windows, not the pooling default of stride = kernel). Only with the kernel known, and only unpadded windows.
     */
    private static void stridesFromSizes(List<ShapeReading> layers) {
        for (int i = 1; i < layers.size(); i++) {
            ShapeReading l = layers.get(i);
            int in = layers.get(i - 1).spatial;
            boolean conv = "Conv2D".equals(l.type);
            boolean pool = "Pooling2D".equals(l.type);
            if (!(conv || pool) || in <= 0 || l.spatial <= 0 || l.spatial >= in || l.params.containsKey("stride_row")
                    || !(l.params.get("kernel_row") instanceof Integer k) || k < 1 || "same".equals(l.params.get("border_mode"))
                    || conv && l.inferred.contains("kernel_row")) {
                continue;
            }
            int plain = conv ? 1 : k;
            if (windows(in, k, plain) == l.spatial) {
                continue;
            }
            for (int stride = 1; stride <= Math.max(4, k); stride++) {
                if (stride != plain && windows(in, k, stride) == l.spatial) {
                    l.params.put("stride_row", stride);
                    l.inferred.add("stride_row");
                    break;
                }
            }
        }
    }

    /** How many windows of size k at this stride fit in a side of n (no padding). */
    private static int windows(int n, int k, int stride) {
        return n < k ? 0 : (n - k) / stride + 1;
    }

    /**
     * The label types the deck only by words that say it holds maps (models/detect/decks.json), or by nothing but
     * its size ("64@112x112"): the convolution type is then the grammar's guess from the map count, which fits a
     * subsampling as well.
     */
    private boolean namesOnlyMaps(String label) {
        String rest = label;
        for (Pattern p : MAP_WORDS) {
            rest = p.matcher(rest).replaceAll(" ");
        }
        boolean onlySize = DeckLabelColumns.withoutSizes(List.of(label)).isEmpty();
        return onlySize || !rest.equals(label) && grammar.read(rest).map(p -> !p.type().equals("Conv2D")).orElse(true);
    }

    /** The operation's chain of layers when it names more than one ("3x3 Conv" over "BN + ReLU"). */
    private List<ParsedLabel> steps(List<TextLines.Line> op) {
        return op.isEmpty() ? List.of() : new OperationSteps(grammar).read(op.stream().map(TextLines.Line::text).toList());
    }

    /**
     * Ink for finding sheets: strong ink (outlines, dark fills) plus pale fills read on a median-smoothed copy, so
     * pixel noise on a pastel sheet neither breaks it into speckles nor hides it.
     */
    static Mat shapeInk(Mat bgr) {
        Scalar bg = Cv.background(bgr);
        Mat ink = Cv.ink(bgr, bg, 40);
        Mat smooth = new Mat();
        Imgproc.medianBlur(bgr, smooth, 5);
        Mat fills = Cv.ink(smooth, bg, 18);
        // only areas survive: lines, thickened by blur and a low threshold, would join the decks
        Imgproc.morphologyEx(fills, fills, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(9, 9)));
        Core.bitwise_or(ink, fills, ink);
        return ink;
    }

    /** Solid shapes: ink with enclosed areas filled, opened to drop lines and text, big enough to be a layer. */
    static List<Rect> shapes(Mat ink) {
        return shapes(ink, false, false);
    }

    /**
     * @param cutBridges erase ink thinner than {@link #BRIDGE} across the flow: converging projection lines that
     *                   enclose a sliver join two decks otherwise, while a thin dense bar along the flow stays
     * @param vertical   the decks run top to bottom
     */
    static List<Rect> shapes(Mat ink, boolean cutBridges, boolean vertical) {
        // fill rectangular holes (white sheets drawn as outlines); wedges between projection lines stay open
        Mat filled = ink.clone();
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Imgproc.findContours(ink.clone(), contours, hierarchy, Imgproc.RETR_CCOMP, Imgproc.CHAIN_APPROX_SIMPLE);
        for (int i = 0; i < contours.size(); i++) {
            if (hierarchy.get(0, i)[3] < 0) {
                continue;
            }
            Rect r = Imgproc.boundingRect(contours.get(i));
            if (r.area() >= 100 && Imgproc.contourArea(contours.get(i)) >= 0.75 * r.area()) {
                Imgproc.drawContours(filled, contours, i, new Scalar(255), -1);
            }
        }
        Mat opened = new Mat();
        Imgproc.morphologyEx(filled, opened, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(5, 5)));
        if (cutBridges) {
            Size across = vertical ? new Size(BRIDGE, 1) : new Size(1, BRIDGE);
            Imgproc.morphologyEx(opened, opened, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, across));
        }
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(opened, labels, stats, new Mat(), 8, CvType.CV_32S);
        int minH = Math.max(20, ink.rows() / 12);
        List<Rect> out = new ArrayList<>();
        for (int c = 1; c < n; c++) {
            Rect r = new Rect((int) stats.get(c, 0)[0], (int) stats.get(c, 1)[0], (int) stats.get(c, 2)[0], (int) stats.get(c, 3)[0]);
            double area = stats.get(c, Imgproc.CC_STAT_AREA)[0];
            if (r.height >= minH && r.width >= 4 && area >= 150 && r.area() < 0.5 * ink.total()) {
                out.add(r);
            }
        }
        // a shape inside another (a kernel cube drawn on a map) is not a layer
        List<Rect> kept = new ArrayList<>();
        for (Rect r : out) {
            boolean inside = out.stream().anyMatch(o -> o != r && Cv.contains(Cv.grow(o, 2), r));
            if (!inside) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** Pieces closer than this many pixels, side by side along most of their length, are one shape. */
    private static final int PIECE_GAP = 3;

    /**
     * Shapes that touch or overlap, lined up along most of their length, as one: a line crossing a deck or a bar
     * cuts it into pieces (the back sheets' edges apart from the front sheet, a bar's top from its bottom), while
     * separate decks stand apart with a gap.
     */
    static List<Rect> joinedPieces(List<Rect> shapes) {
        List<Rect> out = new ArrayList<>(shapes);
        boolean joined = true;
        while (joined) {
            joined = false;
            for (int i = 0; i < out.size() && !joined; i++) {
                for (int j = i + 1; j < out.size() && !joined; j++) {
                    Rect a = out.get(i);
                    Rect b = out.get(j);
                    Rect near = Cv.grow(a, PIECE_GAP);
                    boolean sliver = backSheetsSliver(a, b) || backSheetsSliver(b, a);
                    if (!sliver && (Cv.overlapX(near, b) <= 0 || Cv.overlapY(near, b) <= 0)) {
                        continue;
                    }
                    if (sliver || Cv.overlapY(a, b) >= 0.6 * Math.min(a.height, b.height) || Cv.overlapX(a, b) >= 0.6 * Math.min(a.width, b.width)) {
                        out.set(i, BoxFlowParser.union(a, b));
                        out.remove(j);
                        joined = true;
                    }
                }
            }
        }
        return out;
    }

    /** A sliver's gap to the deck it is part of may be up to this many pixels: the offset of one sheet behind another. */
    private static final int SLIVER_GAP = 7;

    /**
     * {@code a} is a piece about a third as wide as {@code b} or less, right before it (within one sheet offset), no
     * taller than it and lying along it: the back sheets' edges of a deck of outlined sheets, cut off from the front sheet where the
     * projection lines cross them. A vector bar stands clear of the decks around it.
     */
    static boolean backSheetsSliver(Rect a, Rect b) {
        int gap = b.x - (a.x + a.width);
        return a.width < 30 && a.width <= 0.35 * b.width && !thin(b) && gap >= 0 && gap <= SLIVER_GAP && a.height <= b.height && Cv.overlapY(a, b) >= 0.5 * a.height;
    }

    private boolean sheetsStyle() {
        return style == DiagramStyle.STACKED_2D_BOX;
    }

    /** A flat sheet about as wide as high, drawn alone (a square map seen face on), not a bar or a deck seen edge on. */
    static boolean squareSheet(Rect s) {
        return s.width >= 0.75 * s.height && s.width <= 1.33 * s.height;
    }

    /** A shape drawn as a thin upright bar: a vector (dense layer), not a feature map. */
    static boolean thin(Rect s) {
        return s.width < 0.35 * s.height && s.width < 30;
    }

    /**
     * One box per column of text above the decks ("Feature maps" over "32@18x18"), spanning the decks' band: the
     * labels stay apart where the decks they name overlap or are drawn too thin to be found as solid shapes.
     */
    static List<Rect> labelColumns(List<Rect> shapes, List<TextLines.Line> lines) {
        int top = shapes.stream().mapToInt(r -> r.y).min().orElse(0);
        int bottom = shapes.stream().mapToInt(r -> r.y + r.height).max().orElse(0);
        List<Rect> above = lines.stream().map(TextLines.Line::box).filter(b -> b.y + b.height <= top + 4)
                .sorted(Comparator.comparingInt(b -> b.x)).toList();
        List<int[]> spans = new ArrayList<>();
        for (Rect b : above) {
            int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            // words closer than a few text heights are one label that OCR broke up
            if (last != null && b.x <= last[1] + LABEL_GAP * Math.max(b.height, last[2])) {
                last[1] = Math.max(last[1], b.x + b.width);
                last[2] = Math.max(last[2], b.height);
            } else {
                spans.add(new int[] {b.x, b.x + b.width, b.height});
            }
        }
        return spans.stream().map(sp -> new Rect(sp[0], top, sp[1] - sp[0], Math.max(1, bottom - top))).toList();
    }

    /**
     * The shapes do not account for the label columns: one shape holds the centres of two columns (overlapping decks
     * merged), or a column has no shape under it (a deck drawn as a dotted chain). A label merely broken into words
     * does neither.
     */
    static boolean shapesMissColumns(List<Rect> shapes, List<Rect> columns) {
        boolean merged = shapes.stream().anyMatch(s -> columns.stream()
                .filter(c -> c.x + c.width / 2.0 >= s.x && c.x + c.width / 2.0 <= s.x + s.width).count() >= 2);
        long orphans = columns.stream().filter(c -> shapes.stream().noneMatch(s -> s.x < c.x + c.width && c.x < s.x + s.width)).count();
        return merged || orphans >= 2;
    }

    /**
     * The lines without boxes far taller than the figure's text: sparse OCR now and then reads the edges of
     * sheets as a "word" spanning a deck, and such a box would sit next to (and be joined with) every real label.
     */
    static List<TextLines.Line> withoutTallBoxes(List<TextLines.Line> lines) {
        List<Integer> hs = lines.stream().map(t -> t.box().height).sorted().toList();
        if (hs.size() < 3) {
            return lines;
        }
        int median = hs.get(hs.size() / 2);
        return lines.stream().filter(t -> t.box().height <= 3 * median).toList();
    }

    /** The figure with the decks painted over in the background: sparse OCR reads shaded sheets as text blocks. */
    static Mat withoutShapes(Mat bgr, List<Rect> shapes) {
        Mat out = bgr.clone();
        Scalar bg = Cv.background(bgr);
        for (Rect r : shapes) {
            Imgproc.rectangle(out, Cv.clip(Cv.grow(r, 2), out), bg, -1);
        }
        return out;
    }

    /**
     * The operation written between two decks ("5x5 convolution", "Subsampling", "Full connection"), per deck: the
     * lines between the previous deck's centre and this one's, not above both decks, that read as a layer type
     * and state no feature-map size (that is a deck label). The operation makes the deck after it.
     */
    private List<List<TextLines.Line>> operations(List<Rect> shapes, DeckRows rows, List<TextLines.Line> lines, boolean vertical) {
        List<List<TextLines.Line>> out = new ArrayList<>();
        out.add(List.of());
        Map<Integer, List<TextLines.Line>> columnGaps = vertical ? Map.of() : ColumnGapOperations.find(shapes, lines, this::isOperation);
        List<TextLines.Line> claimed = columnGaps.values().stream().flatMap(List::stream).toList();
        lines = lines.stream().filter(t -> !claimed.contains(t)).toList();
        for (int i = 1; i < shapes.size(); i++) {
            if (columnGaps.containsKey(i)) {
                out.add(columnGaps.get(i));
                continue;
            }
            Rect a = shapes.get(i - 1);
            Rect b = shapes.get(i);
            // a deck that starts a wrapped row is made by what is written after the previous row's last deck
            boolean rowStart = !rows.sameRow(a, b);
            double from = vertical ? a.y + a.height / 2.0 : a.x + a.width / 2.0;
            double to = rowStart ? Double.MAX_VALUE : vertical ? b.y + b.height / 2.0 : b.x + b.width / 2.0;
            int top = rowStart ? a.y : vertical ? Math.min(a.x, b.x) : Math.min(a.y, b.y);
            int[] band = rows.wrapped() ? rows.band(a) : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            List<TextLines.Line> op = new ArrayList<>();
            for (TextLines.Line t : lines) {
                double along = vertical ? t.cy() : t.cx();
                double across = vertical ? t.box().x + t.box().width : t.box().y + t.box().height;
                boolean inRow = t.cy() >= band[0] && t.cy() <= band[1];
                // a line running past both decks' centres (a caption sentence under the figure) is not between them
                if (along > from && along < to && across > top + 4 && inRow && !spans(t, from, to, vertical)
                        && (isOperation(t.text()) || LONE_KERNEL.matcher(t.text()).matches())) {
                    op.add(t);
                }
            }
            // a line stacked on an operation word belongs to it ("Convolution" over "5x5 kernel"); only on the words
            // themselves (no chain through the added lines) and not a line running past both decks (an OCR blob)
            List<TextLines.Line> words = List.copyOf(op);
            for (TextLines.Line t : lines) {
                if (!op.contains(t) && !spans(t, from, to, vertical) && words.stream().anyMatch(o -> stacked(o.box(), t.box()))) {
                    op.add(t);
                }
            }
            op.sort(Comparator.comparingInt(t -> t.box().y));
            out.add(op);
        }
        return out;
    }

    /** b sits right above or below a, overlapping it horizontally. */
    private static boolean stacked(Rect a, Rect b) {
        int h = Math.max(a.height, b.height);
        boolean overlapX = b.x < a.x + a.width && a.x < b.x + b.width;
        int gap = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height));
        return overlapX && gap >= -2 && gap < h;
    }

    /** Whether a line runs from before {@code from} to past {@code to} along the chain. */
    private static boolean spans(TextLines.Line t, double from, double to, boolean vertical) {
        double start = vertical ? t.box().y : t.box().x;
        double end = start + (vertical ? t.box().height : t.box().width);
        return start < from && end > to;
    }

    private boolean isOperation(String text) {
        Optional<ParsedLabel> p = grammar.read(text);
        // "Input" and "Output" name a deck, they are not operations between decks
        return p.isPresent() && p.get().mapShape().isEmpty() && !p.get().type().equals("Input") && !p.get().type().equals("Output");
    }

    /** The operation lines read as one label (a kernel size may sit on the line below the word). */
    private ParsedLabel operation(List<TextLines.Line> op) {
        if (op.isEmpty()) {
            return null;
        }
        String joined = String.join(" ", op.stream().map(TextLines.Line::text).toList());
        return grammar.read(joined).or(() -> grammar.read(op.get(0).text())).orElse(null);
    }

    /**
     * The deck's label and the operation that makes it, as one reading: the operation's type (a deck labelled
     * "feature maps" after "Subsampling" is pooled) and its stated kernel, the label's stated counts and size.
     */
    static ParsedLabel combine(ParsedLabel label, ParsedLabel op) {
        if (op == null || (label != null && label.type().equals("Input"))) {
            return label;
        }
        if (label == null) {
            return op;
        }
        Map<String, Object> params = new LinkedHashMap<>(op.params());
        Set<String> inferred = new LinkedHashSet<>(op.inferredKeys());
        if (label.type().equals(op.type())) {
            label.params().forEach((k, v) -> {
                boolean labelStates = !label.inferredKeys().contains(k);
                if (labelStates || !params.containsKey(k)) {
                    params.put(k, v);
                    if (labelStates) {
                        inferred.remove(k);
                    }
                }
            });
        }
        return new ParsedLabel(op.type(), params, List.copyOf(inferred), Math.min(label.confidence(), op.confidence()),
                label.mapShape(), label.tag());
    }

    /**
     * The label lines with the deck's size stated readably: the size the figure-wide reading and OCR of the deck's
     * label column at several scales ({@link DeckLabelColumns}) agree on. The lines stay as read when they state
     * it as it is; lines that name a type keep their words and get that size; lines with no type word give way to
     * the column reading that states it.
     */
    private List<String> withSize(List<String> labelLines, Mat grey, Rect column, boolean vector, int lastSide) {
        List<DeckLabelColumns.Reading> columnReadings = labelColumns.read(grey, column, vector);
        // the figure-wide reading states the size even when its words give way to the column's: the column of a
        // thin bar can be narrower than its label and cut the number off ("F11: layer" of "F1l: layer 1000")
        String figureWide = String.join(" ", labelLines);
        if (grammar.read(figureWide).isEmpty() || DeckLabelColumns.withoutSizes(labelLines).isEmpty()) {
            Optional<String> words = typedWords(columnReadings);
            if (words.isPresent()) {
                labelLines = List.of(words.get());
            }
        }
        String joined = String.join(" ", labelLines);
        List<DeckLabelColumns.Reading> readings = new ArrayList<>();
        Optional<String> joinedSize = labelColumns.size(joined, vector);
        readings.add(new DeckLabelColumns.Reading(joined, joinedSize.isPresent() ? joinedSize : labelColumns.size(figureWide, vector)));
        readings.addAll(columnReadings);
        // a chain of decks keeps or shrinks its maps: a side larger than the last one read is a misreading
        List<DeckLabelColumns.Reading> plausible = readings.stream()
                .filter(r -> lastSide <= 0 || r.size().map(DeckLabelColumns::side).orElse(0) <= lastSide).toList();
        Optional<String> size = DeckLabelColumns.agreed(plausible);
        if (size.isEmpty() || DeckLabelColumns.statesLiterally(joined, size.get())) {
            return labelLines;
        }
        List<String> out = new ArrayList<>(DeckLabelColumns.withoutSizes(labelLines));
        out.add(size.get());
        if (grammar.read(joined).isPresent()) {
            return out;
        }
        String winner = readings.stream().filter(r -> r.size().equals(size)).findFirst().map(DeckLabelColumns.Reading::text).orElse("");
        String words = DeckLabelColumns.words(DeckLabelColumns.normalised(winner));
        return grammar.read(words).isPresent() ? List.of(words) : out;
    }

    /**
     * The words of the column readings that most agree on a type named by a word (at least two readings): the
     * figure-wide OCR of a tiny label sometimes keeps only its size ("32x32" for "INPUT 32x32") or garbles its words
     * ("2560 a3" for "pool3 256@28x28"), while reading the column alone gets them.
     */
    private Optional<String> typedWords(List<DeckLabelColumns.Reading> columnReadings) {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (DeckLabelColumns.Reading r : columnReadings) {
            String words = DeckLabelColumns.words(DeckLabelColumns.normalised(r.text()));
            boolean named = !DeckLabelColumns.withoutSizes(List.of(words)).isEmpty();
            Optional<ParsedLabel> p = grammar.read(words);
            if (named && p.isPresent() && grammar.read(String.join(" ", DeckLabelColumns.withoutSizes(List.of(words)))).isPresent()) {
                byType.computeIfAbsent(p.get().type(), k -> new ArrayList<>()).add(words);
            }
        }
        return byType.values().stream().filter(v -> v.size() >= 2).max(Comparator.comparingInt(List::size)).map(v -> v.get(0));
    }

    private ShapeReading describe(List<Rect> shapes, DeckRows rows, int i, List<TextLines.Line> lines, ParsedLabel op,
            List<TextLines.Line> opLines, Mat rereadGrey, int lastSide) {
        Rect s = shapes.get(i);
        boolean squareMap = sheetsStyle() && squareSheet(s); // a square map seen face on, in a stacked figure
        ShapeReading l = new ShapeReading();
        boolean prevInRow = i > 0 && rows.sameRow(shapes.get(i - 1), s);
        boolean nextInRow = i + 1 < shapes.size() && rows.sameRow(s, shapes.get(i + 1));
        double left = prevInRow ? (shapes.get(i - 1).x + shapes.get(i - 1).width + s.x) / 2.0 : s.x - s.width;
        // the last deck of a row: its label is centred on it, so it reaches as far right as the half gap on its left
        // (a thin last bar's "F21: layer 1000" ran past two bar widths and lost its number)
        double right = nextInRow ? (s.x + s.width + shapes.get(i + 1).x) / 2.0
                : Math.max(s.x + 2.0 * s.width, prevInRow ? 2.0 * s.x + s.width - left : 0);
        // the labels of a row sit on one band over its decks: a deck lower than its neighbours (a short vector
        // bar after tall ones) has its label as high as theirs, so the reach counts from the highest top beside it
        int labelBase = Math.min(s.y, Math.min(prevInRow ? shapes.get(i - 1).y : s.y, nextInRow ? shapes.get(i + 1).y : s.y));
        List<TextLines.Line> above = new ArrayList<>();
        List<TextLines.Line> around = new ArrayList<>();
        for (TextLines.Line t : lines) {
            boolean inColumn = t.cx() >= Math.max(left, s.x - 40) && t.cx() <= Math.min(right, s.x + s.width + 40);
            if (!inColumn) {
                continue;
            }
            if (t.box().y + t.box().height <= s.y + 4) {
                above.add(t);
            } else if (t.cy() >= s.y && t.cy() <= s.y + s.height + 45) {
                around.add(t);
            }
        }
        above.sort(Comparator.comparingInt(t -> -(t.box().y)));
        // the label: the lines above, nearest first, joined top-down ("INPUT" over "32x32")
        List<String> labelLines = new ArrayList<>();
        for (TextLines.Line t : above) {
            if (labelBase - (t.box().y + t.box().height) < LABEL_REACH) {
                labelLines.add(0, t.text());
            }
        }
        if (rereadGrey != null && !rows.wrapped()) {
            labelLines = withSize(labelLines, rereadGrey, new Rect((int) left, labelBase - LABEL_REACH, (int) (right - left), s.y - labelBase + LABEL_REACH - 2), thin(s),
                    lastSide);
        }
        l.text = String.join(" ", labelLines);
        Optional<ParsedLabel> p = grammar.read(l.text);
        if (p.isEmpty()) {
            p = labelLines.stream().map(grammar::read).flatMap(Optional::stream).findFirst();
        }
        p = Optional.ofNullable(combine(p.orElse(null), op != null ? op : loneKernel(opLines, p)));
        List<Integer> dims = new ArrayList<>();
        List<Integer> dimY = new ArrayList<>();
        for (TextLines.Line t : around) {
            for (int v : grammar.numbers(t.text())) {
                if (v > 0 && v < 100000) {
                    dims.add(v);
                    dimY.add(t.box().y);
                }
            }
        }
        l.flat = thin(s);
        if (dims.size() >= 3 || (dims.size() == 2 && !l.flat)) {
            // two equal values are height and width; the other is the depth (channels)
            int a = dims.get(0), b = dims.get(1), c = dims.size() > 2 ? dims.get(2) : -1;
            if (c >= 0 && a == b) {
                l.spatial = a;
                l.depth = c;
            } else if (c >= 0 && a == c) {
                l.spatial = a;
                l.depth = b;
            } else if (c >= 0 && b == c) {
                l.spatial = b;
                l.depth = a;
            } else if (c < 0 && a == b) {
                l.spatial = a; // the depth label was not read
            } else {
                int low = 0;
                for (int k = 1; k < dims.size(); k++) {
                    if (dimY.get(k) > dimY.get(low)) {
                        low = k;
                    }
                }
                l.depth = dims.get(low);
                l.spatial = dims.get(low == 0 ? 1 : 0);
            }
        } else if (dims.size() >= 1) {
            l.depth = dims.get(dims.size() - 1);
            // one number beside a square sheet is its depth (channels); beside anything else, a vector's length
            l.flat = !squareMap;
        }
        // a Dense deck whose words state no width ("Full connection" under it, "fc8" over "1000") takes the number alone on a line
        boolean unitsGuessed = sheetsStyle() && p.isPresent() && p.get().type().equals("Dense") && p.get().inferredKeys().contains("units");
        if (p.isEmpty() || (p.get().mapShape().isEmpty() && !p.get().type().equals("Dense")) || unitsGuessed) {
            readUntypedSize(l, labelLines, squareMap, thin(s));
        }
        if (p.isPresent()) {
            l.parsed = p.get();
            l.type = p.get().type();
            l.params.putAll(p.get().params());
            List<Integer> ms = p.get().mapShape().stream().anyMatch(v -> v <= 0) ? List.of() : p.get().mapShape();
            if (ms.size() == 3 && !l.type.equals("Input")) {
                l.depth = ms.get(0);
                l.spatial = ms.get(1);
            } else if (ms.size() == 3) {
                l.depth = ms.get(0);
                l.spatial = ms.get(1);
            } else if (ms.size() == 2) {
                l.spatial = ms.get(0);
            }
        }
        return l;
    }

    /**
     * The operation a kernel size written alone between decks states ("5x5" under AlexNet's second convolution, its
     * word "convolution" lost to OCR): that kernel for the type the deck's own label names (a convolution or a
     * pooling); null otherwise.
     */
    private ParsedLabel loneKernel(List<TextLines.Line> opLines, Optional<ParsedLabel> label) {
        if (opLines.size() != 1 || label.isEmpty() || !LONE_KERNEL.matcher(opLines.get(0).text()).matches()) {
            return null;
        }
        String word = switch (label.get().type()) {
            case "Conv2D" -> " convolution";
            case "Pooling2D" -> " pooling";
            default -> null;
        };
        return word == null ? null : grammar.read(opLines.get(0).text().strip() + word).orElse(null);
    }

    /**
     * A label with no type word still gives the deck's size: {@code 16@28x28} (count, then height and width) or
     * a single count ({@code 120}: a vector), or over a square sheet its side ({@code 55}).
     */
    private void readUntypedSize(ShapeReading l, List<String> labelLines, boolean squareSheet, boolean bar) {
        for (String line : labelLines) {
            List<Integer> v = grammar.numbers(line);
            // over a bar, a label whose tag OCR garbled ("FT: layer 10", "Fe: layer 100") still ends in its length
            Optional<String> length = bar ? labelColumns.size(line, true) : Optional.empty();
            if (v.size() == 3 && v.get(1).equals(v.get(2)) && line.contains("@")) {
                l.depth = v.get(0);
                l.spatial = v.get(1);
            } else if (v.size() == 2 && v.get(0).equals(v.get(1))) {
                l.spatial = v.get(0);
            } else if (v.size() == 1 && STANDALONE_NUMBER.matcher(line).matches() && squareSheet) {
                l.spatial = v.get(0); // a square map's side ("110" over a square): the figure gives one side of it
            } else if (v.size() == 1 && STANDALONE_NUMBER.matcher(line).matches()) {
                l.depth = v.get(0); // a vector's length
                l.flat = true;
            } else if (length.isPresent()) {
                l.depth = Integer.parseInt(length.get());
            }
        }
    }

    /** Types and parameters the figure implies: the first shape is the input, sizes give kernels and pooling. */
    private void infer(List<ShapeReading> layers) {
        for (int i = 0; i < layers.size(); i++) {
            ShapeReading l = layers.get(i);
            ShapeReading prev = i > 0 ? layers.get(i - 1) : null;
            if (l.flat && "Softmax".equals(l.type)) {
                // a bar labelled "softmax" (a sheet's or a cuboid's) is a vector of units with that activation, not a
                // separate step
                l.type = "Dense";
                l.params.clear();
                l.params.put("activation", "softmax");
            }
            if (l.type == null || l.type.equals("Output")) {
                if (i == 0) {
                    l.type = "Input";
                } else if (l.flat || (l.type != null && l.type.equals("Output"))) {
                    l.type = "Dense";
                } else if (prev != null && prev.spatial > 0 && l.spatial > 0 && l.spatial * 2 == prev.spatial && l.depth == prev.depth) {
                    l.type = "Pooling2D";
                } else {
                    l.type = "Conv2D";
                }
                l.params.clear();
            }
            switch (l.type) {
                case "Input" -> {
                    if (l.spatial > 0 && (l.parsed == null || l.parsed.inferredKeys().contains("output_shape")
                            || !l.params.containsKey("output_shape"))) {
                        int c = l.depth > 0 ? l.depth : l.spatial <= 32 ? 1 : 3;
                        l.params.put("output_shape", l.flat && l.spatial <= 0 ? List.of(l.depth) : List.of(c, l.spatial, l.spatial));
                        l.inferred.remove("output_shape");
                    } else if (!l.params.containsKey("output_shape")) {
                        l.params.put("output_shape", l.depth > 0 && l.flat ? List.of(l.depth) : List.of(3, -1, -1));
                        l.inferred.add("output_shape");
                    }
                }
                case "Conv2D" -> {
                    if (l.depth > 0) {
                        l.infer("filters", l.depth);
                    }
                    if (prev != null && prev.spatial > 0 && l.spatial > 0 && l.spatial < prev.spatial && prev.spatial - l.spatial <= 10) {
                        l.infer("kernel_row", prev.spatial - l.spatial + 1);
                    } else if (prev != null && prev.spatial > 0 && l.spatial == prev.spatial) {
                        l.infer("kernel_row", 3);
                        l.infer("border_mode", "same");
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
                    if (l.depth > 0) {
                        l.infer("units", l.depth);
                    }
                    l.infer("units", 128);
                }
                default -> { }
            }
            if (l.parsed != null) {
                for (String k : l.parsed.inferredKeys()) {
                    if (l.params.containsKey(k) && !l.inferred.contains(k)) {
                        l.inferred.add(k);
                    }
                }
            }
            if (l.spatial <= 0 && prev != null && !l.flat) {
                l.spatial = prev.spatial; // unknown size: assume unchanged so later inference still works
            }
        }
    }
}
