package org.paper2code.detect;

import java.util.Optional;
import org.opencv.core.Rect;

/**
 * One drawn layer as the detectors see it: where it is, the text read for it, what the label grammar made
 * of that text, and how sure the shape detector is that it is a layer.
 */
public record Element(Rect box, String text, Optional<ParsedLabel> label, double shapeConfidence) {
    public Element withLabel(String newText, Optional<ParsedLabel> newLabel) {
        return new Element(box, newText, newLabel, shapeConfidence);
    }
}
