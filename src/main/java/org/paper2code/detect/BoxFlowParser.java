package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/**
 * 2D-box and pipeline figures: each rectangle or rounded box is a layer (or an opaque step), its text read
 * by OCR inside the box, connections traced between boxes.
 */
public final class BoxFlowParser implements StyleParser {
    private final LabelGrammar grammar = new LabelGrammar();

    @Override
    public Detected detect(Mat bgr) {
        Scalar bg = Cv.background(bgr);
        Mat ink = Cv.ink(bgr, bg, 45);
        List<Rect> boxes = new BoxDetector().detect(ink);
        Mat grey = Cv.grey(bgr);
        List<Element> elements = new ArrayList<>();
        List<Rect> inner = boxes.stream().map(b -> new Rect(b.x + 3, b.y + 3, Math.max(1, b.width - 6), Math.max(1, b.height - 6))).toList();
        long t0 = System.nanoTime();
        List<String> texts = new TextSheet().read(grey, inner);
        if (System.getenv("P2C_DETECT_TIMING") != null) {
            System.err.printf("  ocr %d boxes: %.0f ms%n", boxes.size(), (System.nanoTime() - t0) / 1e6);
        }
        // boxes that touch form one node (a name box beside its shape table, as Keras plot_model draws)
        List<List<Integer>> clusters = clusters(boxes);
        List<Rect> nodeBoxes = new ArrayList<>();
        for (List<Integer> cl : clusters) {
            Rect u = boxes.get(cl.get(0));
            Optional<ParsedLabel> lab = Optional.empty();
            StringBuilder all = new StringBuilder();
            for (int i : cl) {
                u = union(u, boxes.get(i));
                String text = texts.get(i).replaceAll("[ \\t]+", " ").strip();
                if (lab.isEmpty()) {
                    lab = label(text);
                }
                all.append(all.length() > 0 && !text.isEmpty() ? "\n" : "").append(text);
            }
            nodeBoxes.add(u);
            elements.add(new Element(u, all.toString(), lab, cl.size() == 1 ? 0.9 : 0.8));
        }
        // merge symbols (circled + or x) are nodes too, and the connector tracer must end lines at them
        for (MergeSymbols.Symbol sym : new MergeSymbols().find(grey, ink, nodeBoxes)) {
            nodeBoxes.add(sym.box());
            elements.add(new Element(sym.box(), sym.type().equals("Add") ? "+" : "x", Optional.of(MergeSymbols.label(sym.type())), 0.8));
        }
        boxes = nodeBoxes;
        boolean vertical = vertical(boxes);
        ConnectorTracer.Traced traced = new ConnectorTracer().trace(ink, boxes, vertical);
        List<Link> links = traced.links();
        if (traced.vertical() != null) {
            vertical = traced.vertical(); // the arrows' own axis beats the boxes' spread (a wide figure of columns flows down)
        }
        return new Detected(elements, links, vertical, boxes.isEmpty() ? "no boxes found" : null);
    }

    static List<List<Integer>> clusters(List<Rect> boxes) {
        int[] parent = new int[boxes.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Rect a = Cv.grow(boxes.get(i), 6); // cells of one table are at most a thick border apart
                Rect b = boxes.get(j);
                if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) {
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

    /** The label of a box: the whole text, else its first line that parses. */
    Optional<ParsedLabel> label(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        Optional<ParsedLabel> whole = grammar.read(text.replace('\n', ' '));
        if (whole.isPresent()) {
            return whole;
        }
        return text.lines().map(grammar::read).flatMap(Optional::stream).findFirst();
    }
}
