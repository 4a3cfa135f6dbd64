package org.paper2code.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared pipeline runs per sentence only the rules whose words are there and tags only where
 * a lemma is read: its matches must equal every rule run on every tagged sentence.
 */
class CoreNlpTest {
    private static final Path REAL = Path.of("../shared/corpus-real/pdfs/resnet_he2015_arxiv1512.03385.pdf");

    /** Each sentence's matches as "family value @begin-end". */
    private static List<String> matches(CoreNlp nlp, String text) {
        List<String> out = new ArrayList<>();
        for (CoreNlp.Sentence s : nlp.match(text)) {
            add(out, "hp", s.hyperparameters());
            add(out, "ds", s.datasets());
            add(out, "mt", s.metrics());
            out.add("|");
        }
        return out;
    }

    private static void add(List<String> out, String family, List<MatchedExpression> xs) {
        for (MatchedExpression x : xs) {
            out.add(family + " " + x.getValue().get() + " @" + x.getCharOffsets());
        }
    }

    /** A paper's text the way the miner sees it (cleaned, numbers normalised). */
    private static String text(Path pdf) throws Exception {
        StringBuilder b = new StringBuilder();
        for (Passage p : PaperText.of(pdf)) {
            b.append(NumberNormalizer.rewrite(TextCleaner.clean(p.text())).text()).append('\n');
        }
        return b.toString();
    }

    @Test
    void sameMatchesAsEveryRuleOnEveryTaggedSentence() throws Exception {
        CoreNlp every = new CoreNlp(true);
        List<String> texts = new ArrayList<>(List.of(
                "The network was trained with SGD, momentum 0.9, for 90 epochs. We use a learning rate of 0.001 decayed by 10 x every 30 epochs.",
                "The initial learning rate is 0.1 and is divided by 10 when the error plateaus. We trained for 600000 iterations on ImageNet.",
                "Our model reaches 76.3 % top-1 accuracy on ImageNet and 40.2 mAP on COCO. We use Adam with beta1 = 0.9 and weight decay 0.0001.",
                "Dropout with p = 0.5 is applied; mini-batches of 128 images, 224 × 224 random crops. No number, no rule here."));
        texts.add(text(Path.of("corpus/papers/paper000.pdf")));
        if (Files.isRegularFile(REAL)) {
            texts.add(text(REAL));
        }
        for (String t : texts) {
            assertEquals(matches(every, t), matches(CoreNlp.shared(), t));
        }
        assumeTrue(Files.isRegularFile(REAL), "../shared/corpus-real is absent: compared on the built-in texts only");
    }

    @Test
    void tagsOnlySentencesWhereARuleReadingALemmaCanMatch() {
        List<CoreNlp.Sentence> s = CoreNlp.shared().match("We trained the model for 90 epochs. The dataset has 50 classes.");
        CoreLabel trained = s.get(0).tokens().get(CoreAnnotations.TokensAnnotation.class).get(1);
        CoreLabel dataset = s.get(1).tokens().get(CoreAnnotations.TokensAnnotation.class).get(1);
        assertNotNull(trained.lemma(), "'trained ... for 90 epochs' can match epochs_train, which reads a lemma");
        assertEquals("train", trained.lemma());
        assertNull(dataset.lemma(), "no lemma-reading rule can match the second sentence: it is not tagged");
        assertEquals(1, s.get(0).hyperparameters().size());
    }

    @Test
    void aLemmaRuleTagsOnlyWhenAWordCanHaveItsLemma() {
        // sched_div: a verb with lemma divide/reduce/... , "by", a number
        List<CoreNlp.Sentence> s = CoreNlp.shared().match("The rate is reduced by 10 twice. Accuracy improves by 2 points.");
        assertEquals("reduce", s.get(0).tokens().get(CoreAnnotations.TokensAnnotation.class).get(3).lemma());
        assertNull(s.get(1).tokens().get(CoreAnnotations.TokensAnnotation.class).get(1).lemma(),
                "no word of the second sentence can have a lemma sched_div or sched_mul asks for: it is not tagged");
    }
}
