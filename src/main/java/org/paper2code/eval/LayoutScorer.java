package org.paper2code.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Scores the figures and tables the pdf stage found in one PDF against its {@link LayoutTruth}:
 * per kind, detection at IoU &ge; {@link DetectionMatcher#MIN_IOU} on the same page (greedy
 * one-to-one) and, over the matched pairs, whether the caption is exact after
 * {@link CaptionText#normal}. Each miss, spurious box and wrong caption is described (box too big,
 * too small or shifted; caption cut short, running on, missing, or where it first differs).
 */
public final class LayoutScorer {

    /** One PDF's (or a sum of PDFs') scores and failure descriptions. */
    public record Score(Prf figures, Ratio figureCaptions, Prf tables, Ratio tableCaptions, List<String> failures) {
        public static final Score ZERO = new Score(Prf.ZERO, Ratio.ZERO, Prf.ZERO, Ratio.ZERO, List.of());

        public Score {
            failures = List.copyOf(failures);
        }

        public Score plus(Score o) {
            List<String> f = new ArrayList<>(failures);
            f.addAll(o.failures);
            return new Score(figures.plus(o.figures), figureCaptions.plus(o.figureCaptions), tables.plus(o.tables),
                    tableCaptions.plus(o.tableCaptions), f);
        }
    }

    private LayoutScorer() {
    }

    public static Score score(String name, List<FoundObject> found, LayoutTruth truth) {
        List<String> failures = new ArrayList<>();
        Prf[] prf = new Prf[2];
        Ratio[] captions = new Ratio[2];
        for (LayoutTruth.Kind kind : LayoutTruth.Kind.values()) {
            List<FoundObject> f = found.stream().filter(o -> o.kind() == kind).toList();
            List<LayoutTruth.Item> t = truth.of(kind);
            List<FoundFigure> fb = f.stream().map(o -> new FoundFigure(o.page(), o.bbox())).toList();
            List<FoundFigure> tb = t.stream().map(o -> new FoundFigure(o.page(), o.bbox())).toList();
            List<DetectionMatcher.Pair> pairs = DetectionMatcher.pairs(fb, tb);
            boolean[] usedF = new boolean[f.size()];
            boolean[] usedT = new boolean[t.size()];
            Ratio exact = Ratio.ZERO;
            for (DetectionMatcher.Pair p : pairs) {
                usedF[p.found()] = true;
                usedT[p.truth()] = true;
                FoundObject o = f.get(p.found());
                LayoutTruth.Item i = t.get(p.truth());
                boolean same = CaptionText.same(o.caption(), i.caption());
                exact = exact.plus(same);
                if (!same) {
                    failures.add(name + " p" + i.page() + " " + id(i) + ": caption " + captionDiff(o.caption(), i.caption()));
                } else if (!CaptionText.sameWithSpacing(o.caption(), i.caption())) {
                    failures.add(name + " p" + i.page() + " " + id(i) + ": caption exact, spacing differs (not counted) "
                            + captionDiff(o.caption(), i.caption()));
                }
            }
            for (int j = 0; j < t.size(); j++) {
                if (!usedT[j]) {
                    failures.add(name + " p" + t.get(j).page() + " " + id(t.get(j)) + ": missed; " + nearest(t.get(j), found));
                }
            }
            for (int j = 0; j < f.size(); j++) {
                if (!usedF[j]) {
                    FoundObject o = f.get(j);
                    failures.add(name + " p" + o.page() + " " + kindName(kind) + " " + (o.label() == null ? "(uncaptioned)" : o.label())
                            + " " + box(o.bbox()) + ": spurious; " + nearestTruth(o, truth.items()));
                }
            }
            prf[kind.ordinal()] = new Prf(pairs.size(), f.size() - pairs.size(), t.size() - pairs.size());
            captions[kind.ordinal()] = exact;
        }
        return new Score(prf[0], captions[0], prf[1], captions[1], failures);
    }

    private static String kindName(LayoutTruth.Kind k) {
        return k == LayoutTruth.Kind.FIGURE ? "figure" : "table";
    }

    private static String id(LayoutTruth.Item i) {
        return (i.label() == null ? kindName(i.kind()) + " (no label)" : i.label()) + " " + box(i.bbox());
    }

    static String box(Box b) {
        return String.format(Locale.ROOT, "[%.0f %.0f %.0f %.0f]", b.x(), b.y(), b.w(), b.h());
    }

    /** The found object nearest to a missed truth item, and how its box differs. */
    private static String nearest(LayoutTruth.Item t, List<FoundObject> found) {
        Overlap<FoundObject> near = mostOverlapping(t.page(), t.bbox(), found, FoundObject::page, FoundObject::bbox);
        if (near == null) {
            return "nothing found overlapping it";
        }
        FoundObject best = near.item();
        String how = best.kind() != t.kind() ? "found as a " + kindName(best.kind()) : boxDiff(best.bbox(), t.bbox());
        return String.format(Locale.ROOT, "best found %s %s IoU %.2f: %s", best.label() == null ? "(uncaptioned)" : best.label(),
                box(best.bbox()), near.iou(), how);
    }

    private static String nearestTruth(FoundObject o, List<LayoutTruth.Item> truth) {
        Overlap<LayoutTruth.Item> near = mostOverlapping(o.page(), o.bbox(), truth, LayoutTruth.Item::page, LayoutTruth.Item::bbox);
        if (near == null) {
            return "overlaps no annotated figure or table";
        }
        LayoutTruth.Item best = near.item();
        String how = best.kind() != o.kind() ? "the annotation calls it a " + kindName(best.kind()) : boxDiff(o.bbox(), best.bbox());
        return String.format(Locale.ROOT, "overlaps %s IoU %.2f: %s", id(best), near.iou(), how);
    }

    private record Overlap<T>(T item, double iou) {
    }

    /** Of the items on {@code page}, the one whose box overlaps {@code around} most (first on ties); null when none overlaps. */
    private static <T> Overlap<T> mostOverlapping(int page, Box around, List<T> items, ToIntFunction<T> pageOf, Function<T, Box> boxOf) {
        Overlap<T> best = null;
        for (T item : items) {
            double iou = pageOf.applyAsInt(item) == page ? around.iou(boxOf.apply(item)) : 0;
            if (iou > (best == null ? 0 : best.iou())) {
                best = new Overlap<>(item, iou);
            }
        }
        return best;
    }

    /** "too big", "too small" or "shifted", with the sides that differ by more than 5 points. */
    static String boxDiff(Box found, Box truth) {
        double ratio = found.area() / Math.max(1e-9, truth.area());
        String size = ratio > 1.4 ? String.format(Locale.ROOT, "box too big (%.1fx the area)", ratio)
                : ratio < 0.7 ? String.format(Locale.ROOT, "box too small (%.2fx the area)", ratio) : "box shifted";
        List<String> sides = new ArrayList<>();
        side(sides, "left", truth.x() - found.x());
        side(sides, "top", truth.y() - found.y());
        side(sides, "right", (found.x() + found.w()) - (truth.x() + truth.w()));
        side(sides, "bottom", (found.y() + found.h()) - (truth.y() + truth.h()));
        return size + (sides.isEmpty() ? "" : ", " + String.join(", ", sides));
    }

    /** A side that reaches out (+) or stops short (-) of the truth by more than 5 points. */
    private static void side(List<String> out, String name, double outward) {
        if (Math.abs(outward) > 5) {
            out.add(String.format(Locale.ROOT, "%s %s by %.0f pt", name, outward > 0 ? "beyond" : "short", Math.abs(outward)));
        }
    }

    /** How a found caption differs from the annotated one. */
    static String captionDiff(String found, String truth) {
        String f = CaptionText.normal(found);
        String t = CaptionText.normal(truth);
        if (found == null) {
            return "missing (truth: " + clip(t, 0) + ")";
        }
        if (truth == null) {
            return "found where the annotation has none: " + clip(f, 0);
        }
        if (t.startsWith(f)) {
            return "cut short after " + f.length() + " of " + t.length() + " chars; missing: " + clip(t, f.length());
        }
        if (f.startsWith(t)) {
            return "runs on by " + (f.length() - t.length()) + " chars: " + clip(f, t.length());
        }
        int i = 0;
        while (i < f.length() && i < t.length() && f.charAt(i) == t.charAt(i)) {
            i++;
        }
        return "differs at char " + i + ": found '" + clip(f, Math.max(0, i - 15)) + "' truth '" + clip(t, Math.max(0, i - 15)) + "'";
    }

    private static String clip(String s, int from) {
        String r = s.substring(Math.min(from, s.length()));
        return (from > 0 ? "..." : "") + (r.length() > 60 ? r.substring(0, 60) + "..." : r);
    }
}
