package org.paper2code.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreLabel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What each rule needs of a sentence: the words read from the rule, combined as its pattern combines them. */
class RuleTriggersTest {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String DEFS = "$NUM = ( [ { word:/[0-9]+/ } ] )\n$GAP = ( [ !{ word:/[0-9]+|by/ } ] )\n";

    private static RuleTriggers read(String rules) {
        return RuleTriggers.read(DEFS + rules, FLAGS, null);
    }

    private static String rule(String name, String pattern) {
        return "{ ruleType: \"tokens\", name: \"" + name + "\", pattern: " + pattern + ", result: \"x\" }\n";
    }

    private static List<CoreLabel> tokens(String... words) {
        List<CoreLabel> out = new ArrayList<>();
        for (String w : words) {
            CoreLabel t = new CoreLabel();
            t.setWord(w);
            t.setValue(w);
            out.add(t);
        }
        return out;
    }

    private static boolean possible(RuleTriggers t, String... words) {
        return t.possible(tokens(words)).get(0);
    }

    @Test
    void aSequenceNeedsEveryWordItCannotSkip() {
        RuleTriggers t = read(rule("a", "( /learning/ /-/? /rates?/ $GAP{0,3}? (?$v $NUM) )"));
        assertTrue(possible(t, "the", "Learning", "rate", "is", "12"), "case-insensitive, whole-word regexes as TokensRegex reads them");
        assertFalse(possible(t, "the", "learning", "rate", "is", "high"), "no number");
        assertFalse(possible(t, "the", "rates", "are", "12"), "no 'learning'");
        assertFalse(possible(t, "relearning", "rates", "12"), "a regex must match the whole word");
    }

    @Test
    void alternativesNeedOneOfThemAndOptionalPartsNothing() {
        RuleTriggers t = read(rule("c", "( /epochs/ (?$v $NUM) | /adam/ )") + rule("b", "( /voc/ $NUM? )")
                + rule("d", "( /sgd/ $GAP )") + rule("e", "( /warm/ ( /-/ /up/ )+ )"));
        BitSet adam = t.possible(tokens("we", "use", "Adam"));
        assertEquals(List.of(0), adam.stream().boxed().toList());
        assertEquals(List.of(0, 1), t.possible(tokens("VOC", "and", "12", "epochs")).stream().boxed().toList());
        assertEquals(List.of(2), t.possible(tokens("plain", "SGD", "here")).stream().boxed().toList(),
                "a negated token test needs no particular word");
        assertEquals(List.of(3), t.possible(tokens("warm", "-", "up")).stream().boxed().toList(), "a repeated group needs its words");
        assertTrue(t.possible(tokens("warm", "up")).isEmpty());
    }

    @Test
    void lemmaTestsAndUnreadableRulesNeedNothingAndMarkTagging() {
        RuleTriggers t = read(rule("e", "( [ { lemma:/train/ } ] /with/ )") + rule("f", "( /lr/ )")
                + rule("g", "( /lr/ ~~~ )"));
        assertEquals("e", t.rules().get(0).name());
        assertTrue(t.rules().get(0).readsTags());
        assertFalse(t.rules().get(1).readsTags());
        assertInstanceOf(RuleTriggers.Nothing.class, t.rules().get(2).need(), "a rule this reader cannot follow always runs");
        BitSet p = t.possible(tokens("trained", "with", "care"));
        assertEquals(List.of(0, 2), p.stream().boxed().toList());
        assertTrue(t.readsTags(p));
        BitSet lr = t.possible(tokens("an", "lr", "of", "2"));
        assertEquals(List.of(1, 2), lr.stream().boxed().toList());
    }

    @Test
    void aLemmaTestPassesOnAWordThatCanHaveThatLemma() {
        String rules = rule("div", "( [ { lemma:/divide|cut/ } ] /by/ $NUM )");
        RuleTriggers t = RuleTriggers.read(DEFS + rules, FLAGS,
                w -> new java.util.HashSet<>(List.of(w.toLowerCase(), w.toLowerCase().replaceAll("d$", ""))));
        assertTrue(possible(t, "lr", "divided", "by", "10"));
        assertTrue(possible(t, "lr", "cut", "by", "10"));
        assertFalse(possible(t, "lr", "improved", "by", "10"), "no word can have lemma divide or cut");
        assertTrue(possible(t, "lr", "set_up", "by", "10"), "a phrasal verb is lemmatised otherwise: its lemma tests pass");
        assertTrue(possible(read(rules), "lr", "improved", "by", "10"), "lemmas unknown: lemma tests pass");
    }

    @Test
    void everyRuleOfTheShippedFilesNeedsSomeWord() throws Exception {
        for (String file : List.of(CoreNlp.HYPERPARAMETER_RULES, CoreNlp.DATASET_RULES, CoreNlp.METRIC_RULES)) {
            String text = Files.readString(Path.of(file));
            RuleTriggers t = RuleTriggers.read(text, FLAGS, null);
            assertEquals(text.split("ruleType:", -1).length - 1, t.rules().size(), file);
            for (RuleTriggers.Rule r : t.rules()) {
                assertFalse(r.need() instanceof RuleTriggers.Nothing, file + ": rule " + r.name() + " was not read");
            }
            assertTrue(t.possible(tokens("The", "results", "are", "shown", "in", "the", "figure", ".")).isEmpty(), file);
        }
    }
}
