package org.paper2code.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Extracted PDF text to running prose: compatibility forms (ligatures, superscript digits and
 * minus) folded, words hyphenated across a line break joined, line breaks and runs of spaces
 * made single spaces.
 */
public final class TextCleaner {
    private static final Pattern HYPHEN_BREAK = Pattern.compile("(\\p{Ll})-\\s*\\n\\s*(\\p{Ll})");
    /** "10x" / "10×" as a factor: split so the number is a token of its own. */
    private static final Pattern FACTOR = Pattern.compile("(\\d)([x×])(?=[\\s,.;:)]|$)");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");
    /** A line that is only a references heading: the text after it is the bibliography. */
    private static final Pattern REFERENCES = Pattern.compile("(?m)^\\s*(?:\\d+\\.?\\s*)?(References|REFERENCES|Bibliography)\\s*$");

    private TextCleaner() {
    }

    public static String clean(String raw) {
        String t = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        t = HYPHEN_BREAK.matcher(t).replaceAll("$1$2");
        t = FACTOR.matcher(t).replaceAll("$1 $2");
        return SPACES.matcher(t).replaceAll(" ").trim();
    }

    /** Offset where the bibliography starts in raw page text, or -1. */
    public static int referencesStart(String raw) {
        var m = REFERENCES.matcher(raw);
        return m.find() ? m.start() : -1;
    }
}
