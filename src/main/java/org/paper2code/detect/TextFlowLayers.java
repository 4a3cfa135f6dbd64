package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencv.core.Rect;

/**
 * Pipeline figures that name a stage in free text with no box around it ("convolutional layers", "fully-connected
 * layers (fc6, fc7)", "input image"), the stages drawn as pictures (a stack of feature maps, a photo) or not at all:
 * each such text is a node. A text counts when it is a short label (a block of one or two stacked lines, no
 * sentence), lies clear of every box (text beside a box is that box's caption, see {@link BoxCaptions}) and the
 * grammar reads a layer type in it. A plural label that lists its layers in parentheses ("layers (fc6, fc7)")
 * stands for that many layers in a row.
 */
final class TextFlowLayers {
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");
    /** "feature maps of conv5": the output of a layer named elsewhere, a tensor and no layer of its own. */
    private static final Pattern OUTPUT_OF = Pattern.compile("(?i)\\b(feature\\s*maps?|outputs?|activations?)\\s+of\\b");
    /** "layers (fc6, fc7)": a plural head, then a parenthesised list of two or more names. */
    private static final Pattern LISTED = Pattern.compile("(?i)\\blayers\\b[^(]*\\(([^)]*,[^)]*)\\)?");

    /** A text node: where it is, its text, its reading, and how many layers in a row it stands for. */
    record TextNode(Rect box, String text, ParsedLabel label, int count) {
    }

    private final LabelGrammar grammar;

    TextFlowLayers(LabelGrammar grammar) {
        this.grammar = grammar;
    }

    /** The text nodes among a figure's text lines, clear of the given boxes; in no particular order. */
    List<TextNode> find(List<TextLines.Line> lines, List<Rect> boxes) {
        List<TextLines.Line> clear = lines.stream().filter(t -> WORD.matcher(t.text()).find())
                .filter(t -> boxes.stream().allMatch(b -> BoxCaptions.gap(b, t.box()) > 2.0 * t.box().height && !touches(b, t.box())))
                .toList();
        List<TextNode> out = new ArrayList<>();
        for (List<TextLines.Line> block : blocks(clear)) {
            String text = String.join(" ", block.stream().map(TextLines.Line::text).toList()).replaceAll("\\s+", " ").strip();
            if (!BoxCaptions.isShort(text) || text.matches("(?i)^fig(ure|\\.)?\\b.*") || OUTPUT_OF.matcher(text).find()) {
                continue;
            }
            Optional<ParsedLabel> lab = grammar.read(text).filter(p -> !p.type().equals("Lambda"));
            if (lab.isEmpty()) {
                continue;
            }
            Rect box = block.get(0).box();
            for (TextLines.Line t : block) {
                box = BoxFlowParser.union(box, t.box());
            }
            out.add(new TextNode(box, text, lab.get(), listed(text)));
        }
        return out;
    }

    /** How many layers a label lists ("fully-connected layers (fc6, fc7)" lists 2); 1 when it lists none. */
    static int listed(String text) {
        Matcher m = LISTED.matcher(text);
        if (!m.find()) {
            return 1;
        }
        int n = 0;
        for (String item : m.group(1).split(",")) {
            if (item.replaceAll("[^A-Za-z0-9]", "").length() >= 2) {
                n++;
            }
        }
        return Math.max(1, n);
    }

    private static boolean touches(Rect a, Rect b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }

    /**
     * Lines stacked into one label: the next line starts within a line's height below, about as tall, and overlaps
     * the one above across ("spatial pyramid" over "pooling layer").
     */
    static List<List<TextLines.Line>> blocks(List<TextLines.Line> lines) {
        List<TextLines.Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(t -> t.box().y));
        List<List<TextLines.Line>> out = new ArrayList<>();
        for (TextLines.Line t : sorted) {
            List<TextLines.Line> home = null;
            for (List<TextLines.Line> b : out) {
                Rect last = b.get(b.size() - 1).box();
                Rect r = t.box();
                double h = Math.max(last.height, r.height);
                double gap = r.y - (last.y + last.height);
                double overlap = Cv.overlapX(last, r);
                if (b.size() < 2 && gap > -0.3 * h && gap < 0.8 * h && Math.min(last.height, r.height) > 0.6 * h
                        && overlap > 0.5 * Math.min(last.width, r.width)) {
                    home = b;
                    break;
                }
            }
            if (home != null) {
                home.add(t);
            } else {
                out.add(new ArrayList<>(List.of(t)));
            }
        }
        return out;
    }

    /**
     * Links for a figure whose nodes are all text: the nodes in a row along the flow axis, starting from the end
     * where the input is (a figure read bottom-up puts "input image" at the bottom); side-by-side nodes (one listed
     * plural) follow each other across.
     */
    static List<Link> chain(List<Element> elements, boolean vertical) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            order.add(i);
        }
        Comparator<Integer> along = Comparator.comparingDouble(i -> vertical ? ConnectorTracer.centreY(elements.get(i).box())
                : ConnectorTracer.centreX(elements.get(i).box()));
        order.sort(along.thenComparingDouble(i -> vertical ? ConnectorTracer.centreX(elements.get(i).box())
                : ConnectorTracer.centreY(elements.get(i).box())));
        int firstInput = -1;
        int lastInput = -1;
        for (int k = 0; k < order.size(); k++) {
            if (elements.get(order.get(k)).label().map(l -> l.type().equals("Input")).orElse(false)) {
                firstInput = firstInput < 0 ? k : firstInput;
                lastInput = k;
            }
        }
        if (firstInput >= 0 && order.size() - 1 - lastInput < firstInput) {
            // the input lies nearer the far end: the flow runs backwards along the axis (and, as the reading order
            // of a backward figure does, across it too)
            java.util.Collections.reverse(order);
        }
        List<Link> out = new ArrayList<>();
        for (int k = 1; k < order.size(); k++) {
            out.add(new Link(order.get(k - 1), order.get(k), 0.4));
        }
        return out;
    }
}
