package org.paper2code.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the running text of two-column pages keeps its columns apart: a sentence is "mixed" when,
 * on one two-column page, its lines go from the left column to the right one without going up (a
 * column break continues at the top of the next column), from the right to the left without going
 * down (the next band below a full-width figure), or when it holds a line across the gutter as well
 * as a line inside a column. Columns are those of the page's gutter ({@link Paper.SourceLine#column}).
 */
public final class ReadingOrderCheck {

    /** Sentences with a line on a two-column page, and the mixed ones, each described. */
    public record Result(int checked, List<String> mixed) {
        public Result {
            mixed = List.copyOf(mixed);
        }
    }

    private ReadingOrderCheck() {
    }

    public static Result check(Paper paper) {
        int checked = 0;
        List<String> mixed = new ArrayList<>();
        for (Paper.Sentence s : paper.sentences()) {
            List<Paper.SourceLine> on = s.lines().stream().filter(l -> twoColumns(paper, l.page())).toList();
            if (on.isEmpty()) {
                continue;
            }
            checked++;
            String why = why(on);
            if (why != null) {
                String t = s.text().length() > 120 ? s.text().substring(0, 120) + "..." : s.text();
                mixed.add("p" + on.get(0).page() + " " + why + ": " + t);
            }
        }
        return new Result(checked, mixed);
    }

    private static boolean twoColumns(Paper paper, int page) {
        return page >= 1 && page <= paper.pages().size() && paper.pages().get(page - 1).columns() == 2;
    }

    /** Why the lines (all on two-column pages, in reading order) mix the columns, or null when they do not. */
    static String why(List<Paper.SourceLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Paper.SourceLine a = lines.get(i);
            for (Paper.SourceLine b : lines) {
                if (b.page() == a.page() && a.column() < 0 && b.column() >= 0) {
                    return String.format(Locale.ROOT, "a line across the gutter (y %.0f) with column text", a.box().y());
                }
            }
            if (i + 1 == lines.size()) {
                break;
            }
            Paper.SourceLine b = lines.get(i + 1);
            if (a.page() != b.page() || a.column() < 0 || b.column() < 0 || a.column() == b.column()) {
                continue;
            }
            if (a.column() == 0 && b.box().y() >= a.box().y() - 1) {
                return String.format(Locale.ROOT, "left (y %.0f) to right (y %.0f) without a column break", a.box().y(), b.box().y());
            }
            if (a.column() == 1 && b.box().y() <= a.box().y1()) {
                return String.format(Locale.ROOT, "right (y %.0f) back to left (y %.0f) above it", a.box().y(), b.box().y());
            }
        }
        return null;
    }
}
