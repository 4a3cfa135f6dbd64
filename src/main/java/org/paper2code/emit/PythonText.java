package org.paper2code.emit;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Safe Python text from untrusted strings: string literals that cannot break out, and
 * identifiers made only of [A-Za-z0-9_]. Shared by the Keras and PyTorch emitters.
 */
public final class PythonText {
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield", "match", "case", "print", "exec", "self", "super", "torch", "nn", "F", "keras",
            "layers", "tf", "np", "x", "model", "inputs", "outputs");

    private PythonText() {
    }

    /** A double-quoted Python string literal; everything outside printable ASCII is escaped. */
    public static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        b.append((char) c);
                    } else if (c <= 0xff) {
                        b.append(String.format("\\x%02x", c));
                    } else if (c <= 0xffff) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.append(String.format("\\U%08x", c));
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /** Text safe inside a {@code #} comment: one line, printable ASCII only. */
    public static String comment(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return b.toString();
    }

    /** A Python identifier derived from a name: lower case, [a-z0-9_], never a keyword. */
    public static String identifier(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
        }
        String id = b.toString().replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (id.isEmpty()) {
            id = "layer";
        }
        if (Character.isDigit(id.charAt(0))) {
            id = "l_" + id;
        }
        if (KEYWORDS.contains(id)) {
            id = id + "_";
        }
        return id;
    }

    /** Identifiers for many names, unique among themselves (suffixes _2, _3 ... on collisions). */
    public static java.util.Map<String, String> identifiers(Collection<String> names) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String n : names) {
            String base = identifier(n);
            String id = base;
            for (int i = 2; !used.add(id); i++) {
                id = base + "_" + i;
            }
            out.put(n, id);
        }
        return out;
    }
}
