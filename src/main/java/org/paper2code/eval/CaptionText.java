package org.paper2code.eval;

import java.text.Normalizer;

/**
 * How a found caption is compared with the annotated one: "exact" means equal after {@link #normal}
 * and with all whitespace removed ({@link #same}). Spacing is not scored because a PDF does not store
 * spaces: around sub- and superscripts ("C2" / "C 2"), math operators ("3×3" / "3 × 3") and tight
 * kerning, readers (and annotators copying from them) differ. Spacing-only differences are still
 * listed by the scorer. {@link #normal}: Unicode NFKC (ligatures such as "ﬁ" become "fi", full-width and compatibility forms plain),
 * soft hyphens and zero-width characters removed, curly quotes made straight, every run of
 * whitespace one space, no space after a hyphen or dash (a line broken after "43,264–" reads the
 * same joined or not), trimmed. Hyphenation is NOT undone here: "convo-lutional" against
 * "convolutional" is a wrong caption (the pdf stage must de-hyphenate line ends).
 */
public final class CaptionText {
    private CaptionText() {
    }

    public static String normal(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC);
        t = t.replaceAll("[\\u00AD\\u200B\\u200C\\u200D\\uFEFF]", "");
        t = t.replaceAll("[\\u2018\\u2019\\u201A\\u2032]", "'").replaceAll("[\\u201C\\u201D\\u201E\\u2033]", "\"");
        t = t.replaceAll("\\s+", " ");
        t = t.replaceAll("([-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212]) ", "$1");
        return t.strip();
    }

    /** Equal after {@link #normal}, whitespace ignored. */
    public static boolean same(String a, String b) {
        return normal(a).replace(" ", "").equals(normal(b).replace(" ", ""));
    }

    /** Equal after {@link #normal}, spacing included. */
    public static boolean sameWithSpacing(String a, String b) {
        return normal(a).equals(normal(b));
    }
}
