package org.paper2code.pdf;

import java.util.ArrayList;
import java.util.List;
import org.paper2code.eval.Box;
import org.paper2code.eval.PaperTruth;

/** Matches found figures to annotated ones (same page, IoU >= 0.5, best first) and counts. */
record FigureScore(int truth, int found, int matched, int captionsExact, List<String> misses) {

    static FigureScore of(PaperTruth t, Paper p) {
        List<Paper.Figure> found = new ArrayList<>(p.figures());
        int matched = 0;
        int exact = 0;
        List<String> misses = new ArrayList<>();
        for (PaperTruth.Figure f : t.figures()) {
            Paper.Figure best = null;
            double bestIou = 0.5;
            for (Paper.Figure g : found) {
                Box b = new Box(g.bbox().x(), g.bbox().y(), g.bbox().w(), g.bbox().h());
                double iou = b.iou(f.bbox());
                if (g.page() == f.page() && iou >= bestIou) {
                    best = g;
                    bestIou = iou;
                }
            }
            if (best == null) {
                misses.add(t.pdf() + " " + f.label() + " (page " + f.page() + ")");
                continue;
            }
            found.remove(best);
            matched++;
            if (normal(f.caption()).equals(normal(best.caption()))) {
                exact++;
            } else {
                misses.add(t.pdf() + " " + f.label() + " caption: " + best.caption());
            }
        }
        found.forEach(g -> misses.add(t.pdf() + " extra " + g));
        return new FigureScore(t.figures().size(), p.figures().size(), matched, exact, misses);
    }

    FigureScore plus(FigureScore o) {
        List<String> m = new ArrayList<>(misses);
        m.addAll(o.misses);
        return new FigureScore(truth + o.truth, found + o.found, matched + o.matched, captionsExact + o.captionsExact, m);
    }

    double precision() {
        return found == 0 ? 1 : matched / (double) found;
    }

    double recall() {
        return truth == 0 ? 1 : matched / (double) truth;
    }

    double captionExactness() {
        return matched == 0 ? 1 : captionsExact / (double) matched;
    }

    /** Whitespace collapsed, ligatures resolved. */
    static String normal(String s) {
        return s == null ? "" : Ligatures.normalise(s).replaceAll("\\s+", " ").strip();
    }
}
