package org.paper2code.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Every figure and table of one PDF, annotated by hand independently of the pdf stage
 * ({@code eval/annotations/layout/<pdf stem>.layout.tsv}). The file is TSV: a header line
 * {@code kind label page x y w h caption}, then one row per figure or table: kind {@code figure|table},
 * label ("Figure 3", "-" when none), 1-based page, box in PDF points from the page's top left,
 * caption on one line ("-" when none). {@code #} lines are comments; {@code # pdf: PATH} names the
 * PDF relative to the TSV (default: {@code <stem>.pdf} beside it or in a --pdfs folder).
 *
 * @param pdf the PDF path as written (relative to the TSV file)
 */
public record LayoutTruth(String pdf, List<Item> items) {
    public enum Kind { FIGURE, TABLE }

    /** One annotated figure or table; label and caption are null when the annotation says "-". */
    public record Item(Kind kind, String label, int page, Box bbox, String caption) {
    }

    public LayoutTruth {
        items = List.copyOf(items);
    }

    public List<Item> of(Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    /**
     * Parses the TSV text; {@code defaultPdf} is used when no {@code # pdf:} line names one.
     *
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    public static LayoutTruth parse(String text, String defaultPdf) {
        String pdf = defaultPdf;
        List<Item> items = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        boolean header = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String c = line.substring(1).strip();
                if (c.startsWith("pdf:")) {
                    pdf = c.substring(4).strip();
                }
                continue;
            }
            if (!header) {
                if (!line.startsWith("kind\t")) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": expected the header 'kind<TAB>label<TAB>page<TAB>x<TAB>y<TAB>w<TAB>h<TAB>caption'");
                }
                header = true;
                continue;
            }
            items.add(item(line, n + 1));
        }
        return new LayoutTruth(pdf, items);
    }

    private static Item item(String line, int n) {
        String[] f = line.split("\t", 8);
        if (f.length != 8) {
            throw new IllegalArgumentException("line " + n + ": 8 tab-separated fields expected, found " + f.length);
        }
        Kind kind = switch (f[0].strip()) {
            case "figure" -> Kind.FIGURE;
            case "table" -> Kind.TABLE;
            default -> throw new IllegalArgumentException("line " + n + ": kind must be figure or table, not '" + f[0] + "'");
        };
        try {
            int page = Integer.parseInt(f[2].strip());
            Box box = new Box(Double.parseDouble(f[3].strip()), Double.parseDouble(f[4].strip()),
                    Double.parseDouble(f[5].strip()), Double.parseDouble(f[6].strip()));
            if (page < 1 || box.w() <= 0 || box.h() <= 0) {
                throw new IllegalArgumentException("line " + n + ": page must be >= 1 and the box non-empty");
            }
            return new Item(kind, dash(f[1]), page, box, dash(f[7]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + n + ": page and box must be numbers (" + e.getMessage() + ")");
        }
    }

    private static String dash(String s) {
        String t = s.strip();
        return t.isEmpty() || t.equals("-") ? null : t;
    }
}
