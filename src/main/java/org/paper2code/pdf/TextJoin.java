package org.paper2code.pdf;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Joins lines of a paragraph: a space between lines, or nothing where a word was hyphenated across them. */
final class TextJoin {
    private static final Pattern COMPOUND = Pattern.compile("\\p{L}+(?:-\\p{L}+)+");
    private static final Pattern TAIL = Pattern.compile("(\\p{L}+(?:-\\p{L}+)*)-$");
    private static final Pattern HEAD = Pattern.compile("^\\p{L}+");

    private TextJoin() {
    }

    static void append(StringBuilder sb, String line) {
        append(sb, line, Set.of());
    }

    /**
     * @param compounds hyphenated words (lower case) written whole inside a line somewhere in the document
     *                  ("single-model"): a line-end hyphen that makes one of them, or that ends a compound
     *                  in progress ("state-of-the-"), is a real hyphen and stays
     */
    static void append(StringBuilder sb, String line, Set<String> compounds) {
        if (line.isEmpty()) {
            return;
        }
        int n = sb.length();
        if (n == 0) {
            sb.append(line);
            return;
        }
        if (n >= 2 && sb.charAt(n - 1) == '-' && Character.isLetter(sb.charAt(n - 2)) && Character.isLowerCase(line.charAt(0))) {
            if (!realHyphen(sb, line, compounds)) {
                sb.setLength(n - 1);
            }
            sb.append(line);
            return;
        }
        sb.append(' ').append(line);
    }

    private static boolean realHyphen(StringBuilder sb, String line, Set<String> compounds) {
        Matcher tail = TAIL.matcher(sb.subSequence(Math.max(0, sb.length() - 60), sb.length()));
        Matcher head = HEAD.matcher(line);
        if (!tail.find() || !head.find()) {
            return false;
        }
        if (tail.group(1).contains("-")) {
            return true;
        }
        return compounds.contains((tail.group(1) + "-" + head.group()).toLowerCase(Locale.ROOT));
    }

    /** The hyphenated words written whole inside the lines (not broken at a line end), lower case. */
    static Set<String> compounds(List<Line> lines) {
        Set<String> out = new HashSet<>();
        for (Line l : lines) {
            Matcher m = COMPOUND.matcher(l.text());
            while (m.find()) {
                out.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
