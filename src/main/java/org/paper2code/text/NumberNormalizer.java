package org.paper2code.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers in every written form a paper uses, to one value: {@code 0.001}, {@code .5},
 * {@code 1e-3}, {@code 10^-3}, {@code 10^{-3}}, {@code 10−3} (Unicode minus, a superscript
 * flattened by text extraction), {@code 3×10^-4}, {@code 5 · 10−4}, {@code 60 × 104} (a
 * flattened {@code 60 × 10^4}), {@code 1,000}, {@code 1k}, {@code 370K}, {@code 1.2 million},
 * {@code one thousand}, {@code ninety}. {@link #rewrite} replaces each such expression in a
 * text by its plain decimal form, so the tokenizer sees one number token, and keeps the map
 * back to the original characters.
 */
public final class NumberNormalizer {
    private static final String MINUS = "[-\u2212\u2013\u2012\u2010]";
    private static final String SUP_MINUS = "[\u2212\u2013\u2012]";
    private static final String MANT = "(\\d+(?:\\.\\d+)?|\\.\\d+)";
    private static final String TIMES = "\\s*[×xX·∗*⋅]\\s*";

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, Long> SCALES = Map.of(
            "hundred", 100L, "thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L);

    private static final String WORD_NUM = "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
            + "seventy|eighty|ninety|hundred|thousand|million|billion)";

    /** One alternative per form; the first that matches at a position wins (longest forms first). */
    private static final Pattern EXPR = Pattern.compile(
            // mantissa × 10^exp, explicit exponent marker or a Unicode minus
            "(?<![\\w.])" + MANT + TIMES + "10\\s*(?:\\^\\s*\\{?\\s*|\\*\\*\\s*)(" + MINUS + "?\\s*\\d+)\\}?(?![\\w]|\\.\\d)"
            + "|(?<![\\w.])" + MANT + TIMES + "10\\s*(" + SUP_MINUS + "\\s*\\d{1,2})(?![\\w]|\\.\\d)"
            // mantissa × 10d: a superscript exponent flattened to one digit (60 × 104)
            + "|(?<![\\w.])" + MANT + TIMES + "10([1-9])(?![\\w]|\\.\\d)"
            // 10^exp, 10^{exp}, 10**exp, 10−3 (Unicode minus)
            + "|(?<![\\w.×·])10\\s*(?:\\^\\s*\\{?\\s*|\\*\\*\\s*)(" + MINUS + "?\\s*\\d+)\\}?(?![\\w]|\\.\\d)"
            + "|(?<![\\w.×·])10(" + SUP_MINUS + "\\s?\\d{1,2})(?![\\w]|\\.\\d)"
            // 1e-3, 1.5E-4
            + "|(?<![\\w.])" + MANT + "[eE](" + MINUS + "?\\d+)(?![\\w]|\\.\\d)"
            // 1,000,000 / 1.2 million / 160k / 370K / 1.2M
            + "|(?<![\\w.,])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|\\.\\d+)(?:\\s*(hundred|thousand|million|billion)\\b|([kKM])\\b)?(?![\\w])"
            // number words: one thousand, ninety, twenty-five
            + "|(?i)\\b(" + WORD_NUM + "(?:[\\s-]+(?:and\\s+)?" + WORD_NUM + ")*)\\b");

    private NumberNormalizer() {
    }

    /** A text whose number expressions became plain decimals; {@code origin[i]} is where output char i came from. */
    public record Rewritten(String text, int[] origin) {
        /** The start offset in the original text of output offset {@code i} (end offsets: pass i-1, add 1). */
        public int toOriginal(int i) {
            if (origin.length == 0) {
                return 0;
            }
            return origin[Math.max(0, Math.min(i, origin.length - 1))];
        }
    }

    /** The value of a whole expression ("3×10^-4", "70%", "one thousand"); empty when it is no number. */
    public static OptionalDouble parse(String s) {
        if (s == null) {
            return OptionalDouble.empty();
        }
        String t = s.trim();
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1).trim();
        }
        Matcher m = EXPR.matcher(t);
        if (!m.matches()) {
            return OptionalDouble.empty();
        }
        BigDecimal v = value(m);
        if (v == null) {
            return OptionalDouble.empty();
        }
        double d = v.doubleValue();
        return OptionalDouble.of(percent ? d / 100.0 : d);
    }

    /** All numbers in a span of text, in order ("60000 and 80000" gives two). */
    public static List<Double> all(String s) {
        List<Double> out = new ArrayList<>();
        Matcher m = EXPR.matcher(s);
        while (m.find()) {
            BigDecimal v = value(m);
            if (v != null) {
                out.add(v.doubleValue());
            }
        }
        return out;
    }

    /** Plain decimal form used in rewritten text: no exponent, no trailing zeros. */
    public static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        return s.toPlainString();
    }

    /** Replaces every number expression of {@code text} by its plain decimal form. */
    public static Rewritten rewrite(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] origin = new int[text.length() + 16];
        int n = 0;
        int last = 0;
        Matcher m = EXPR.matcher(text);
        while (m.find()) {
            BigDecimal v = value(m);
            if (v == null) {
                continue;
            }
            String rep = plain(v);
            if (rep.equals(m.group())) {
                continue;
            }
            for (int i = last; i < m.start(); i++) {
                origin = grow(origin, n);
                out.append(text.charAt(i));
                origin[n++] = i;
            }
            for (int i = 0; i < rep.length(); i++) {
                origin = grow(origin, n);
                out.append(rep.charAt(i));
                // every char of the replacement maps inside the original expression
                origin[n++] = Math.min(m.start() + i, m.end() - 1);
            }
            last = m.end();
        }
        for (int i = last; i < text.length(); i++) {
            origin = grow(origin, n);
            out.append(text.charAt(i));
            origin[n++] = i;
        }
        int[] exact = new int[n];
        System.arraycopy(origin, 0, exact, 0, n);
        return new Rewritten(out.toString(), exact);
    }

    private static int[] grow(int[] a, int n) {
        if (n < a.length) {
            return a;
        }
        int[] b = new int[a.length * 2 + 16];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }

    private static BigDecimal value(Matcher m) {
        try {
            if (m.group(1) != null) {
                return pow10(new BigDecimal(m.group(1)), m.group(2));
            }
            if (m.group(3) != null) {
                return pow10(new BigDecimal(m.group(3)), m.group(4));
            }
            if (m.group(5) != null) {
                return pow10(new BigDecimal(m.group(5)), m.group(6));
            }
            if (m.group(7) != null) {
                return pow10(BigDecimal.ONE, m.group(7));
            }
            if (m.group(8) != null) {
                return pow10(BigDecimal.ONE, m.group(8));
            }
            if (m.group(9) != null) {
                return pow10(new BigDecimal(m.group(9)), m.group(10));
            }
            if (m.group(11) != null) {
                BigDecimal v = new BigDecimal(m.group(11).replace(",", ""));
                if (m.group(12) != null) {
                    return v.multiply(BigDecimal.valueOf(SCALES.get(m.group(12).toLowerCase(Locale.ROOT))));
                }
                if (m.group(13) != null) {
                    return v.multiply(BigDecimal.valueOf(m.group(13).equals("M") ? 1_000_000L : 1_000L));
                }
                return v;
            }
            if (m.group(14) != null) {
                return words(m.group(14));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        return null;
    }

    private static BigDecimal pow10(BigDecimal mant, String exp) {
        String e = exp.replaceAll("\\s", "").replaceAll(MINUS, "-");
        return mant.scaleByPowerOfTen(Integer.parseInt(e));
    }

    /** "one thousand" = 1000, "twenty-five" = 25, "two hundred and fifty six" = 256. */
    private static BigDecimal words(String s) {
        long total = 0;
        long current = 0;
        boolean any = false;
        for (String w : s.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
            if (w.equals("and") || w.isEmpty()) {
                continue;
            }
            Integer u = UNITS.get(w);
            if (u != null) {
                current += u;
                any = true;
                continue;
            }
            Long scale = SCALES.get(w);
            if (scale == null) {
                return null;
            }
            if (current == 0) {
                current = 1;
            }
            if (scale == 100) {
                current *= 100;
            } else {
                total += current * scale;
                current = 0;
            }
            any = true;
        }
        return any ? BigDecimal.valueOf(total + current) : null;
    }
}
