package org.paper2code.eval;

/** A figure or table the pdf stage found: kind, 1-based page, box in PDF points, label and caption (null when none). */
public record FoundObject(LayoutTruth.Kind kind, int page, Box bbox, String label, String caption) {
}
