package org.paper2code.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * A drawn stage box on a pipeline's flow (an arrow comes in, an arrow goes out) whose title OCR could not read (tiny
 * blurred text reads as nothing, or as specks: "aN", "—") is still a stage: an opaque one (Lambda). Left without a
 * label it is dropped, and the flow through it is cut in two. Only a box whose ink looks like a title counts: a
 * picture on the flow (hatching, a photo, a waveform) holds no word either, and is no stage.
 */
final class UnreadStages {
    private UnreadStages() {
    }

    /**
     * Labels, in place, each of the first {@code boxCount} elements that is unlabelled, wordless, fed and feeding,
     * and holds title-like ink inside its outline ({@link #titleInk}).
     */
    static void label(Mat grey, List<Element> elements, List<Link> links, int boxCount) {
        for (int i = 0; i < boxCount; i++) {
            final int box = i;
            Element e = elements.get(i);
            if (e.label().isEmpty() && !BoxCaptions.hasWord(e.text()) && !PipelineInputs.sizeOnly(e.text())
                    && links.stream().anyMatch(l -> l.to() == box && l.from() != box)
                    && links.stream().anyMatch(l -> l.from() == box && l.to() != box)
                    && titleInk(grey, Cv.grow(e.box(), -3))) {
                ParsedLabel opaque = new ParsedLabel("Lambda", new LinkedHashMap<>(), List.of(), 0.4, List.of(), null);
                elements.set(i, e.withLabel(e.text(), Optional.of(opaque)));
            }
        }
    }

    /**
     * Whether the inside of a box holds a title: a plain fill (no photo), with ink that stands free of the box's
     * frame (letters), more of it than ink running into the frame (hatching and strokes cross the whole picture;
     * what is left of a rounded outline is a few corner specks).
     */
    static boolean titleInk(Mat grey, Rect r) {
        Mat bin = TextSheet.inkOf(grey, r);
        if (bin == null || PictureContent.isPicture(grey, r)) {
            return false;
        }
        int free = 0;
        int framed = 0;
        for (Cv.Blob b : Cv.blobs(bin)) {
            Rect c = b.box();
            if (c.x == 0 || c.y == 0 || c.x + c.width >= bin.cols() || c.y + c.height >= bin.rows()) {
                framed += b.area();
            } else if (c.height >= 3) {
                free += b.area();
            }
        }
        if (System.getenv("P2C_DETECT_DEBUG") != null) {
            System.err.printf("  unread stage? %s free ink %d, framed %d%n", r, free, framed);
        }
        return free >= MIN_TITLE_INK && free > framed;
    }

    /** Fewer free ink pixels than a short word of 6 px letters is JPEG noise or a speck, not a title. */
    private static final int MIN_TITLE_INK = 30;
}
