package org.paper2code.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphSource;

/**
 * The diagram parser: a figure image and its style to a graph with confidences, repairs and an overlay.
 * A figure with no recognisable structure gives an empty graph and a reason, never an exception; an
 * image no decoder reads is an {@link IOException}.
 */
public final class FigureParser {

    public DetectionResult parse(Path image, DiagramStyle style) throws IOException {
        Mat bgr = Cv.read(image);
        String name = image.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return parse(bgr, style, name, image.toString());
    }

    public DetectionResult parse(Mat bgr, DiagramStyle style, String name, String sourceFile) {
        return parse(bgr, style, name, sourceFile, FigureText.ocr());
    }

    /**
     * As {@link #parse(Mat, DiagramStyle, String, String)}, the figure's words taken from the given source: a vector
     * PDF figure's own text layer ({@link FigureText#drawn}) instead of OCR of its pixels.
     */
    public DetectionResult parse(Mat bgr, DiagramStyle style, String name, String sourceFile, FigureText text) {
        if (bgr.cols() < 8 || bgr.rows() < 8) {
            return empty(name, style, "the image is too small to hold a diagram", bgr);
        }
        StyleParser parser = switch (style) {
            case BOX_2D -> new BoxFlowParser(text, null);
            case PIPELINE -> new BoxFlowParser(text, StageTitles.standard());
            case STACKED_2D_BOX -> new DeckParser(style, text);
            case BOX_3D -> new CuboidParser(text);
            case NEURONS -> new NeuronParser(text);
            case OTHER -> null;
        };
        if (parser == null) {
            return empty(name, style, "style 'other' is not an architecture diagram", bgr);
        }
        long t0 = System.nanoTime();
        StyleParser.Detected d = parser.detect(bgr);
        if (System.getenv("P2C_DETECT_TIMING") != null) {
            System.err.printf("detect %s: %.0f ms%n", name, (System.nanoTime() - t0) / 1e6);
        }
        if (d.elements().isEmpty()) {
            return empty(name, style, d.reason() != null ? d.reason() : "no layers recognised", bgr);
        }
        double sign = flowSign(d);
        Comparator<Integer> reading = Comparator.comparingDouble(i -> sign * key(d, i));
        if (style == DiagramStyle.PIPELINE) {
            reading = columnsFirst(d, reading);
        }
        Assembler.Assembly a = new Assembler().assemble(name, d.elements(), d.links(), reading, upstream(d, sign));
        Graph g = new Graph(a.graph().name(), sourceFile == null ? null : GraphSource.ofFile(sourceFile), a.graph().layers(), null);
        Mat overlay = Overlay.draw(bgr, d, a);
        String reason = g.layers().isEmpty() ? "boxes were found but none carries a layer label" : null;
        return new DetectionResult(g, style, a.layerConfidence(), a.edgeConfidence(), a.repairs(), a.problems(), reason, overlay);
    }

    /** -1 when most links run against the reading axis (a figure drawn bottom-up or right-to-left), else 1. */
    private static double flowSign(StyleParser.Detected d) {
        double vote = 0;
        for (Link l : d.links()) {
            var a = d.elements().get(l.from()).box();
            var b = d.elements().get(l.to()).box();
            double da = d.vertical() ? a.y + a.height / 2.0 : a.x + a.width / 2.0;
            double db = d.vertical() ? b.y + b.height / 2.0 : b.x + b.width / 2.0;
            vote += Math.signum(db - da) * l.confidence();
        }
        return vote < 0 ? -1 : 1;
    }

    /**
     * For each element, the nearest element before it along the flow whose span across the flow overlaps its own
     * (the box above it in its column for a top-down figure): a better guess for an unconnected layer's input
     * than the reading-order predecessor, which in a figure of parallel columns is the end of the previous column.
     */
    private static Map<Integer, Integer> upstream(StyleParser.Detected d, double sign) {
        Map<Integer, Integer> out = new java.util.HashMap<>();
        List<Element> es = d.elements();
        for (int i = 0; i < es.size(); i++) {
            var a = es.get(i).box();
            double best = Double.MAX_VALUE;
            for (int j = 0; j < es.size(); j++) {
                var b = es.get(j).box();
                boolean across = d.vertical() ? a.x < b.x + b.width && b.x < a.x + a.width : a.y < b.y + b.height && b.y < a.y + a.height;
                double gap = sign * (d.vertical() ? (a.y + a.height / 2.0) - (b.y + b.height / 2.0) : (a.x + a.width / 2.0) - (b.x + b.width / 2.0));
                if (j != i && across && gap > 0 && gap < best) {
                    best = gap;
                    out.put(i, j);
                }
            }
            out.putIfAbsent(i, Assembler.NO_UPSTREAM);
        }
        return out;
    }

    /**
     * Reading order by columns (rows, for a figure that flows down): elements whose spans along the flow overlap the
     * first of a column by half, and linked to none of it, are one column, read across the flow (top to bottom); a
     * linked pair is a step of the flow, not two branches, and keeps the reading order. A pipeline draws parallel
     * branches as boxes of one column whose centres differ by a few pixels (two input pictures, "Embedding network"
     * over "Embedding network (shared)"); by centre alone their numbering would follow those pixels, not the
     * branches. An element narrower than half the median element (an arrow's free end standing for an input picture)
     * counts as that wide.
     */
    private static Comparator<Integer> columnsFirst(StyleParser.Detected d, Comparator<Integer> reading) {
        List<Integer> order = new java.util.ArrayList<>();
        List<Integer> extents = new java.util.ArrayList<>();
        for (int i = 0; i < d.elements().size(); i++) {
            order.add(i);
            extents.add(along(d, i)[1]);
        }
        java.util.Collections.sort(extents);
        double least = extents.get(extents.size() / 2) / 2.0;
        order.sort(reading);
        int[] column = new int[order.size()];
        List<Integer> members = new java.util.ArrayList<>();
        int c = -1;
        for (int i : order) {
            boolean linked = members.stream().anyMatch(m -> d.links().stream()
                    .anyMatch(l -> l.from() == m && l.to() == i || l.from() == i && l.to() == m));
            if (members.isEmpty() || linked || !sameColumn(along(d, members.get(0)), along(d, i), least)) {
                members.clear();
                c++;
            }
            members.add(i);
            column[i] = c;
        }
        Comparator<Integer> byColumn = Comparator.<Integer>comparingInt(i -> column[i]).thenComparingDouble(i -> across(d, i)).thenComparing(reading);
        return inputsByBranch(d, byColumn);
    }

    /**
     * The order with the figure's inputs (Input elements nothing feeds) permuted among their own places so that they
     * follow the branches they feed: a two-stream or Siamese figure's twin inputs are told apart only by their
     * branches, and an input the parser made up from an arrow's free end sits where that arrow was traced from (its
     * tail, or the far side of a hatched picture the box search missed), not where its picture is drawn.
     */
    private static Comparator<Integer> inputsByBranch(StyleParser.Detected d, Comparator<Integer> order) {
        List<Integer> sorted = new java.util.ArrayList<>();
        for (int i = 0; i < d.elements().size(); i++) {
            sorted.add(i);
        }
        sorted.sort(order);
        int[] rank = new int[sorted.size()];
        for (int k = 0; k < sorted.size(); k++) {
            rank[sorted.get(k)] = k;
        }
        List<Integer> inputs = sorted.stream().filter(i -> d.elements().get(i).label().map(l -> l.type().equals("Input")).orElse(false)
                && d.links().stream().noneMatch(l -> l.to() == i && l.from() != i)
                && d.links().stream().anyMatch(l -> l.from() == i && l.to() != i)).toList();
        if (inputs.size() < 2) {
            return order;
        }
        java.util.function.ToIntFunction<Integer> branch = i -> d.links().stream().filter(l -> l.from() == i && l.to() != i)
                .mapToInt(l -> rank[l.to()]).min().orElse(rank[i]);
        List<Integer> byBranch = new java.util.ArrayList<>(inputs);
        byBranch.sort(Comparator.comparingInt(branch).thenComparingInt(i -> rank[i]));
        int[] placed = rank.clone();
        for (int k = 0; k < inputs.size(); k++) {
            placed[byBranch.get(k)] = rank[inputs.get(k)];
        }
        return Comparator.comparingInt(i -> placed[i]);
    }

    /** Start and extent of an element along the flow. */
    private static int[] along(StyleParser.Detected d, int i) {
        var b = d.elements().get(i).box();
        return d.vertical() ? new int[] {b.y, b.height} : new int[] {b.x, b.width};
    }

    /** Whether two spans (start, extent), each widened about its centre to at least {@code least}, overlap by half the shorter. */
    private static boolean sameColumn(int[] a, int[] b, double least) {
        double ea = Math.max(a[1], least);
        double eb = Math.max(b[1], least);
        double ca = a[0] + a[1] / 2.0;
        double cb = b[0] + b[1] / 2.0;
        double overlap = Math.min(ca + ea / 2, cb + eb / 2) - Math.max(ca - ea / 2, cb - eb / 2);
        return overlap >= 0.5 * Math.min(ea, eb);
    }

    /** Position across the flow (the centre's y for a figure flowing right). */
    private static double across(StyleParser.Detected d, int i) {
        var b = d.elements().get(i).box();
        return d.vertical() ? b.x + b.width / 2.0 : b.y + b.height / 2.0;
    }

    private static double key(StyleParser.Detected d, int i) {
        var b = d.elements().get(i).box();
        double major = d.vertical() ? b.y + b.height / 2.0 : b.x + b.width / 2.0;
        double minor = d.vertical() ? b.x + b.width / 2.0 : b.y + b.height / 2.0;
        return major * 100000 + minor;
    }

    private static DetectionResult empty(String name, DiagramStyle style, String reason, Mat bgr) {
        return new DetectionResult(new Graph(name, null, List.of(), null), style, Map.of(), Map.of(), List.of(), List.of(), reason,
                bgr.clone());
    }
}
