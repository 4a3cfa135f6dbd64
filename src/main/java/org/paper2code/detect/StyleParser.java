package org.paper2code.detect;

import java.util.List;
import org.opencv.core.Mat;

/** The style-specific half of the parser: elements and links found in the image. */
public interface StyleParser {

    /** What was found: elements, links between them, the reading direction, and why nothing was found (else null). */
    record Detected(List<Element> elements, List<Link> links, boolean vertical, String reason) {
    }

    Detected detect(Mat bgr);
}
