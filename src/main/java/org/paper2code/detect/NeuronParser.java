package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * Neuron diagrams: circles (units) grouped into columns; each column is a layer, the first the input and the
 * rest dense layers, fully connected column to column (one edge each). A column's size comes from its label
 * ("Hidden layer 1 (64, relu)", "FC-4", "Dense(3, 'relu')") when it states one, else from the circles counted
 * ("..." for omitted units makes a count a lower bound, so a stated number wins).
 */
final class NeuronParser implements StyleParser {
    private final LabelGrammar grammar = new LabelGrammar();

    @Override
    public Detected detect(Mat bgr) {
        Mat ink = Cv.ink(bgr, Cv.background(bgr), 40);
        List<Rect> circles = circles(ink);
        if (circles.size() < 2) {
            return new Detected(List.of(), List.of(), false, "no neuron circles found");
        }
        circles.sort(Comparator.comparingInt(r -> r.x));
        List<List<Rect>> columns = new ArrayList<>();
        for (Rect c : circles) {
            List<Rect> last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
            if (last != null && Math.abs(centre(last.get(0)) - centre(c)) < last.get(0).width) {
                last.add(c);
            } else {
                List<Rect> col = new ArrayList<>();
                col.add(c);
                columns.add(col);
            }
        }
        columns.removeIf(col -> col.size() < 1);
        List<TextLines.Line> lines = new TextLines().read(Cv.grey(bgr));
        List<Element> elements = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            List<Rect> col = columns.get(i);
            Rect box = col.get(0);
            for (Rect r : col) {
                box = BoxFlowParser.union(box, r);
            }
            double left = i > 0 ? (centre(columns.get(i - 1).get(0)) + centre(col.get(0))) / 2 : box.x - box.width * 3;
            double right = i + 1 < columns.size() ? (centre(columns.get(i + 1).get(0)) + centre(col.get(0))) / 2 : box.x + box.width * 4;
            List<String> texts = new ArrayList<>();
            Rect fb = box;
            lines.stream().filter(t -> t.cx() >= left && t.cx() <= right && (t.box().y + t.box().height <= fb.y + 3
                            || t.box().y >= fb.y + fb.height - 3))
                    .sorted(Comparator.comparingInt(t -> t.box().y)).forEach(t -> texts.add(t.text()));
            String text = String.join(" ", texts);
            elements.add(new Element(box, text, Optional.of(label(text, i == 0, i == columns.size() - 1, col.size())), 0.85));
            if (i > 0) {
                links.add(new Link(i - 1, i, 0.8));
            }
        }
        return new Detected(elements, links, false, null);
    }

    private ParsedLabel label(String text, boolean first, boolean last, int counted) {
        List<Integer> nums = grammar.numbers(text.replaceAll("(?i)(hidden\\s*)?layer\\s*\\d+", " "));
        Integer stated = nums.isEmpty() ? null : nums.get(0);
        Optional<String> act = grammar.activationOf(text);
        if (first) {
            int n = stated != null ? stated : counted;
            return new ParsedLabel("Input", java.util.Map.of("output_shape", List.of(n)), stated == null ? List.of("output_shape") : List.of(),
                    stated == null ? 0.6 : 0.9, List.of(n), null);
        }
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("units", stated != null ? stated : counted);
        act.ifPresent(a -> params.put("activation", a));
        return new ParsedLabel("Dense", params, stated == null ? List.of("units") : List.of(), stated == null ? 0.6 : 0.9, List.of(), null);
    }

    private static boolean round(MatOfPoint c) {
        Rect r = Imgproc.boundingRect(c);
        if (r.width < 14 || r.height < 14 || Math.abs(r.width - r.height) > 0.2 * Math.max(r.width, r.height)) {
            return false;
        }
        double area = Imgproc.contourArea(c);
        double circle = Math.PI * r.width * r.height / 4;
        return area > 0.8 * circle && area < 1.12 * circle;
    }

    private static double centre(Rect r) {
        return r.x + r.width / 2.0;
    }

    /** Round blobs or rings of similar size: contour area close to that of the enclosing circle, near-square box. */
    static List<Rect> circles(Mat ink) {
        List<Rect> out = new ArrayList<>();
        // rings: holes of the ink (connection lines end at the rim, so the inside is clean)
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Imgproc.findContours(ink.clone(), contours, hierarchy, Imgproc.RETR_CCOMP, Imgproc.CHAIN_APPROX_NONE);
        for (int i = 0; i < contours.size(); i++) {
            if (hierarchy.get(0, i)[3] >= 0 && round(contours.get(i))) {
                out.add(Cv.grow(Imgproc.boundingRect(contours.get(i)), 2));
            }
        }
        // filled discs: lines erased by an opening first
        Mat opened = new Mat();
        Imgproc.morphologyEx(ink, opened, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new org.opencv.core.Size(7, 7)));
        List<MatOfPoint> blobs = new ArrayList<>();
        Imgproc.findContours(opened, blobs, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
        for (MatOfPoint c : blobs) {
            Rect r = Imgproc.boundingRect(c);
            if (round(c) && out.stream().noneMatch(o -> Cv.iou(o, r) > 0.3)) {
                out.add(r);
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        // units in one figure share a size: keep those near the median diameter
        List<Integer> d = out.stream().map(r -> r.width).sorted().toList();
        int med = d.get(d.size() / 2);
        out.removeIf(r -> r.width < 0.6 * med || r.width > 1.6 * med);
        return out;
    }
}
