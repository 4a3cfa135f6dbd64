package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Rect;

/**
 * Decks of a left-to-right chain that wraps onto a second row (a long network drawn as two or more rows, the
 * arrow at the end of one row continuing at the start of the next): the decks read row by row, top row first,
 * not by x across rows. Rows are groups of decks whose heights overlap, separated by blank bands; a figure only
 * wraps when there are at least two such rows, each of at least two decks, stacked over one another (their x
 * ranges overlap). Anything else is one row, and the decks keep their plain x order.
 */
record DeckRows(List<List<Rect>> rows) {

    static DeckRows of(List<Rect> shapes) {
        List<Rect> byY = new ArrayList<>(shapes);
        byY.sort(Comparator.comparingInt(r -> r.y));
        List<List<Rect>> bands = new ArrayList<>();
        int bottom = Integer.MIN_VALUE;
        for (Rect r : byY) {
            if (bands.isEmpty() || r.y >= bottom) {
                bands.add(new ArrayList<>());
            }
            bands.get(bands.size() - 1).add(r);
            bottom = Math.max(bottom, r.y + r.height);
        }
        boolean wrapped = bands.size() >= 2 && bands.stream().allMatch(b -> b.size() >= 2) && stacked(bands);
        if (!wrapped) {
            List<Rect> one = new ArrayList<>(shapes);
            one.sort(Comparator.comparingInt(r -> r.x));
            return new DeckRows(List.of(one));
        }
        bands.forEach(b -> b.sort(Comparator.comparingInt(r -> r.x)));
        return new DeckRows(bands.stream().map(List::copyOf).toList());
    }

    /** Every band's x range overlaps the next band's: rows over one another, not a chain stepping down. */
    private static boolean stacked(List<List<Rect>> bands) {
        for (int i = 1; i < bands.size(); i++) {
            int[] a = xRange(bands.get(i - 1));
            int[] b = xRange(bands.get(i));
            int overlap = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
            if (overlap < 0.5 * Math.min(a[1] - a[0], b[1] - b[0])) {
                return false;
            }
        }
        return true;
    }

    private static int[] xRange(List<Rect> band) {
        return new int[] {band.stream().mapToInt(r -> r.x).min().orElse(0), band.stream().mapToInt(r -> r.x + r.width).max().orElse(0)};
    }

    boolean wrapped() {
        return rows.size() > 1;
    }

    /** The decks in reading order: row by row, left to right in each. */
    List<Rect> ordered() {
        return rows.stream().flatMap(List::stream).toList();
    }

    /** The row holding this deck (by identity), or -1. */
    int rowOf(Rect deck) {
        for (int i = 0; i < rows.size(); i++) {
            for (Rect r : rows.get(i)) {
                if (r == deck) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Both decks lie in one row (always true for a figure that does not wrap). */
    boolean sameRow(Rect a, Rect b) {
        return !wrapped() || rowOf(a) == rowOf(b);
    }

    /** The top and bottom of the row holding this deck (the whole figure's decks when it does not wrap). */
    int[] band(Rect deck) {
        List<Rect> row = rows.get(Math.max(0, rowOf(deck)));
        return new int[] {row.stream().mapToInt(r -> r.y).min().orElse(0), row.stream().mapToInt(r -> r.y + r.height).max().orElse(0)};
    }
}
