package org.paper2code.pipeline;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A paper's folder name under the output folder: the PDF file name stem lower-cased, every
 * character outside {@code [a-z0-9._-]} replaced by '-', at most 80 characters, never starting
 * with '.' (so no id is "." or "..", hidden, or mistaken for a leftover temp folder).
 * File names are untrusted text: this is the only place one becomes a path.
 */
public final class PaperId {
    public static final int MAX_LENGTH = 80;

    private PaperId() {
    }

    public static String of(Path pdf) {
        Path name = pdf.getFileName();
        String stem = name == null ? "" : name.toString();
        if (stem.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            stem = stem.substring(0, stem.length() - 4);
        }
        return sanitise(stem);
    }

    static String sanitise(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
        }
        int dots = 0;
        while (dots < s.length() && s.charAt(dots) == '.') {
            dots++;
        }
        s = "-".repeat(dots) + s.substring(dots);
        return s.isEmpty() ? "paper" : s;
    }

    /** The id made unique with the first 8 hex digits of the file's SHA-256 (two inputs with one stem). */
    public static String withHash(String id, String sha256) {
        String suffix = "-" + (sha256 == null || sha256.length() < 8 ? "00000000" : sha256.substring(0, 8));
        return (id.length() + suffix.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH - suffix.length()) : id) + suffix;
    }
}
