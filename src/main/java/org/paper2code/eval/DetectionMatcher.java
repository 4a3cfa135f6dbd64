package org.paper2code.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores figure detection in one paper: a found figure is a true positive when it overlaps a
 * truth figure on the same page with IoU &ge; {@link #MIN_IOU}. Pairs are taken greedily,
 * highest IoU first, each figure used at most once.
 */
public final class DetectionMatcher {
    public static final double MIN_IOU = 0.5;

    /** A matched pair: index into the found list, index into the truth list, their IoU. */
    public record Pair(int found, int truth, double iou) {
    }

    private DetectionMatcher() {
    }

    public static Prf score(List<FoundFigure> found, List<FoundFigure> truth) {
        int tp = pairs(found, truth).size();
        return new Prf(tp, found.size() - tp, truth.size() - tp);
    }

    /** The one-to-one matched pairs, greedy by descending IoU (ties: lower indices first). */
    public static List<Pair> pairs(List<FoundFigure> found, List<FoundFigure> truth) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            for (int j = 0; j < truth.size(); j++) {
                if (found.get(i).page() == truth.get(j).page()) {
                    double iou = found.get(i).bbox().iou(truth.get(j).bbox());
                    if (iou >= MIN_IOU) {
                        pairs.add(new Pair(i, j, iou));
                    }
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed().thenComparingInt(Pair::found).thenComparingInt(Pair::truth));
        boolean[] usedF = new boolean[found.size()];
        boolean[] usedT = new boolean[truth.size()];
        List<Pair> out = new ArrayList<>();
        for (Pair p : pairs) {
            if (!usedF[p.found] && !usedT[p.truth]) {
                usedF[p.found] = true;
                usedT[p.truth] = true;
                out.add(p);
            }
        }
        return out;
    }
}
