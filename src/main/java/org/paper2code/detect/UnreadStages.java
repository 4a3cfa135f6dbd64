package org.paper2code.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * A drawn stage box on a pipeline's flow (an arrow comes in, an arrow goes out) whose title OCR could not read (tiny
 * text on a dark fill reads as nothing, or as specks: "aN", ". 4") is still a stage: an opaque one (Lambda). Left
 * without a label it would be dropped, and the flow through it cut in two.
 */
final class UnreadStages {
    private UnreadStages() {
    }

    /** Labels, in place, each of the first {@code boxCount} elements that is unlabelled, wordless, fed and feeding. */
    static void label(List<Element> elements, List<Link> links, int boxCount) {
        for (int i = 0; i < boxCount; i++) {
            final int box = i;
            Element e = elements.get(i);
            if (e.label().isEmpty() && !BoxCaptions.hasWord(e.text()) && !PipelineInputs.sizeOnly(e.text())
                    && links.stream().anyMatch(l -> l.to() == box && l.from() != box)
                    && links.stream().anyMatch(l -> l.from() == box && l.to() != box)) {
                ParsedLabel opaque = new ParsedLabel("Lambda", new LinkedHashMap<>(), List.of(), 0.4, List.of(), null);
                elements.set(i, e.withLabel(e.text(), Optional.of(opaque)));
            }
        }
    }
}
