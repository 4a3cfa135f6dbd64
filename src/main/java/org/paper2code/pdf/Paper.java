package org.paper2code.pdf;

import java.util.Arrays;
import java.util.List;

/**
 * What the PDF stage gives the later stages: metadata, text per page in reading order,
 * sections, sentences with their pages, figures and tables with captions and crops.
 *
 * @param scanned  true when some page had no text layer (its text then comes from OCR, if any)
 * @param partial  true when the result is incomplete (time limit, damaged pages); {@link #warnings} say why
 */
public record Paper(Meta meta, List<Page> pages, List<Section> sections, List<Sentence> sentences, List<Figure> figures,
                    List<Table> tables, boolean scanned, boolean partial, List<String> warnings, List<PageImage> overlays) {
    public Paper {
        pages = List.copyOf(pages);
        sections = List.copyOf(sections);
        sentences = List.copyOf(sentences);
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
        overlays = overlays == null ? List.of() : List.copyOf(overlays);
    }

    /** The text of all pages in reading order, pages separated by form feeds (as pdftotext does). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Page p : pages) {
            sb.append(p.text()).append('\f');
        }
        return sb.toString();
    }

    /** @param title null when the PDF gives none; {@code authors} empty when it gives none */
    public record Meta(String file, String sha256, int pageCount, String title, List<String> authors, boolean encrypted) {
        public Meta {
            authors = List.copyOf(authors);
        }
    }

    /** One page: size in points, text in reading order, columns found, and whether its text came from OCR. */
    public record Page(int number, double width, double height, int columns, String text, TextSource source) {
    }

    public enum TextSource { TEXT_LAYER, OCR, NONE }

    /** A heading: number ("3.2", null when unnumbered), title, page. */
    public record Section(String number, String title, int page) {
    }

    /**
     * A sentence, the page it starts on, and the lines its text came from in reading order (empty for OCR text):
     * where a reader can find it and what the reading-order check ({@link ReadingOrderCheck}) inspects.
     */
    public record Sentence(String text, int page, List<SourceLine> lines) {
        public Sentence {
            lines = List.copyOf(lines);
        }

        public Sentence(String text, int page) {
            this(text, page, List.of());
        }
    }

    /** A line of text on a page: its box and its column (0 left or the only one, 1 right, -1 across the gutter). */
    public record SourceLine(int page, Rect box, int column) {
    }

    public enum FigureKind { RASTER, VECTOR, MIXED }

    /**
     * A figure: label ("Figure 2"; null for an uncaptioned image), caption (null likewise), page (1-based),
     * box in points from the page's top left, kind, its crop as PNG bytes (null when not rendered), and the words the
     * page's text layer draws inside it, placed on the crop's pixels (empty when the crop was not rendered or the
     * figure holds no text-layer words: a raster image, or lettering drawn as outlines).
     */
    public record Figure(int page, Rect bbox, String label, String caption, FigureKind kind, byte[] png, List<Word> words) {
        public Figure {
            png = png == null ? null : png.clone();
            words = words == null ? List.of() : List.copyOf(words);
        }

        public Figure(int page, Rect bbox, String label, String caption, FigureKind kind, byte[] png) {
            this(page, bbox, label, caption, kind, png, List.of());
        }

        @Override
        public byte[] png() {
            return png == null ? null : png.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Figure f && page == f.page && bbox.equals(f.bbox) && java.util.Objects.equals(label, f.label)
                    && java.util.Objects.equals(caption, f.caption) && kind == f.kind && Arrays.equals(png, f.png)
                    && words.equals(f.words);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(page, bbox, label, caption, kind, Arrays.hashCode(png), words);
        }

        @Override
        public String toString() {
            return "Figure[page=" + page + ", bbox=" + bbox + ", label=" + label + ", kind=" + kind + ", words=" + words.size() + "]";
        }

        /**
         * A word of the figure as the PDF draws it: its text (exact, but untrusted data like all paper text), its
         * box in the crop's pixels (x, y from the crop's top left; for turned text the upright box around it) and
         * its angle in degrees counter-clockwise (0 level, 90 read bottom to top; turned text comes a line at a time).
         */
        public record Word(String text, Rect box, double angle) {
            /** A level word. */
            public Word(String text, Rect box) {
                this(text, box, 0);
            }
        }
    }

    /** A table: like a figure, plus its cell text as rows of columns (empty strings for empty cells). */
    public record Table(int page, Rect bbox, String label, String caption, List<List<String>> cells, byte[] png) {
        public Table {
            cells = cells.stream().map(List::copyOf).toList();
            png = png == null ? null : png.clone();
        }

        @Override
        public byte[] png() {
            return png == null ? null : png.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Table t && page == t.page && bbox.equals(t.bbox) && java.util.Objects.equals(label, t.label)
                    && java.util.Objects.equals(caption, t.caption) && cells.equals(t.cells) && Arrays.equals(png, t.png);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(page, bbox, label, caption, cells, Arrays.hashCode(png));
        }

        @Override
        public String toString() {
            return "Table[page=" + page + ", bbox=" + bbox + ", label=" + label + ", rows=" + cells.size() + "]";
        }
    }

    /** A rendered page image (the check overlay). */
    public record PageImage(int page, byte[] png) {
        public PageImage {
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PageImage p && page == p.page && Arrays.equals(png, p.png);
        }

        @Override
        public int hashCode() {
            return 31 * page + Arrays.hashCode(png);
        }
    }
}
