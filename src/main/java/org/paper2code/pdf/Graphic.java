package org.paper2code.pdf;

/** One drawing operation's footprint on the page: a stroked or filled path, or an image (with its pixel size). */
record Graphic(Kind kind, Rect box, int pixelWidth, int pixelHeight) {
    enum Kind { PATH, IMAGE }

    boolean isImage() {
        return kind == Kind.IMAGE;
    }
}
