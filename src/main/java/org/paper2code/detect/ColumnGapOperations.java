package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.opencv.core.Rect;

/**
 * Decks drawn in a column (a left-to-right figure where one layer's map sits under the previous one, joined by a
 * down arrow: ZFNet's "3x3 max pool, stride 2 | contrast norm." between a conv map and its pooled map): the
 * operation that makes the lower deck is written in the gap between the two, often on both sides of the arrow.
 * Those lines are read as blocks, left block first, each block top to bottom.
 */
final class ColumnGapOperations {
    private ColumnGapOperations() {
    }

    /** For each deck (by index) lying right under the deck before it, the lines in the gap; only gaps naming an operation. */
    static Map<Integer, List<TextLines.Line>> find(List<Rect> decks, List<TextLines.Line> lines, Predicate<String> isOperation) {
        Map<Integer, List<TextLines.Line>> out = new HashMap<>();
        for (int i = 1; i < decks.size(); i++) {
            Rect a = decks.get(i - 1);
            Rect b = decks.get(i);
            if (!under(a, b)) {
                continue;
            }
            int reach = Math.min(a.width, b.width) / 2;
            int left = Math.min(a.x, b.x) - reach;
            int right = Math.max(a.x + a.width, b.x + b.width) + reach;
            List<TextLines.Line> gap = new ArrayList<>();
            for (TextLines.Line t : lines) {
                Rect r = t.box();
                if (t.cy() > a.y + a.height && t.cy() < b.y && r.x < right && r.x + r.width > left) {
                    gap.add(t);
                }
            }
            if (gap.stream().anyMatch(t -> isOperation.test(t.text()))) {
                out.put(i, blocksInOrder(gap));
            }
        }
        return out;
    }

    /** b lies below a (not beside it) and their widths overlap by at least half the narrower one. */
    static boolean under(Rect a, Rect b) {
        int overlap = Cv.overlapX(a, b);
        return b.y >= a.y + a.height - 4 && overlap >= 0.5 * Math.min(a.width, b.width);
    }

    /** Lines grouped into side-by-side blocks (lines sharing most of their width), left block first, top to bottom. */
    static List<TextLines.Line> blocksInOrder(List<TextLines.Line> lines) {
        List<List<TextLines.Line>> blocks = new ArrayList<>();
        List<TextLines.Line> byX = new ArrayList<>(lines);
        byX.sort(Comparator.comparingInt(t -> t.box().x));
        for (TextLines.Line t : byX) {
            List<TextLines.Line> home = blocks.stream().filter(b -> b.stream().anyMatch(o -> shareWidth(o.box(), t.box()))).findFirst().orElse(null);
            if (home == null) {
                home = new ArrayList<>();
                blocks.add(home);
            }
            home.add(t);
        }
        List<TextLines.Line> out = new ArrayList<>();
        for (List<TextLines.Line> b : blocks) {
            b.sort(Comparator.comparingInt(t -> t.box().y));
            out.addAll(b);
        }
        return out;
    }

    private static boolean shareWidth(Rect a, Rect b) {
        int overlap = Cv.overlapX(a, b);
        return overlap > 0.3 * Math.min(a.width, b.width);
    }
}
