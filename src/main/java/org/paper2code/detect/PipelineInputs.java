package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Rect;

/**
 * The inputs of a pipeline figure are pictures (a photo, a hatched frame, a waveform) with a caption under or
 * beside them, not boxes with a layer's name inside. Two readings follow: an arrow that starts at a picture's
 * caption (drawn from below the caption, so it ends in the open) leaves that picture, not a new input of its own;
 * and a picture with no text that only feeds other boxes is an input.
 */
final class PipelineInputs {
    private final Optional<ParsedLabel> input;
    /**
     * A box whose text is only a size or a count ("256-d", "512", "7x7x512") is a drawn tensor or layer, not a picture:
     * OCR of a picture yields letter fragments or a lone digit ("4" from hatching), not a number of two digits or more.
     */
    private static final java.util.regex.Pattern SIZE_ONLY = java.util.regex.Pattern.compile(
            "\\s*(?:\\d+(?:\\s*[x×*]\\s*\\d+)+|\\d{2,})\\s*(?:-?\\s*d(?:im)?)?\\s*", java.util.regex.Pattern.CASE_INSENSITIVE);

    PipelineInputs(LabelGrammar grammar) {
        this.input = grammar.read("input");
    }

    /**
     * Rewires, in place, the links of each entry (a free arrow end, element id in {@code entries}) that starts at the
     * caption of a box with nothing flowing into it: the box feeds those links, and the entry is blanked (the
     * assembler drops an element without text or label). Returns the new links.
     */
    List<Link> captionStarts(List<Element> elements, List<Link> links, List<Integer> entries, int boxCount, List<TextLines.Line> text,
                             java.util.function.Function<Rect, String> readAt) {
        List<Link> out = new ArrayList<>(links);
        // a caption holds a word: OCR of a hatched or photographed picture yields fragments as tall as the picture
        List<TextLines.Line> captions = BoxCaptions.outside(text, elements.subList(0, boxCount));
        for (int en : entries) {
            Rect at = elements.get(en).box();
            int best = captionedBox(elements, out, boxCount, at, captions);
            if (best < 0) {
                List<TextLines.Line> gaps = new ArrayList<>();
                for (int i = 0; i < boxCount; i++) {
                    if (!fed(out, i) && !BoxCaptions.hasWord(elements.get(i).text())) {
                        gapCaption(elements.get(i).box(), at, readAt).ifPresent(gaps::add);
                    }
                }
                best = captionedBox(elements, out, boxCount, at, gaps);
            }
            if (best < 0) {
                continue;
            }
            List<Link> rewired = new ArrayList<>();
            for (Link l : out) {
                rewired.add(l.from() == en ? new Link(best, l.to(), l.confidence()) : l);
            }
            out = rewired;
            elements.set(en, elements.get(en).withLabel("", Optional.empty()));
            asInput(elements, best);
        }
        return out;
    }

    /** The box with nothing flowing into it whose caption (one of {@code captions}) the free end {@code at} starts at, or -1. */
    private static int captionedBox(List<Element> elements, List<Link> links, int boxCount, Rect at, List<TextLines.Line> captions) {
        int best = -1;
        double bestGap = Double.MAX_VALUE;
        for (int i = 0; i < boxCount; i++) {
            if (fed(links, i)) {
                continue;
            }
            for (TextLines.Line t : captions) {
                double reach = 2.0 * t.box().height;
                double captionGap = BoxCaptions.gap(elements.get(i).box(), t.box());
                double endGap = ConnectorTracer.distance(t.box(), ConnectorTracer.centreX(at), ConnectorTracer.centreY(at));
                if (captionGap <= reach && endGap <= reach && captionGap + endGap < bestGap) {
                    bestGap = captionGap + endGap;
                    best = i;
                }
            }
        }
        return best;
    }

    private static boolean fed(List<Link> links, int box) {
        return links.stream().anyMatch(l -> l.to() == box);
    }

    /**
     * The caption read between a picture and an arrow's free end beside it (below, above, left or right of it, nearer
     * than the picture's own extent that way), as one line spanning that gap; empty when the gap holds no word.
     * The whole-figure reading loses a caption set close under a hatched or photographed picture (the page layout
     * takes the two for one image block) while the gap alone reads it ("Image A" came out as "A").
     */
    static Optional<TextLines.Line> gapCaption(Rect picture, Rect end, java.util.function.Function<Rect, String> readAt) {
        int ex = (int) ConnectorTracer.centreX(end);
        int ey = (int) ConnectorTracer.centreY(end);
        Rect gap = null;
        if (ex >= picture.x && ex < picture.x + picture.width) {
            if (ey > picture.y + picture.height && ey - (picture.y + picture.height) <= picture.height) {
                gap = new Rect(picture.x, picture.y + picture.height, picture.width, ey - (picture.y + picture.height));
            } else if (ey < picture.y && picture.y - ey <= picture.height) {
                gap = new Rect(picture.x, ey, picture.width, picture.y - ey);
            }
        } else if (ey >= picture.y && ey < picture.y + picture.height) {
            if (ex > picture.x + picture.width && ex - (picture.x + picture.width) <= picture.width) {
                gap = new Rect(picture.x + picture.width, picture.y, ex - (picture.x + picture.width), picture.height);
            } else if (ex < picture.x && picture.x - ex <= picture.width) {
                gap = new Rect(ex, picture.y, picture.x - ex, picture.height);
            }
        }
        if (gap == null || Math.min(gap.width, gap.height) < MIN_GAP_PX) {
            return Optional.empty();
        }
        String read = readAt.apply(gap).replaceAll("\\s+", " ").strip();
        return BoxCaptions.hasWord(read) && BoxCaptions.isShort(read) ? Optional.of(new TextLines.Line(read, gap)) : Optional.empty();
    }

    /** A gap narrower than a small letter holds no caption. */
    private static final int MIN_GAP_PX = 8;

    /**
     * Labels, in place, every box without a label that feeds others and is fed by none as an input, when it holds no
     * word of text or size (OCR of a hatched or photographed picture yields fragments, ",|4", "Yj") or when a caption
     * outside names it: a stage is titled inside its box, a picture beside it ("Audio waveform" under a waveform whose
     * strokes OCR reads as "Wwi~" or "WWW") and it begins the flow (a captioned step further on, "2. Extract region
     * proposals" under a picture of a step, is no input).
     */
    void textlessSources(List<Element> elements, List<Link> links, int boxCount, boolean vertical,
                         java.util.function.Supplier<List<TextLines.Line>> text) {
        for (int i = 0; i < boxCount; i++) {
            final int box = i;
            String own = elements.get(i).text();
            if (elements.get(i).label().isPresent() || links.stream().noneMatch(l -> l.from() == box) || links.stream().anyMatch(l -> l.to() == box)) {
                continue;
            }
            if (!BoxCaptions.hasWord(own) && !SIZE_ONLY.matcher(own).matches() || first(elements, i, boxCount, vertical) && captioned(elements, i, boxCount, text.get())) {
                asInput(elements, i);
            }
        }
    }

    /** Whether no other box's centre lies before box {@code i} begins, along the flow (left to right, or top down). */
    private static boolean first(List<Element> elements, int i, int boxCount, boolean vertical) {
        Rect b = elements.get(i).box();
        double start = vertical ? b.y : b.x;
        return elements.subList(0, boxCount).stream()
                .noneMatch(e -> (vertical ? ConnectorTracer.centreY(e.box()) : ConnectorTracer.centreX(e.box())) < start);
    }

    /** Whether a caption line outside the boxes lies beside box {@code i} (within two line heights), nearer to it than to any other box. */
    private static boolean captioned(List<Element> elements, int i, int boxCount, List<TextLines.Line> text) {
        List<Element> boxes = elements.subList(0, boxCount);
        for (TextLines.Line t : BoxCaptions.outside(text, boxes)) {
            double gap = BoxCaptions.gap(boxes.get(i).box(), t.box());
            if (gap <= 2.0 * t.box().height && boxes.stream().allMatch(b -> BoxCaptions.gap(b.box(), t.box()) >= gap)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a box's text is only a size ("512", "3x224x224"), which names no stage. */
    static boolean sizeOnly(String text) {
        return SIZE_ONLY.matcher(text).matches();
    }

    private void asInput(List<Element> elements, int i) {
        Element e = elements.get(i);
        if (e.label().isEmpty()) {
            elements.set(i, e.withLabel(e.text(), input));
        }
    }
}
