package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Layer class words that OCR of tiny box text garbled ("Batchiterm", "Canvolutan", "Batc hNormalization" split in two),
 * put back: a run of one to three adjacent words of a line that is a few letter edits from a known class word
 * ({@code models/detect/class-words.json}) is replaced by that word. A long word keeps enough of its letters through
 * such misreads to be told apart from every other class word; short ones ("ReLU", "fc") do not and are left alone.
 */
final class GarbledWords {
    public static final String RESOURCE = "/models/detect/class-words.json";
    /** Letter edits allowed per letter of the class word (4 in "Convolution", 3 in "BatchNorm"). */
    private static final double EDITS_PER_LETTER = 0.4;
    /**
     * Fewer for a word OCR split in pieces: the pieces of a split word join up nearly whole ("Batc hNormalization", "Satchit orm"),
     * while two real words side by side ("input image") are far from any one class word yet within 0.4 of a long one.
     */
    private static final double EDITS_PER_LETTER_JOINED = 0.34;
    /** Most OCR words one class word is split into ("Bat nNor m"). */
    private static final int MAX_PIECES = 3;
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+");

    private static GarbledWords standard;

    private final List<String> words;

    GarbledWords(List<String> words) {
        this.words = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    static synchronized GarbledWords standard() {
        if (standard == null) {
            List<String> ws = new ArrayList<>();
            ModelFiles.json(RESOURCE, "class word list").path("words").forEach(w -> ws.add(w.asText()));
            standard = new GarbledWords(ws);
        }
        return standard;
    }

    /** A stretch of a line (start inclusive, end exclusive) to put a class word in place of. */
    private record Fix(int start, int end, String word, double cost) {
    }

    /** The text with each garbled class word put back, line by line; the text itself when none is close. */
    String restore(String text) {
        return String.join("\n", text.lines().map(this::restoreLine).toList());
    }

    private String restoreLine(String line) {
        List<int[]> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(line);
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
        }
        List<Fix> fixes = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder joined = new StringBuilder();
            for (int j = i; j < Math.min(tokens.size(), i + MAX_PIECES); j++) {
                String between = line.substring(j == i ? tokens.get(j)[0] : tokens.get(j - 1)[1], tokens.get(j)[0]);
                if (!between.isBlank()) {
                    break; // pieces of one word are split by spaces only
                }
                joined.append(line, tokens.get(j)[0], tokens.get(j)[1]);
                closest(joined.toString(), tokens.get(i)[0], tokens.get(j)[1], j == i ? EDITS_PER_LETTER : EDITS_PER_LETTER_JOINED)
                        .ifPresent(fixes::add);
            }
        }
        // the best fixes first, each stretch fixed once
        fixes.sort(java.util.Comparator.comparingDouble(Fix::cost));
        List<Fix> kept = new ArrayList<>();
        for (Fix f : fixes) {
            if (kept.stream().noneMatch(k -> k.start < f.end && f.start < k.end)) {
                kept.add(f);
            }
        }
        kept.sort(java.util.Comparator.comparingInt(Fix::start).reversed());
        StringBuilder out = new StringBuilder(line);
        for (Fix f : kept) {
            if (!line.substring(f.start, f.end).equalsIgnoreCase(f.word)) { // a word read right stays as written
                out.replace(f.start, f.end, f.word);
            }
        }
        return out.toString();
    }

    /** The class word nearest a piece of text (at start..end of its line), within the word's edit allowance. */
    private java.util.Optional<Fix> closest(String piece, int start, int end, double editsPerLetter) {
        String p = piece.toLowerCase(Locale.ROOT);
        Fix best = null;
        for (String w : words) {
            int allowed = (int) Math.floor(editsPerLetter * w.length());
            if (Math.abs(w.length() - p.length()) > allowed) {
                continue;
            }
            int d = new LevenshteinDistance(allowed).apply(w, p);
            if (d < 0) {
                continue;
            }
            double cost = (double) d / w.length();
            if (best == null || cost < best.cost) {
                best = new Fix(start, end, w, cost);
            }
        }
        return java.util.Optional.ofNullable(best);
    }
}
