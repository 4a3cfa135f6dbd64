package org.paper2code.text;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a TokensRegex file that can match a sentence without a digit: a rule whose every
 * match needs a number token is left out. Decided from the rule itself, not from a list, so an
 * edited rules file stays right: the pattern is reduced to one symbol per token ("N" a token that
 * must hold a digit, "x" any other), its variables expanded from their definitions, and it is kept
 * when it matches some run of "x" alone. A rule this cannot read is kept (keeping is always safe:
 * it only costs time).
 */
final class NumberFreeRules {
    private static final Pattern DEFINITION = Pattern.compile("^\\s*\\$(\\w+)\\s*=\\s*(.*)$");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");
    private static final Pattern NAME = Pattern.compile("name:\\s*\"([^\"]+)\"");
    private static final Pattern TAGS = Pattern.compile("\\b(lemma|tag|pos)\\s*:");
    /** Longest run of tokens tried; the rules' gaps are far shorter. */
    private static final int LONGEST = 120;

    private NumberFreeRules() {
    }

    /** The number-free rules of a file: their extractor, and whether one of them reads a POS tag or a lemma. */
    record Loaded(CoreMapExpressionExtractor<MatchedExpression> extractor, boolean readsTags) {
    }

    /** Reads the rules file like the full extractor does (classpath or file). */
    static Loaded load(Env env, String rulesFile) {
        try {
            Filtered f = filter(read(rulesFile));
            @SuppressWarnings("unchecked")
            CoreMapExpressionExtractor<MatchedExpression> x = CoreMapExpressionExtractor.createExtractorFromString(env, f.text());
            return new Loaded(x, f.readsTags());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the rules in " + rulesFile + ": " + e.getMessage(), e);
        }
    }

    private static String read(String rulesFile) throws IOException {
        return IOUtils.slurpReader(IOUtils.readerFromString(rulesFile));
    }

    /** A rules text without its number-needing rule blocks, the names of the rules kept, whether they read tags. */
    record Filtered(String text, List<String> kept, boolean readsTags) {
    }

    /** The file's text without the rule blocks that need a number; definitions and comments stay. */
    static Filtered filter(String rules) {
        List<String> kept = new ArrayList<>();
        boolean readsTags = false;
        Map<String, String> vars = new HashMap<>();
        StringBuilder out = new StringBuilder();
        StringBuilder block = null;
        int depth = 0;
        for (String line : rules.split("\n", -1)) {
            if (block == null) {
                Matcher d = DEFINITION.matcher(line);
                if (d.matches()) {
                    vars.put(d.group(1), d.group(2));
                }
                if (!line.strip().startsWith("{")) {
                    out.append(line).append('\n');
                    continue;
                }
                block = new StringBuilder();
                depth = 0;
            }
            block.append(line).append('\n');
            depth += count(line, '{') - count(line, '}');
            if (depth <= 0) {
                String b = block.toString();
                if (!needsNumber(b, vars)) {
                    out.append(b);
                    Matcher name = NAME.matcher(b);
                    kept.add(name.find() ? name.group(1) : "?");
                    readsTags |= TAGS.matcher(expand(b, vars, 0)).find();
                }
                block = null;
            }
        }
        if (block != null) {
            out.append(block);
            readsTags = true;
        }
        return new Filtered(out.toString(), kept, readsTags);
    }

    /** Whether every match of the block's token pattern holds a token with a digit. */
    static boolean needsNumber(String block, Map<String, String> vars) {
        int at = block.indexOf("pattern:");
        if (at < 0 || !block.contains("\"tokens\"")) {
            return false;
        }
        try {
            String symbols = symbols(expand(block.substring(at + "pattern:".length()), vars, 0));
            Pattern p = Pattern.compile(symbols);
            for (int n = 0; n <= LONGEST; n++) {
                if (p.matcher("x".repeat(n)).matches()) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false; // unreadable here: keep the rule
        }
    }

    private static String expand(String text, Map<String, String> vars, int level) {
        if (level > 10) {
            throw new IllegalArgumentException("variables nest too deep");
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String def = vars.get(m.group(1));
            // "$$v" (a capture's value in a result) and unknown names are left as they are
            boolean capture = m.start() > 0 && text.charAt(m.start() - 1) == '$';
            m.appendReplacement(out, Matcher.quoteReplacement(def == null || capture ? m.group() : expand(def, vars, level + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The first parenthesised token pattern of the text as a Java regex over symbols: a /regex/ or a
     * [ ... ] token is "x", or "N" ([^\s\S], which nothing matches) when it is a positive test for a digit.
     */
    private static String symbols(String text) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int i = 0;
        boolean started = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/') {
                int end = regexEnd(text, i);
                out.append('x');
                i = end + 1;
            } else if (c == '[') {
                int end = bracketEnd(text, i);
                String inside = text.substring(i + 1, end);
                boolean digit = inside.contains("0-9") && !inside.contains("!");
                out.append(digit ? "[^\\s\\S]" : "x");
                i = end + 1;
            } else if (c == '(') {
                depth++;
                started = true;
                out.append('(');
                i++;
                if (text.startsWith("?$", i)) { // a named capture "(?$v ...)"
                    i += 2;
                    while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                    }
                }
            } else if (c == ')') {
                depth--;
                out.append(')');
                i++;
                if (depth == 0 && started) {
                    return out.toString();
                }
            } else if (c == '|' || c == '?' || c == '*' || c == '+') {
                out.append(c);
                i++;
            } else if (c == '{') {
                int end = text.indexOf('}', i);
                String q = text.substring(i, end + 1);
                if (!q.matches("\\{\\d*,?\\d*\\}")) {
                    throw new IllegalArgumentException("unexpected " + q);
                }
                out.append(q);
                i = end + 1;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '$') {
                throw new IllegalArgumentException("an undefined variable");
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "'");
            }
        }
        throw new IllegalArgumentException("unbalanced pattern");
    }

    /** Index of the slash closing the regex literal opened at {@code start}. */
    private static int regexEnd(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '/') {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed /regex/");
    }

    /** Index of the bracket closing the token test opened at {@code start} (regex literals inside skipped). */
    private static int bracketEnd(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/') {
                i = regexEnd(text, i);
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("unclosed [");
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

}
