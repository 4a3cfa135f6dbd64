package org.paper2code.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The CoreNLP pipeline (tokenize, ssplit, pos, lemma: the POS tagger is the only model, about
 * 2 s and 90 MB to load) and the TokensRegex rule files under {@code models/text/}, loaded once
 * per process by {@link #shared()}. NER is not used: the rules need numbers and lemmas only.
 * <p>
 * Speed: tagging and rule matching were half the batch pipeline's CPU. Most sentences of a paper
 * hold no digit; only the number-free rules (optimizers, losses, schedule names, datasets; no metric
 * rule) can match those, and none of these asks for a lemma. So {@link #sentences}
 * POS-tags and lemmatises only the sentences with a digit, and a digit-free sentence is matched
 * against its file's number-free rules alone ({@link NumberFreeRules}); the matches are the same.
 */
public final class CoreNlp {
    public static final String HYPERPARAMETER_RULES = "models/text/hyperparameters.rules";
    public static final String DATASET_RULES = "models/text/datasets.rules";
    public static final String METRIC_RULES = "models/text/metrics.rules";

    private static volatile CoreNlp shared;

    private final StanfordCoreNLP splitter;
    private final StanfordCoreNLP tagger;
    private final Rules hyperparameters;
    private final Rules datasets;
    private final Rules metrics;
    private final boolean tagAll;
    private final long loadMillis;

    private CoreNlp() {
        long t0 = System.nanoTime();
        // CoreNLP logs every model it loads at INFO on stderr; keep stderr for our messages
        edu.stanford.nlp.util.logging.RedwoodConfiguration.errorLevel().apply();
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit");
        // keep "mini-batch", "top-5", "warm-up" as one token; keep brackets as written
        p.setProperty("tokenize.options", "splitHyphenated=false,normalizeParentheses=false,"
                + "normalizeOtherBrackets=false,invertible=true");
        p.setProperty("ssplit.newlineIsSentenceBreak", "never");
        splitter = new StanfordCoreNLP(p);
        Properties t = new Properties();
        t.setProperty("annotators", "pos,lemma");
        tagger = new StanfordCoreNLP(t, false); // runs on sentences the splitter made
        hyperparameters = new Rules(HYPERPARAMETER_RULES);
        datasets = new Rules(DATASET_RULES);
        metrics = new Rules(METRIC_RULES);
        // should a number-free rule come to read a lemma or a tag, every sentence is tagged again
        tagAll = hyperparameters.numberFreeReadsTags || datasets.numberFreeReadsTags || metrics.numberFreeReadsTags;
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    public static CoreNlp shared() {
        CoreNlp s = shared;
        if (s == null) {
            synchronized (CoreNlp.class) {
                s = shared;
                if (s == null) {
                    s = new CoreNlp();
                    shared = s;
                }
            }
        }
        return s;
    }

    private static Env newEnv() {
        Env env = TokenSequencePattern.getNewEnv();
        env.setDefaultStringMatchFlags(NodePattern.CASE_INSENSITIVE);
        env.setDefaultStringPatternFlags(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return env;
    }

    /** A rules file twice: all of it for sentences with a digit, its number-free rules for the others. */
    private static final class Rules {
        private final CoreMapExpressionExtractor<MatchedExpression> all;
        private final CoreMapExpressionExtractor<MatchedExpression> numberFree;
        private final boolean numberFreeReadsTags;

        Rules(String file) {
            all = CoreMapExpressionExtractor.createExtractorFromFiles(newEnv(), file);
            NumberFreeRules.Loaded n = NumberFreeRules.load(newEnv(), file);
            numberFree = n.extractor();
            numberFreeReadsTags = n.readsTags();
        }

        List<MatchedExpression> match(CoreMap sentence) {
            return (hasDigit(sentence) ? all : numberFree).extractExpressions(sentence);
        }
    }

    /**
     * Sentences of a text, tokenized; those holding a digit also POS-tagged and lemmatised (the
     * rules that read lemmas all need a number, see the class comment).
     */
    public List<CoreMap> sentences(String text) {
        Annotation doc = new Annotation(text);
        splitter.annotate(doc);
        List<CoreMap> all = doc.get(CoreAnnotations.SentencesAnnotation.class);
        List<CoreMap> numeric = new ArrayList<>();
        List<CoreLabel> tokens = new ArrayList<>();
        for (CoreMap s : all) {
            if (tagAll || hasDigit(s)) {
                numeric.add(s);
                tokens.addAll(s.get(CoreAnnotations.TokensAnnotation.class));
            }
        }
        if (!numeric.isEmpty()) {
            Annotation part = new Annotation(text);
            part.set(CoreAnnotations.TokensAnnotation.class, tokens);
            part.set(CoreAnnotations.SentencesAnnotation.class, numeric);
            tagger.annotate(part); // tags the shared tokens in place
        }
        return all;
    }

    /** Whether a token of the sentence holds a digit: only such sentences can match a rule with a number. */
    static boolean hasDigit(CoreMap sentence) {
        for (CoreLabel t : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
            String w = t.word();
            for (int i = 0; i < w.length(); i++) {
                if (Character.isDigit(w.charAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    public List<MatchedExpression> hyperparameters(CoreMap sentence) {
        return hyperparameters.match(sentence);
    }

    public List<MatchedExpression> datasets(CoreMap sentence) {
        return datasets.match(sentence);
    }

    public List<MatchedExpression> metrics(CoreMap sentence) {
        return metrics.match(sentence);
    }

    /** Wall time the pipeline and the rules took to load, in milliseconds. */
    public long loadMillis() {
        return loadMillis;
    }
}
