package org.paper2code.pdf;

/** One character as drawn: its box (points from the page's top left), baseline, font size and weight. */
record Glyph(String text, Rect box, double baseline, double fontSize, boolean bold, String font) {
}
