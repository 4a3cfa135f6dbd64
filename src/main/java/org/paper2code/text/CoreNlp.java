package org.paper2code.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The CoreNLP pipeline (tokenize, ssplit, pos, lemma: the POS tagger is the only model, about
 * 2 s and 90 MB to load) and the TokensRegex rule files under {@code models/text/}, loaded once
 * per process by {@link #shared()}. NER is not used: the rules need numbers and lemmas only.
 */
public final class CoreNlp {
    public static final String HYPERPARAMETER_RULES = "models/text/hyperparameters.rules";
    public static final String DATASET_RULES = "models/text/datasets.rules";
    public static final String METRIC_RULES = "models/text/metrics.rules";

    private static volatile CoreNlp shared;

    private final StanfordCoreNLP pipeline;
    private final CoreMapExpressionExtractor<MatchedExpression> hyperparameters;
    private final CoreMapExpressionExtractor<MatchedExpression> datasets;
    private final CoreMapExpressionExtractor<MatchedExpression> metrics;
    private final long loadMillis;

    private CoreNlp() {
        long t0 = System.nanoTime();
        // CoreNLP logs every model it loads at INFO on stderr; keep stderr for our messages
        edu.stanford.nlp.util.logging.RedwoodConfiguration.errorLevel().apply();
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma");
        // keep "mini-batch", "top-5", "warm-up" as one token; keep brackets as written
        p.setProperty("tokenize.options", "splitHyphenated=false,normalizeParentheses=false,"
                + "normalizeOtherBrackets=false,invertible=true");
        p.setProperty("ssplit.newlineIsSentenceBreak", "never");
        pipeline = new StanfordCoreNLP(p);
        hyperparameters = extractor(HYPERPARAMETER_RULES);
        datasets = extractor(DATASET_RULES);
        metrics = extractor(METRIC_RULES);
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

    private static CoreMapExpressionExtractor<MatchedExpression> extractor(String rules) {
        Env env = TokenSequencePattern.getNewEnv();
        env.setDefaultStringMatchFlags(NodePattern.CASE_INSENSITIVE);
        env.setDefaultStringPatternFlags(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return CoreMapExpressionExtractor.createExtractorFromFiles(env, rules);
    }

    /** Sentences of a text, tokenized, POS-tagged and lemmatised. */
    public List<CoreMap> sentences(String text) {
        Annotation doc = new Annotation(text);
        pipeline.annotate(doc);
        return doc.get(CoreAnnotations.SentencesAnnotation.class);
    }

    public List<MatchedExpression> hyperparameters(CoreMap sentence) {
        return hyperparameters.extractExpressions(sentence);
    }

    public List<MatchedExpression> datasets(CoreMap sentence) {
        return datasets.extractExpressions(sentence);
    }

    public List<MatchedExpression> metrics(CoreMap sentence) {
        return metrics.extractExpressions(sentence);
    }

    /** Wall time the pipeline and the rules took to load, in milliseconds. */
    public long loadMillis() {
        return loadMillis;
    }
}
