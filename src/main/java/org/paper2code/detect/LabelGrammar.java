package org.paper2code.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a layer label as figures and tables write it ({@code conv 3x3, 64}, {@code 3x3 conv, 128, /2},
 * {@code C1: feature maps 6@28x28}, {@code FC-1000}, {@code dropout 0.5}, {@code LSTM 256}) into a
 * catalogue type and parameters. Keywords, synonyms and OCR confusions come from the {@link Lexicon};
 * this class knows only how each parameter family is written. Values a type requires but the label
 * does not state are filled with a plausible value and listed in {@link ParsedLabel#inferredKeys()}.
 */
public final class LabelGrammar {
    private static final Pattern MAPS = Pattern.compile("(\\d+)\\s*@\\s*(\\d+)x(\\d+)");
    /** ResNeXt's "in, kxk, out" (256, 1x1, 4): the last number is the output width. */
    private static final Pattern IN_K_OUT = Pattern.compile("^\\s*(\\d+)\\s*,\\s*(\\d+)x(\\d+)\\s*,\\s*(\\d+)");
    private static final Pattern VGG = Pattern.compile("\\b(?:de)?conv\\s*(\\d+)\\s*-\\s*(\\d+)");
    private static final Pattern TUPLE = Pattern.compile("\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
    private static final Pattern DIMS = Pattern.compile("(\\d+)x(\\d+)(?:x(\\d+))?");
    /** A size written right before the word convolution is its kernel, however large ("8x8 Conv"): maps are not named so. */
    private static final Pattern KERNEL_BEFORE_CONV = Pattern.compile("\\b(\\d{1,2})x(\\d{1,2})\\s*(?=(?:de)?conv)");
    private static final Pattern KERNEL_WORD = Pattern.compile("\\b(?:kernel(?:\\s*size)?|k)\\s*[=:]?\\s*(\\d+)");
    private static final Pattern STRIDE = Pattern.compile("(?:/\\s*(\\d+))|(?:\\bstrides?\\s*[=:]?\\s*\\(?\\s*(\\d+))|(?:\\bs\\s*=\\s*(\\d+))");
    private static final Pattern PAD = Pattern.compile("\\b(?:pad|padding)\\s*[=:]?\\s*(\\d+)");
    private static final Pattern FILTER_WORD = Pattern.compile("(?:\\b(?:filters?|channels?|kernels?|maps?)\\s*[=:]?\\s*(\\d+))|(?:(\\d+)\\s*(?:filters|channels|feature\\s*maps|maps|kernels)\\b)");
    /**
     * A layer's name, not a count: "conv3", "fc7", and a block's one-digit sub-index, "conv3_1" (normalised to "conv3 1";
     * VGG-style names number the convolutions of a block): the "1" is not one filter. A block index OCR read as a
     * letter ("conva_2", "convd_1" for conv4_2, conv4_1) still names the layer: a letter then a sub-index is no count.
     */
    private static final Pattern INDEX = Pattern.compile("\\b(?:fc|ip|f|c|s|conv|pool|dense|layer|norm|lrn|relu|drop|dropout|inception|res)"
            + "(\\d{1,2}[a-z]?(?:\\s[1-9])?)\\b(?!\\s*[-x@])|\\b(?:conv|pool)[a-z]\\s[1-9]\\b(?!\\s*[-x@])");
    private static final Pattern INT = Pattern.compile("(?<![\\d.])(\\d+)(?![\\d.])");
    /** An input's one stated size: a number glued to a word ("input1", Keras' "input_2") is the layer's index, not a size. */
    private static final Pattern INPUT_SIZE = Pattern.compile("(?<![\\d.\\p{L}_])(\\d+)(?![\\d.])");
    private static final Pattern RATE = Pattern.compile("(\\d*\\.\\d+)|(\\d+)\\s*%");
    private static final Pattern UPSAMPLE = Pattern.compile("(?:x\\s*(\\d+))|(?:(\\d+)\\s*x\\b)");
    private static final Pattern HEADS = Pattern.compile("(\\d+)\\s*heads?|heads?\\s*[=:]?\\s*(\\d+)");
    private static final Pattern SAME = Pattern.compile("\\bsame\\b");

    private final Lexicon lexicon;

    public LabelGrammar(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public LabelGrammar() {
        this(Lexicon.standard());
    }

    /** Parses with the standard lexicon. */
    public static Optional<ParsedLabel> parse(String label) {
        return Holder.STANDARD.read(label);
    }

    private static final class Holder {
        static final LabelGrammar STANDARD = new LabelGrammar();
    }

    /** The label read into a type and parameters; empty when no type keyword is found. */
    public Optional<ParsedLabel> read(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String lower = lexicon.normalise(label).toLowerCase(Locale.ROOT);
        Lexicon.TypeEntry entry = null;
        for (Lexicon.TypeEntry t : lexicon.types()) {
            if (t.patterns().stream().anyMatch(p -> p.matcher(lower).find())) {
                entry = t;
                break;
            }
        }
        if (entry == null) {
            return Optional.empty();
        }
        String tag = null;
        String body = lower;
        Matcher tm = lexicon.tag().matcher(lower);
        if (tm.find()) {
            tag = tm.group(1).toUpperCase(Locale.ROOT);
            body = lower.substring(tm.end());
        }
        Reading r = new Reading(entry.type(), new StringBuilder(body));
        r.params.putAll(entry.params());
        switch (entry.family()) {
            case "conv" -> conv(r);
            case "pool" -> pool(r);
            case "units" -> units(r, entry);
            case "dropout" -> dropout(r);
            case "input" -> input(r);
            case "activation" -> activation(r);
            case "upsample" -> upsample(r);
            case "embedding" -> embedding(r);
            case "attention" -> attention(r);
            case "roi" -> roi(r);
            default -> { }
        }
        dropUnreadable(r);
        double confidence = Math.max(0.3, 1.0 - 0.2 * r.inferred.size());
        return Optional.of(new ParsedLabel(r.type, r.params, r.inferred, confidence, r.mapShape, tag));
    }

    /** Every integer in a label (after normalising), e.g. the dimension labels of a cuboid. */
    public List<Integer> numbers(String label) {
        List<Integer> out = new ArrayList<>();
        Matcher m = INT.matcher(lexicon.normalise(label == null ? "" : label));
        while (m.find()) {
            out.add(parseInt(m.group(1)));
        }
        return out;
    }

    /** The activation function a label names, if any. */
    public Optional<String> activationOf(String label) {
        String lower = lexicon.normalise(label).toLowerCase(Locale.ROOT);
        for (Lexicon.Keyword k : lexicon.activations()) {
            if (k.pattern().matcher(lower).find()) {
                return Optional.of(k.value());
            }
        }
        return Optional.empty();
    }

    /** The groups of a match, copied before the match is blanked. */
    private record Hit(String[] groups) {
        String group(int i) {
            return groups[i];
        }
    }

    private static final class Reading {
        String type;
        final StringBuilder text;
        final Map<String, Object> params = new LinkedHashMap<>();
        final List<String> inferred = new ArrayList<>();
        List<Integer> mapShape = List.of();

        Reading(String type, StringBuilder text) {
            this.type = type;
            this.text = text;
        }

        /** First match of p in the unread text; the match is blanked so no later rule reads it again. */
        Hit take(Pattern p) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                String[] groups = new String[m.groupCount() + 1];
                for (int g = 0; g < groups.length; g++) {
                    groups[g] = m.group(g);
                }
                for (int i = m.start(); i < m.end(); i++) {
                    text.setCharAt(i, ' ');
                }
                return new Hit(groups);
            }
            return null;
        }

        void infer(String key, Object value) {
            if (!params.containsKey(key)) {
                params.put(key, value);
                inferred.add(key);
            }
        }
    }

    private void conv(Reading r) {
        Hit m;
        if ((m = r.take(MAPS)) != null) {
            r.params.put("filters", parseInt(m.group(1)));
            r.mapShape = List.of(parseInt(m.group(1)), parseInt(m.group(2)), parseInt(m.group(3)));
        }
        if ((m = r.take(IN_K_OUT)) != null) {
            kernel(r, parseInt(m.group(2)), parseInt(m.group(3)));
            r.params.put("filters", parseInt(m.group(4)));
        }
        if ((m = r.take(VGG)) != null) {
            kernel(r, parseInt(m.group(1)), parseInt(m.group(1)));
            r.params.putIfAbsent("filters", parseInt(m.group(2)));
        }
        r.take(INDEX);
        if ((m = r.take(TUPLE)) != null && m.group(3) == null) {
            kernel(r, parseInt(m.group(1)), parseInt(m.group(2)));
        }
        if (!r.params.containsKey("kernel_row") && (m = r.take(KERNEL_BEFORE_CONV)) != null) {
            kernel(r, parseInt(m.group(1)), parseInt(m.group(2)));
        }
        while ((m = r.take(DIMS)) != null) {
            int a = parseInt(m.group(1));
            int b = parseInt(m.group(2));
            boolean kernelLike = (a <= 7 && b <= 7) || (a == 11 && b == 11) || (a <= 11 && b <= 11 && a != b);
            if (m.group(3) != null || !kernelLike || r.params.containsKey("kernel_row")) {
                r.mapShape = m.group(3) != null ? List.of(a, b, parseInt(m.group(3))) : List.of(a, b);
            } else {
                kernel(r, a, b);
            }
        }
        if ((m = r.take(KERNEL_WORD)) != null && !r.params.containsKey("kernel_row")) {
            kernel(r, parseInt(m.group(1)), parseInt(m.group(1)));
        }
        stride(r);
        if ((m = r.take(PAD)) != null) {
            r.params.put("pad_row", parseInt(m.group(1)));
        }
        if ((m = r.take(FILTER_WORD)) != null && !r.params.containsKey("filters")) {
            r.params.put("filters", parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        if (!r.params.containsKey("filters") && (m = r.take(INT)) != null) {
            r.params.put("filters", parseInt(m.group(1)));
        }
        if (SAME.matcher(r.text).find()) {
            r.params.put("border_mode", "same");
        }
        activationOf(r.text.toString()).filter(f -> !f.equals("softmax")).ifPresent(f -> r.params.put("activation", f));
        r.infer("filters", 64);
        r.infer("kernel_row", 3);
    }

    private static void kernel(Reading r, int row, int col) {
        r.params.put("kernel_row", row);
        if (col != row) {
            r.params.put("kernel_col", col);
        }
    }

    private static void stride(Reading r) {
        Hit m = r.take(STRIDE);
        if (m != null) {
            String g = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            int s = parseInt(g);
            if (s > 1 || r.type.startsWith("Pooling")) {
                r.params.put("stride_row", s);
            }
        }
    }

    private void pool(Reading r) {
        Hit m;
        if ((m = r.take(MAPS)) != null) {
            r.mapShape = List.of(parseInt(m.group(1)), parseInt(m.group(2)), parseInt(m.group(3)));
        }
        r.take(INDEX);
        if ((m = r.take(TUPLE)) != null && m.group(3) == null) {
            kernel(r, parseInt(m.group(1)), parseInt(m.group(2)));
        }
        if ((m = r.take(DIMS)) != null) {
            int a = parseInt(m.group(1));
            int b = parseInt(m.group(2));
            if (m.group(3) != null || (a > 8 && b > 8) || r.params.containsKey("kernel_row")) {
                r.mapShape = m.group(3) != null ? List.of(a, b, parseInt(m.group(3))) : List.of(a, b);
            } else {
                kernel(r, a, b);
            }
        }
        if ((m = r.take(KERNEL_WORD)) != null && !r.params.containsKey("kernel_row")) {
            kernel(r, parseInt(m.group(1)), parseInt(m.group(1)));
        }
        stride(r);
        if (!r.params.containsKey("kernel_row") && (m = r.take(INT)) != null && parseInt(m.group(1)) <= 8) {
            kernel(r, parseInt(m.group(1)), parseInt(m.group(1)));
        }
        Object s = r.params.get("stride_row");
        if (!r.params.containsKey("kernel_row")) {
            r.infer("kernel_row", s != null ? s : 2);
        } else if (s == null) {
            return;
        }
        if (s != null && s.equals(r.params.get("kernel_row"))) {
            r.params.remove("stride_row"); // the catalogue default: stride = kernel
        }
    }

    private void units(Reading r, Lexicon.TypeEntry entry) {
        Hit m;
        r.take(INDEX);
        if ((m = r.take(MAPS)) != null) {
            r.mapShape = List.of(parseInt(m.group(1)), parseInt(m.group(2)), parseInt(m.group(3)));
        }
        if ((m = r.take(DIMS)) != null) {
            r.mapShape = m.group(3) != null ? List.of(parseInt(m.group(1)), parseInt(m.group(2)), parseInt(m.group(3)))
                    : List.of(parseInt(m.group(1)), parseInt(m.group(2)));
        }
        if ((m = r.take(INT)) != null) {
            r.params.put("units", parseInt(m.group(1)));
        }
        if (r.type.equals("Dense")) {
            activationOf(r.text.toString()).ifPresent(f -> r.params.put("activation", f));
        }
        if (entry.bidirectional()) {
            r.type = "Bidirectional";
        }
        r.infer("units", 128);
    }

    private static void dropout(Reading r) {
        Hit m = r.take(RATE);
        if (m != null) {
            double rate = m.group(1) != null ? Double.parseDouble(m.group(1)) : parseInt(m.group(2)) / 100.0;
            if (rate > 0 && rate < 1) {
                r.params.put("rate", rate);
            }
        }
        r.infer("rate", 0.5);
    }

    private static void input(Reading r) {
        Hit m;
        List<Integer> dims = new ArrayList<>();
        if ((m = r.take(MAPS)) != null) {
            // 3@32x32: channels first, as decks write it
            r.params.put("output_shape", List.of(parseInt(m.group(1)), parseInt(m.group(2)), parseInt(m.group(3))));
            r.mapShape = List.of(parseInt(m.group(1)), parseInt(m.group(2)), parseInt(m.group(3)));
            return;
        }
        if ((m = r.take(DIMS)) != null || (m = r.take(TUPLE)) != null) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    dims.add(parseInt(m.group(g)));
                }
            }
        } else if ((m = r.take(INPUT_SIZE)) != null) {
            dims.add(parseInt(m.group(1)));
        }
        List<Integer> shape;
        boolean guessed = false;
        if (dims.size() == 3) {
            int a = dims.get(0);
            int c = dims.get(2);
            shape = c <= 4 && a > 4 ? List.of(c, a, dims.get(1)) : List.of(a, dims.get(1), c);
        } else if (dims.size() == 2) {
            int h = dims.get(0);
            shape = List.of(h <= 32 ? 1 : 3, h, dims.get(1));
            guessed = true;
        } else if (dims.size() == 1) {
            shape = List.of(dims.get(0));
        } else {
            shape = List.of(3, -1, -1);
            guessed = true;
        }
        r.params.put("output_shape", shape);
        r.mapShape = shape;
        if (guessed) {
            r.inferred.add("output_shape");
        }
    }

    private void activation(Reading r) {
        Optional<String> f = activationOf(r.text.toString());
        if (f.isPresent()) {
            r.params.put("function", f.get());
        } else {
            r.infer("function", "relu");
        }
    }

    private static void upsample(Reading r) {
        Hit m = r.take(UPSAMPLE);
        if (m != null) {
            r.params.put("size_row", parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        r.infer("size_row", 2);
    }

    private static void embedding(Reading r) {
        Hit m = r.take(INT);
        if (m != null) {
            Hit second = r.take(INT);
            if (second != null) {
                r.params.put("input_dim", parseInt(m.group(1)));
                r.params.put("output_dim", parseInt(second.group(1)));
            } else {
                r.params.put("output_dim", parseInt(m.group(1)));
            }
        }
        r.infer("input_dim", 10000);
        r.infer("output_dim", 128);
    }

    private static void attention(Reading r) {
        Hit m = r.take(HEADS);
        if (m != null) {
            r.params.put("num_heads", parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        r.infer("num_heads", 8);
        r.infer("key_dim", 64);
    }

    private static void roi(Reading r) {
        Hit m = r.take(DIMS);
        if (m != null) {
            r.params.put("pooled_row", parseInt(m.group(1)));
            if (!m.group(1).equals(m.group(2))) {
                r.params.put("pooled_col", parseInt(m.group(2)));
            }
        }
        r.infer("pooled_row", 7);
    }

    /** What {@link #parseInt} gives for a digit run too long for an int: a misreading, no number. */
    private static final int UNREADABLE = Integer.MAX_VALUE;

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return UNREADABLE;
        }
    }

    /**
     * A value read from a digit run too long for any count (OCR joined "256@56x56" into "256756056...") is left unread,
     * so the parser's fallbacks apply, instead of a layer with 2147483647 filters reaching the graph and the code.
     */
    private static void dropUnreadable(Reading r) {
        r.params.values().removeIf(v -> v instanceof Integer i ? i == UNREADABLE
                : v instanceof List<?> l && l.contains(UNREADABLE));
        if (r.mapShape.contains(UNREADABLE)) {
            r.mapShape = List.of();
        }
    }
}
