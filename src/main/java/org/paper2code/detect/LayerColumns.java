package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * Figures that list their layers as text columns under the drawing (YOLO: "Conv. Layers / 1x1x128 / 3x3x256 /
 * Maxpool Layer / 2x2-s-2", a brace "}x4" repeating the lines it spans). Each header ("Conv. Layer", "Maxpool
 * Layer", "Conn. Layer") sets the kind of the spec lines under it; a spec "KxKxF-s-S" is one layer. The columns
 * run left to right, lines top-down. Used when a figure has at least three such headers.
 */
final class LayerColumns {
    private static final Pattern HEADER = Pattern.compile("(?i)\\b(conv|convolution|maxpool|max\\s*pool|avgpool|pool|conn|fc|fully)\\w*\\.?\\s+layers?\\b");
    private static final Pattern CONV = Pattern.compile("(\\d+)x(\\d+)x(\\d+)(?:-?[s5]-?(\\d))?");
    private static final Pattern POOL = Pattern.compile("(\\d*)x(\\d+)(?:-?[s5]-?(\\d)?)?");
    private static final Pattern REPEAT = Pattern.compile("[x×X]\\s*(\\d{1,2})\\b");
    private final LabelGrammar grammar = new LabelGrammar();
    private final FigureText textSource;

    /** Reads the figure's words (the columns and the counts beside braces) from this source. */
    LayerColumns(FigureText textSource) {
        this.textSource = textSource;
    }

    /** True when the text reads as layer columns. */
    static boolean applies(List<TextLines.Line> text) {
        return text.stream().filter(t -> HEADER.matcher(t.text()).find() && t.text().length() < 30).count() >= 3;
    }

    /**
     * The layers the columns list, in order, each an element at its text line, chained.
     *
     * @param shapes where the drawing's maps and bars are (a dense layer's size is read from its output's labels)
     */
    StyleParser.Detected read(Mat grey, List<TextLines.Line> text, List<Rect> shapes) {
        List<TextLines.Line> headers = text.stream().filter(t -> HEADER.matcher(t.text()).find() && t.text().length() < 30)
                .sorted(Comparator.comparingInt(t -> t.box().x)).toList();
        // columns: headers whose spans across overlap
        List<List<TextLines.Line>> columns = new ArrayList<>();
        for (TextLines.Line h : headers) {
            List<TextLines.Line> col = columns.stream().filter(c -> overlap(c.get(0).box(), h.box()) > 0.5).findFirst().orElse(null);
            if (col == null) {
                col = new ArrayList<>();
                columns.add(col);
            }
            col.add(h);
        }
        List<Element> elements = new ArrayList<>();
        for (List<TextLines.Line> col : columns) {
            col.sort(Comparator.comparingInt(t -> t.box().y));
            Rect span = col.get(0).box();
            for (TextLines.Line h : col) {
                span = BoxFlowParser.union(span, h.box());
            }
            final Rect colSpan = span;
            int top = col.get(0).box().y;
            List<TextLines.Line> body = text.stream().filter(t -> t.box().y >= top && t.cx() >= colSpan.x && t.cx() <= colSpan.x + colSpan.width
                    && t.box().y < top + 12 * col.get(0).box().height && t.box().width < 2 * colSpan.width).sorted(Comparator.comparingInt(t -> t.box().y)).toList();
            String kind = null;
            TextLines.Line header = null;
            List<Element> colElements = new ArrayList<>();
            List<Rect> colBoxes = new ArrayList<>();
            for (TextLines.Line t : body) {
                Matcher hm = HEADER.matcher(t.text());
                if (hm.find()) {
                    kind = hm.group(1).toLowerCase(java.util.Locale.ROOT);
                    header = t;
                    if (kind.startsWith("conn") || kind.startsWith("fc") || kind.startsWith("fully")) {
                        colElements.add(dense(t, text, shapes));
                        colBoxes.add(t.box());
                    }
                    continue;
                }
                if (kind == null) {
                    continue;
                }
                String s = t.text().replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
                Optional<ParsedLabel> p = kind.contains("pool") ? pool(s) : kind.startsWith("conv") ? conv(s) : Optional.empty();
                if (p.isPresent()) {
                    colElements.add(new Element(t.box(), t.text(), p, 0.8));
                    colBoxes.add(t.box());
                }
            }
            elements.addAll(repeat(grey, colElements, colBoxes, colSpan));
        }
        List<Link> links = new ArrayList<>();
        for (int i = 1; i < elements.size(); i++) {
            links.add(new Link(i - 1, i, 0.6));
        }
        return new StyleParser.Detected(elements, links, false, elements.isEmpty() ? "layer columns listed no layer" : null);
    }

    private Element dense(TextLines.Line header, List<TextLines.Line> text, List<Rect> shapes) {
        Optional<Integer> size = outputSize(header, text, shapes);
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> inferred = new ArrayList<>();
        if (size.isPresent()) {
            params.put("units", size.get());
        } else {
            params.put("units", 128);
            inferred.add("units");
        }
        return new Element(header.box(), header.text(), Optional.of(new ParsedLabel("Dense", params, inferred, size.isPresent() ? 0.8 : 0.5,
                List.of(), null)), 0.8);
    }

    /**
     * A dense layer's units: the size of the output it draws. The header sits under the arrow into that output, so it
     * is the first shape whose centre lies right of the header's centre, within a few lines above it; its size is the
     * product of the numbers labelling its sides (a 4096 bar; a 7x7x30 box is 1470 units). Without such a shape, the
     * number nearest right of the header's centre just above it.
     */
    private Optional<Integer> outputSize(TextLines.Line header, List<TextLines.Line> text, List<Rect> shapes) {
        int reach = 8 * header.box().height;
        Rect output = shapes.stream().filter(s -> s.x + s.width / 2.0 >= header.cx() && s.y + s.height <= header.box().y
                && header.box().y - (s.y + s.height) < reach).min(Comparator.comparingInt(s -> s.x + s.width / 2)).orElse(null);
        if (System.getenv("P2C_DETECT_DEBUG") != null) {
            System.err.println("dense '" + header.text() + "' " + header.box() + " output " + output + " among " + shapes);
        }
        if (output != null) {
            int lineH = header.box().height;
            Rect near = new Rect(output.x - lineH, output.y - lineH, output.width + 2 * lineH, output.height + 2 * lineH);
            long product = 1;
            int labels = 0;
            for (TextLines.Line t : text) {
                if (t.text().matches("\\s*\\d{1,5}\\s*") && near.contains(new org.opencv.core.Point(t.cx(), t.box().y + t.box().height / 2.0))) {
                    product *= grammar.numbers(t.text()).get(0);
                    labels++;
                }
            }
            if (labels > 0 && product > 0 && product <= Integer.MAX_VALUE) {
                return Optional.of((int) product);
            }
        }
        TextLines.Line best = null;
        for (TextLines.Line t : text) {
            if (t.text().matches("\\s*\\d{1,5}\\s*") && t.box().y < header.box().y && header.box().y - t.box().y < 4 * header.box().height
                    && t.cx() >= header.cx() && t.cx() <= header.box().x + 2 * header.box().width
                    && (best == null || t.cx() < best.cx())) {
                best = t;
            }
        }
        return best == null ? Optional.empty() : Optional.of(grammar.numbers(best.text()).get(0));
    }

    private static Optional<ParsedLabel> conv(String s) {
        Matcher m = CONV.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filters", Integer.parseInt(m.group(3)));
        params.put("kernel_row", Integer.parseInt(m.group(1)));
        if (!m.group(1).equals(m.group(2))) {
            params.put("kernel_col", Integer.parseInt(m.group(2)));
        }
        if (m.group(4) != null && !m.group(4).equals("1")) {
            params.put("stride_row", Integer.parseInt(m.group(4)));
        }
        params.put("border_mode", "same");
        return Optional.of(new ParsedLabel("Conv2D", params, List.of("border_mode"), 0.9, List.of(), null));
    }

    private static Optional<ParsedLabel> pool(String s) {
        Matcher m = POOL.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("function", "MAX");
        // "x2-s-2" with the first digit lost: the window is square
        int k = Integer.parseInt(m.group(1).isEmpty() ? m.group(2) : m.group(1));
        params.put("kernel_row", k);
        List<String> inferred = new ArrayList<>();
        // "2x2-s-" with the stride digit lost: pooling windows in these figures step by their size
        params.put("stride_row", m.group(3) != null ? Integer.parseInt(m.group(3)) : k);
        if (m.group(3) == null) {
            inferred.add("stride_row");
        }
        return Optional.of(new ParsedLabel("Pooling2D", params, inferred, 0.9, List.of(), null));
    }

    /**
     * Lines a brace spans ("}x4") repeated: the brace is a tall thin mark right of the lines it spans (a longer line
     * of the column below it may reach further right); the count is the text right of it.
     */
    private List<Element> repeat(Mat grey, List<Element> es, List<Rect> boxes, Rect colSpan) {
        if (es.size() < 2) {
            return es;
        }
        int lineH = boxes.stream().mapToInt(b -> b.height).sorted().toArray()[boxes.size() / 2];
        int right = boxes.stream().mapToInt(b -> b.x + b.width).max().orElse(colSpan.x + colSpan.width);
        int nearest = boxes.stream().mapToInt(b -> b.x + b.width).min().orElse(right);
        int top = boxes.get(0).y;
        int bottom = boxes.stream().mapToInt(b -> b.y + b.height).max().orElse(top);
        Rect zone = Cv.clip(new Rect(nearest - lineH, top - lineH, right - nearest + 5 * lineH, bottom - top + 2 * lineH), grey);
        if (zone.width <= 0 || zone.height <= 0) {
            return es;
        }
        Mat dark = new Mat();
        Imgproc.threshold(new Mat(grey, zone), dark, 128, 255, Imgproc.THRESH_BINARY_INV);
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(dark, labels, stats, new Mat(), 8, CvType.CV_32S);
        List<Element> out = new ArrayList<>(es);
        for (int c = 1; c < n; c++) {
            int x = (int) stats.get(c, 0)[0] + zone.x;
            int y = (int) stats.get(c, 1)[0] + zone.y;
            int w = (int) stats.get(c, 2)[0];
            int h = (int) stats.get(c, 3)[0];
            if (System.getenv("P2C_DETECT_DEBUG") != null) {
                System.err.printf("repeat candidate %d,%d %dx%d lineH %d right %d%n", x, y, w, h, lineH, right);
            }
            if (h < 1.6 * lineH || w > 0.9 * lineH) {
                continue;
            }
            List<Integer> spanned = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                int cy = boxes.get(i).y + boxes.get(i).height / 2;
                if (cy >= y && cy <= y + h) {
                    spanned.add(i);
                }
            }
            if (spanned.isEmpty() || x < spanned.stream().mapToInt(i -> boxes.get(i).x + boxes.get(i).width).max().getAsInt() - 3) {
                continue;
            }
            Rect after = Cv.clip(new Rect(x + w, y + h / 2 - lineH, 3 * lineH, 2 * lineH), grey);
            String read = textSource.lineIn(grey, after);
            if (System.getenv("P2C_DETECT_DEBUG") != null) {
                System.err.println("repeat mark '" + read + "'");
            }
            Matcher m = REPEAT.matcher(read.replace('%', 'x'));
            if (!m.find()) {
                continue;
            }
            int times = Integer.parseInt(m.group(1));
            if (times < 2 || times > 16) {
                continue;
            }
            List<Element> block = spanned.stream().map(es::get).toList();
            int at = out.indexOf(block.get(block.size() - 1)) + 1;
            List<Element> copies = new ArrayList<>();
            for (int k = 1; k < times; k++) {
                copies.addAll(block.stream().map(e -> new Element(e.box(), e.text(), e.label(), e.shapeConfidence())).toList());
            }
            out.addAll(at, copies);
        }
        return out;
    }

    private static double overlap(Rect a, Rect b) {
        return Cv.overlapX(a, b) / (double) Math.min(a.width, b.width);
    }
}
