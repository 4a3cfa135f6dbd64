package org.paper2code.pdf;

/** Joins lines of a paragraph: a space between lines, or nothing where a word was hyphenated across them. */
final class TextJoin {
    private TextJoin() {
    }

    static void append(StringBuilder sb, String line) {
        if (line.isEmpty()) {
            return;
        }
        int n = sb.length();
        if (n == 0) {
            sb.append(line);
            return;
        }
        if (n >= 2 && sb.charAt(n - 1) == '-' && Character.isLetter(sb.charAt(n - 2)) && Character.isLowerCase(line.charAt(0))) {
            sb.setLength(n - 1);
            sb.append(line);
            return;
        }
        sb.append(' ').append(line);
    }
}
