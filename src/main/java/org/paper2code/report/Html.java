package org.paper2code.report;

import java.nio.charset.StandardCharsets;

/**
 * HTML escaping for the report. Everything shown comes from papers (captions, table cells,
 * sentences, OCR'd layer names) or from files a run wrote, so every piece of text and every
 * attribute value goes through here; links are only ever relative file names that passed
 * {@link #href}.
 */
final class Html {
    private Html() {
    }

    /** Text content or a double-quoted attribute value: &amp; &lt; &gt; &quot; &#39; escaped, control characters dropped. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c == '\n' || c == '\t' || c == '\r' || !Character.isISOControl(c)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * A relative link to a file of the run, escaped for an attribute: each path segment is
     * percent-encoded (so no scheme such as {@code javascript:}, query or fragment can appear)
     * and segments that are empty, "." or ".." are refused.
     * @throws IllegalArgumentException for anything but a plain relative path
     */
    static String href(String relative) {
        if (relative == null || relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")) {
            throw new IllegalArgumentException("not a relative file name: " + relative);
        }
        StringBuilder sb = new StringBuilder();
        for (String seg : relative.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                throw new IllegalArgumentException("not a relative file name: " + relative);
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            for (byte b : seg.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                    sb.append((char) c);
                } else {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                }
            }
        }
        return sb.toString();
    }
}
