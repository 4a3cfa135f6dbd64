package org.paper2code.detect;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.similarity.HammingDistance;
import org.apache.commons.text.similarity.LongestCommonSubsequence;

/**
 * How two readings of one small printed number relate when OCR slips: a glyph dropped ("256" read as "56" or "26"),
 * or one glyph misread ("512" as "312", "4096" as "4036"). Used to choose between readings that should state the same
 * count (the depth under a cuboid read twice, the counts of cuboids drawn alike), never to invent a value.
 */
final class DigitSlips {
    /** The counts layer figures draw (models/detect/counts.json). */
    static final Set<Integer> COUNTS = counts();

    private DigitSlips() {
    }

    /**
     * A count read from print a few pixels high, put right where it is none of the counts figures draw and one glyph
     * away from exactly one of them ("312" for 512, "4036" for 4096, "1624" for 1024); as read otherwise (a reading one
     * glyph from two counts says nothing about which).
     */
    static int nearestCount(int read) {
        if (COUNTS.contains(read)) {
            return read;
        }
        List<Integer> near = COUNTS.stream().filter(c -> oneMisread(read, c)).toList();
        return near.size() == 1 ? near.get(0) : read;
    }

    private static Set<Integer> counts() {
        Set<Integer> out = new TreeSet<>();
        ModelFiles.json("/models/detect/counts.json", "drawn counts").path("counts").forEach(c -> out.add(c.asInt()));
        return out;
    }

    /** Whether short is long with one or more digits dropped (its digits in order, fewer of them). */
    static boolean dropped(int shortRead, int longRead) {
        String s = Integer.toString(shortRead);
        String l = Integer.toString(longRead);
        return s.length() < l.length() && new LongestCommonSubsequence().apply(s, l) == s.length();
    }

    /** Whether the two have the same number of digits and differ in exactly one. */
    static boolean oneMisread(int a, int b) {
        String x = Integer.toString(a);
        String y = Integer.toString(b);
        return x.length() == y.length() && new HammingDistance().apply(x, y) == 1;
    }

    /**
     * The reading to keep of two that should state one count: the longer where the other dropped digits of it (a glyph
     * lost is far likelier than one added), of two that differ in one digit the power of two (channel and unit counts
     * mostly are), else a.
     */
    static int better(int a, int b) {
        if (dropped(a, b)) {
            return b;
        }
        return misreadPowerOfTwo(a, b) ? b : a;
    }

    /** Whether a is the power of two b with one digit misread ("4896" for 4096, "236" for 256). */
    static boolean misreadPowerOfTwo(int a, int b) {
        return oneMisread(a, b) && powerOfTwo(b) && !powerOfTwo(a);
    }

    /** Whether b would replace a, by {@link #better}. */
    static boolean slipOf(int a, int b) {
        return a != b && better(a, b) == b;
    }

    private static boolean powerOfTwo(int v) {
        return v > 0 && (v & (v - 1)) == 0;
    }
}
