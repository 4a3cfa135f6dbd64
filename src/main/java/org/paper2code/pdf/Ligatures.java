package org.paper2code.pdf;

/** Replaces typographic ligatures and invisible characters with plain letters. */
final class Ligatures {
    private Ligatures() {
    }

    static String normalise(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '\uFB00' -> "ff";
                case '\uFB01' -> "fi";
                case '\uFB02' -> "fl";
                case '\uFB03' -> "ffi";
                case '\uFB04' -> "ffl";
                case '\uFB05', '\uFB06' -> "st";
                case '\u00AD', '\u200B', '\uFEFF' -> "";
                case '\u00A0' -> " ";
                default -> null;
            };
            if (r != null && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(r != null ? r : String.valueOf(c));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
