package org.paper2code.tables;

import org.paper2code.detect.LabelGrammar;
import org.paper2code.detect.ParsedLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one table cell with the diagram parser's label grammar (one lexicon for figures and tables).
 * A cell may name several layers separated by commas ("average pool, 1000-d fc, softmax") and may
 * carry a block multiplier ("3x3, 64 x3"). Bracket pieces of tall brackets are dropped.
 */
final class CellReader {
    /** A multiplier "x3" / "×23": not the x of "3x3", which follows a digit. */
    private static final Pattern MULTIPLIER = Pattern.compile("(?<![\\w.])[×xX✕]\\s*(\\d{1,3})\\b");
    private static final Pattern BRACKETS = Pattern.compile("[\\[\\]{}⎡⎢⎣⎤⎥⎦]");
    /** An output size ("3 × 32 × 32", "112×112"), which the grammar would read as a kernel and width. */
    private static final Pattern SIZE_ONLY = Pattern.compile("^\\s*\\d+(\\s*[×xX]\\s*\\d+){1,2}\\s*$");
    /** A layer's name ("fc1", "conv2", "pool1"): its number is an index, not a size. */
    private static final Pattern NAME_ONLY = Pattern.compile("^\\s*[A-Za-z]{1,8}_?\\d{1,2}[a-z]?\\s*$");

    /** @param layers the layers the cell names, in order; @param multiplier block count, 0 when none */
    record Cell(List<ParsedLabel> layers, int multiplier) {
        boolean empty() {
            return layers.isEmpty() && multiplier == 0;
        }
    }

    private CellReader() {
    }

    /** True when the text holds a letter or digit (bracket pieces and blank glyphs do not). */
    static boolean meaningful(String text) {
        return text != null && printable(BRACKETS.matcher(text).replaceAll("")).codePoints().anyMatch(Character::isLetterOrDigit);
    }

    static Cell read(String text) {
        if (!meaningful(text)) {
            return new Cell(List.of(), 0);
        }
        String t = printable(BRACKETS.matcher(text).replaceAll(" "));
        if (SIZE_ONLY.matcher(t).matches() || NAME_ONLY.matcher(t).matches()) {
            return new Cell(List.of(), 0);
        }
        int multiplier = 0;
        Matcher m = MULTIPLIER.matcher(t);
        if (m.find()) {
            multiplier = Integer.parseInt(m.group(1));
            t = t.substring(0, m.start()) + " " + t.substring(m.end());
        }
        return new Cell(layers(t.strip()), multiplier);
    }

    /** Drops glyphs that are no text (private-use bracket pieces, controls) so anchored grammar rules still match. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean junk = type == Character.PRIVATE_USE || type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.UNASSIGNED || type == Character.SURROGATE || (cp >= 0x239B && cp <= 0x23AD);
            sb.appendCodePoint(junk ? ' ' : cp);
        });
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    /** The layers of a cell: a comma-separated part that reads as a layer on its own starts a new one. */
    static List<ParsedLabel> layers(String text) {
        List<ParsedLabel> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String seg : text.split(",")) {
            String s = seg.strip();
            if (s.isEmpty()) {
                continue;
            }
            boolean startsLayer = current.length() > 0 && LabelGrammar.parse(current.toString()).isPresent()
                    && LabelGrammar.parse(s).filter(p -> p.confidence() >= 0.8).isPresent();
            if (startsLayer) {
                parts.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(", ");
            }
            current.append(s);
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        for (String p : parts) {
            LabelGrammar.parse(p).ifPresent(out::add);
        }
        return out;
    }

    /**
     * True when a cell starts a table's body: it reads as a layer and states a number (headers such as
     * "A-LRN", "pool proj" or "output" read as layers too but state none), or it is an input.
     */
    static boolean startsBody(String text, Cell c) {
        if (c.layers().isEmpty()) {
            return false;
        }
        return c.layers().get(0).type().equals("Input")
                || confidence(c) >= 0.8 && text.codePoints().anyMatch(Character::isDigit);
    }

    /** Layer types a table names without numbers ("maxpool", "soft-max", "LRN"). */
    private static final java.util.Set<String> BARE = java.util.Set.of("Pooling2D", "GlobalPooling2D", "Softmax", "LRN",
            "Dropout", "BatchNorm", "Activation", "Flatten", "Input");

    /**
     * True when the cell surely names layers: read with confidence and, for layers that need a size
     * (convolutions, dense layers), stating a number. "dense" in a results table ("dense evaluation") is not.
     */
    static boolean solid(String text, Cell c) {
        if (c.layers().isEmpty() || confidence(c) < 0.8) {
            return false;
        }
        return text.codePoints().anyMatch(Character::isDigit) || c.layers().stream().allMatch(p -> BARE.contains(p.type()));
    }

    /** Confidence of the best reading of a cell: 1 when every layer it names states all it needs. */
    static double confidence(Cell c) {
        return c.layers().stream().mapToDouble(ParsedLabel::confidence).min().orElse(0);
    }
}
