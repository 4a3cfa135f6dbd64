package org.paper2code.mex;

import java.nio.charset.StandardCharsets;

/**
 * Turns untrusted text (layer names, parameter keys) into one piece of an IRI path. Only
 * ASCII letters, digits and {@code - _ ~} stay as they are; every other UTF-8 byte is
 * percent-encoded, so {@code /}, {@code >}, quotes, spaces and newlines can never end the
 * IRI or add a path step, and {@code .} (encoded too) is free to separate pieces and can
 * never form a dot-segment. The encoding is injective: distinct names give distinct pieces.
 */
public final class IriSegment {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private IriSegment() {
    }

    public static String encode(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an IRI segment needs a non-empty name");
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '~';
            if (plain) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }
}
