package org.paper2code.text;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which rules of a TokensRegex file can match a sentence, read from the rules themselves (no word
 * list in code, so an edited rules file stays right). Each rule's token pattern becomes a
 * {@link Need}: the word tests ({@code /regex/}, {@code [ { word:/regex/ } ]}) some token must pass,
 * combined as the pattern combines them (a sequence needs all its parts, an alternation one of
 * them, an optional part nothing). A sentence where some needed word test passes on no token
 * cannot match the rule, so the rule need not run. A lemma test ({@code [ { lemma:/regex/ } ]})
 * passes on a token when one of the lemmas its word can have (under any POS tag, from
 * {@link Lemmas}) matches, so whether a sentence needs tagging is known before it is tagged.
 * <p>
 * Always safe to be wrong one way: a part read here as "needs nothing" (a negated test, a POS-tag
 * test, any construct this reader does not know, a rule it cannot read) only costs time.
 */
final class RuleTriggers {
    private static final Pattern DEFINITION = Pattern.compile("^\\s*\\$(\\w+)\\s*=\\s*(.*)$");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");
    private static final Pattern NAME = Pattern.compile("name:\\s*\"([^\"]+)\"");
    private static final Pattern TAGS = Pattern.compile("\\b(lemma|tag|pos)\\s*:");
    private static final Pattern WORD_TEST = Pattern.compile("\\s*\\{\\s*(word|lemma)\\s*:\\s*/(.*)/\\s*\\}\\s*", Pattern.DOTALL);
    private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d*)(,\\d*)?\\}");
    /** Distinct words whose test results are remembered; papers use far fewer. */
    private static final int WORD_CACHE = 200_000;

    /** What a sentence must hold for a pattern to match: evaluated on the word tests its tokens pass. */
    sealed interface Need {
        boolean met(BitSet passed);
    }

    /** Nothing: an optional part, or one this reader cannot judge. */
    record Nothing() implements Need {
        @Override
        public boolean met(BitSet passed) {
            return true;
        }
    }

    /** A token passing test {@code id} (on its word, or on a lemma its word can have). */
    record Word(int id) implements Need {
        @Override
        public boolean met(BitSet passed) {
            return passed.get(id);
        }
    }

    record All(List<Need> parts) implements Need {
        @Override
        public boolean met(BitSet passed) {
            for (Need n : parts) {
                if (!n.met(passed)) {
                    return false;
                }
            }
            return true;
        }
    }

    record AnyOf(List<Need> parts) implements Need {
        @Override
        public boolean met(BitSet passed) {
            for (Need n : parts) {
                if (n.met(passed)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Need NOTHING = new Nothing();

    /** A rule block of the file, in file order: its name, what it needs, whether it reads a POS tag or lemma. */
    record Rule(String name, Need need, boolean readsTags) {
    }

    /** A word test: the regex TokensRegex applies (whole-word match) to a token's word, or to its lemma. */
    record Test(Pattern regex, boolean lemma) {
    }

    /** The lemmas a word can be given, whatever its POS tag; null when unknown (lemma tests then always pass). */
    @FunctionalInterface
    interface Lemmas {
        java.util.Set<String> of(String word);
    }

    private final List<Rule> rules;
    private final List<Test> tests;
    private final BitSet lemmaTests = new BitSet();
    private final BitSet tagReaders = new BitSet();
    private final Lemmas lemmas;
    private final Map<String, BitSet> byWord = new ConcurrentHashMap<>();
    private final Map<String, BitSet> byLemma = new ConcurrentHashMap<>();

    private RuleTriggers(List<Rule> rules, List<Test> tests, Lemmas lemmas) {
        this.rules = List.copyOf(rules);
        this.tests = List.copyOf(tests);
        this.lemmas = lemmas;
        for (int i = 0; i < tests.size(); i++) {
            if (tests.get(i).lemma()) {
                lemmaTests.set(i);
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).readsTags()) {
                tagReaders.set(i);
            }
        }
    }

    /**
     * Reads a rules file's text. {@code patternFlags} are the flags the TokensRegex environment
     * compiles word regexes with (its matching is a whole-word match, as here).
     */
    static RuleTriggers read(String rulesText, int patternFlags, Lemmas lemmas) {
        Map<String, Integer> testIds = new LinkedHashMap<>();
        List<Test> tests = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Map<String, String> vars = new HashMap<>();
        StringBuilder block = null;
        int depth = 0;
        for (String line : rulesText.split("\n", -1)) {
            if (block == null) {
                Matcher d = DEFINITION.matcher(line);
                if (d.matches()) {
                    vars.put(d.group(1), d.group(2));
                }
                if (!line.strip().startsWith("{")) {
                    continue;
                }
                block = new StringBuilder();
                depth = 0;
            }
            block.append(line).append('\n');
            depth += count(line, '{') - count(line, '}');
            if (depth <= 0) {
                rules.add(rule(block.toString(), vars, testIds, tests, patternFlags));
                block = null;
            }
        }
        if (block != null) {
            rules.add(new Rule("?", NOTHING, true));
        }
        return new RuleTriggers(rules, tests, lemmas);
    }

    private static Rule rule(String block, Map<String, String> vars, Map<String, Integer> testIds, List<Test> tests, int flags) {
        Matcher name = NAME.matcher(block);
        String n = name.find() ? name.group(1) : "?";
        int at = block.indexOf("pattern:");
        if (at < 0 || !block.contains("\"tokens\"")) {
            return new Rule(n, NOTHING, true);
        }
        try {
            String pattern = expand(block.substring(at + "pattern:".length()), vars, 0);
            boolean readsTags = TAGS.matcher(pattern).find();
            // parse into a scratch list first: a rule that fails half-way leaves no stray tests
            Map<String, Integer> ids = new LinkedHashMap<>(testIds);
            List<Test> ts = new ArrayList<>(tests);
            Need need = new PatternReader(pattern, ids, ts, flags).group();
            testIds.putAll(ids);
            tests.clear();
            tests.addAll(ts);
            return new Rule(n, need, readsTags);
        } catch (RuntimeException e) {
            return new Rule(n, NOTHING, true); // unreadable here: always run it, on tagged text
        }
    }

    List<Rule> rules() {
        return rules;
    }

    /** The tests on words the sentence's tokens pass. */
    private BitSet wordsPassed(List<CoreLabel> tokens) {
        BitSet passed = new BitSet(tests.size());
        for (CoreLabel t : tokens) {
            passed.or(cached(byWord, t.word(), this::wordTests));
        }
        return passed;
    }

    private static BitSet cached(Map<String, BitSet> cache, String word, java.util.function.Function<String, BitSet> f) {
        BitSet b = cache.get(word);
        if (b == null) {
            b = f.apply(word);
            if (cache.size() < WORD_CACHE) {
                cache.put(word, b);
            }
        }
        return b;
    }

    private BitSet wordTests(String word) {
        BitSet b = new BitSet(tests.size());
        for (int i = 0; i < tests.size(); i++) {
            if (!tests.get(i).lemma() && tests.get(i).regex().matcher(word).matches()) {
                b.set(i);
            }
        }
        return b;
    }

    /** The lemma tests some lemma of the word passes; all of them when its lemmas are unknown. */
    private BitSet lemmaTests(String word) {
        java.util.Set<String> candidates = lemmas == null || word.indexOf('_') >= 0 ? null : lemmas.of(word);
        if (candidates == null) { // unknown, or a phrasal verb "set_up", lemmatised otherwise
            return (BitSet) lemmaTests.clone();
        }
        BitSet b = new BitSet(tests.size());
        for (int i = lemmaTests.nextSetBit(0); i >= 0; i = lemmaTests.nextSetBit(i + 1)) {
            for (String l : candidates) {
                if (l != null && tests.get(i).regex().matcher(l).matches()) {
                    b.set(i);
                    break;
                }
            }
        }
        return b;
    }

    /**
     * The rules (indices in file order) whose needs the sentence meets. Lemmas are looked up only
     * when a rule reading one is possible with every lemma test passed.
     */
    BitSet possible(List<CoreLabel> tokens) {
        BitSet words = wordsPassed(tokens);
        BitSet assumed = (BitSet) words.clone();
        assumed.or(lemmaTests);
        BitSet out = met(assumed);
        if (out.intersects(tagReaders) && !lemmaTests.isEmpty()) {
            for (CoreLabel t : tokens) {
                words.or(cached(byLemma, t.word(), this::lemmaTests));
            }
            out = met(words);
        }
        return out;
    }

    private BitSet met(BitSet passed) {
        BitSet out = new BitSet(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).need().met(passed)) {
                out.set(i);
            }
        }
        return out;
    }

    /** Whether one of the given rules reads a POS tag or lemma. */
    boolean readsTags(BitSet ruleSet) {
        return ruleSet.intersects(tagReaders);
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

    /** Reads the first parenthesised token pattern of a text into a {@link Need}; throws on anything unknown. */
    private static final class PatternReader {
        private final String s;
        private final Map<String, Integer> testIds;
        private final List<Test> tests;
        private final int flags;
        private int i;

        PatternReader(String s, Map<String, Integer> testIds, List<Test> tests, int flags) {
            this.s = s;
            this.testIds = testIds;
            this.tests = tests;
            this.flags = flags;
        }

        /** The pattern's outer group. */
        Need group() {
            skipSpace();
            if (i >= s.length() || s.charAt(i) != '(') {
                throw new IllegalArgumentException("no pattern group");
            }
            return atom();
        }

        private Need alternation() {
            List<Need> alternatives = new ArrayList<>();
            alternatives.add(sequence());
            while (i < s.length() && s.charAt(i) == '|') {
                i++;
                alternatives.add(sequence());
            }
            if (alternatives.stream().anyMatch(a -> a instanceof Nothing)) {
                return NOTHING;
            }
            return alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
        }

        private Need sequence() {
            List<Need> parts = new ArrayList<>();
            while (true) {
                skipSpace();
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unbalanced pattern");
                }
                char c = s.charAt(i);
                if (c == '|' || c == ')') {
                    break;
                }
                Need n = item();
                if (!(n instanceof Nothing)) {
                    parts.add(n);
                }
            }
            if (parts.isEmpty()) {
                return NOTHING;
            }
            return parts.size() == 1 ? parts.get(0) : new All(parts);
        }

        /** An atom and its quantifier: a part that may occur zero times needs nothing. */
        private Need item() {
            Need a = atom();
            skipSpace();
            if (i >= s.length()) {
                return a;
            }
            char c = s.charAt(i);
            boolean optional = false;
            if (c == '?') {
                i++;
                optional = true;
            } else if (c == '*' || c == '+') {
                i++;
                optional = c == '*';
                lazy();
            } else if (c == '{') {
                int end = s.indexOf('}', i);
                Matcher q = QUANTIFIER.matcher(end < 0 ? "" : s.substring(i, end + 1));
                if (!q.matches()) {
                    throw new IllegalArgumentException("unexpected quantifier");
                }
                optional = q.group(1).isEmpty() || Integer.parseInt(q.group(1)) == 0;
                i = end + 1;
                lazy();
            }
            return optional ? NOTHING : a;
        }

        private void lazy() {
            if (i < s.length() && s.charAt(i) == '?') {
                i++;
            }
        }

        private Need atom() {
            skipSpace();
            char c = s.charAt(i);
            if (c == '/') {
                int end = regexEnd(s, i);
                String regex = s.substring(i + 1, end);
                i = end + 1;
                return test(regex, false);
            }
            if (c == '[') {
                int end = bracketEnd(s, i);
                String inside = s.substring(i + 1, end);
                i = end + 1;
                Matcher w = WORD_TEST.matcher(inside);
                // a positive word or lemma test; an empty, negated, tag or other token test needs nothing here
                return w.matches() ? test(w.group(2), w.group(1).equals("lemma")) : NOTHING;
            }
            if (c == '(') {
                i++;
                if (s.startsWith("?$", i)) { // a named capture "(?$v ...)"
                    i += 2;
                    while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                        i++;
                    }
                }
                Need n = alternation();
                if (i >= s.length() || s.charAt(i) != ')') {
                    throw new IllegalArgumentException("unbalanced pattern");
                }
                i++;
                return n;
            }
            throw new IllegalArgumentException("unexpected '" + c + "'");
        }

        private Need test(String regex, boolean lemma) {
            String key = (lemma ? "lemma:" : "word:") + regex;
            Integer id = testIds.get(key);
            if (id == null) {
                try {
                    tests.add(new Test(Pattern.compile(regex, flags), lemma));
                } catch (PatternSyntaxException e) {
                    return NOTHING;
                }
                id = tests.size() - 1;
                testIds.put(key, id);
            }
            return new Word(id);
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
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
