package org.paper2code.eval;

/** A figure found in a PDF: 1-based page and its box in PDF points from the page's top left. */
public record FoundFigure(int page, Box bbox) {
}
