package org.paper2code.text;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchRules;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.ling.tokensregex.parser.ParseException;
import edu.stanford.nlp.ling.tokensregex.parser.TokenSequenceParser;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.AnnotationPipeline;
import edu.stanford.nlp.pipeline.MorphaAnnotator;
import edu.stanford.nlp.pipeline.POSTaggerAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.process.Morphology;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The CoreNLP pipeline (tokenize, ssplit, pos, lemma: the POS tagger is the only model, about
 * 2 s and 90 MB to load) and the TokensRegex rule files under {@code models/text/}, loaded once
 * per process by {@link #shared()}. NER is not used: the rules need numbers and lemmas only.
 * <p>
 * Speed: tagging and rule matching were nearly all of the text stage's CPU, and most sentences of
 * a paper can match no rule at all. {@link RuleTriggers} reads from each rule the words a sentence
 * must hold for it to match (for a lemma test, a word that can have that lemma); per sentence
 * only the rules whose words are there run (an extractor of just those rules, in file order, so
 * overlaps resolve as with the whole file), and a sentence is POS-tagged and lemmatised only when
 * one of those rules reads a lemma. The matches are the same as running every rule on every
 * tagged sentence.
 */
public final class CoreNlp {
    public static final String HYPERPARAMETER_RULES = "models/text/hyperparameters.rules";
    public static final String DATASET_RULES = "models/text/datasets.rules";
    public static final String METRIC_RULES = "models/text/metrics.rules";
    /** How TokensRegex compiles the rules' word regexes (and {@link RuleTriggers} its word tests). */
    private static final int PATTERN_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static volatile CoreNlp shared;

    private final StanfordCoreNLP splitter;
    private final AnnotationPipeline tagger;
    private final Rules hyperparameters;
    private final Rules datasets;
    private final Rules metrics;
    private final long loadMillis;

    private CoreNlp() {
        this(false);
    }

    /**
     * {@code everyRule}: tag every sentence and run every rule on it, the reference the shared
     * pipeline must equal (tests compare the two).
     */
    CoreNlp(boolean everyRule) {
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
        // CoreNLP's "pos,lemma" built by hand to reach the tagger's tag set; runs on sentences the splitter made
        MaxentTagger pos = new MaxentTagger(MaxentTagger.DEFAULT_JAR_PATH);
        tagger = new AnnotationPipeline(List.of(new POSTaggerAnnotator(pos), new MorphaAnnotator(false)));
        RuleTriggers.Lemmas lemmas = lemmas(pos.tagSet());
        hyperparameters = new Rules(HYPERPARAMETER_RULES, everyRule, lemmas);
        datasets = new Rules(DATASET_RULES, everyRule, lemmas);
        metrics = new Rules(METRIC_RULES, everyRule, lemmas);
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

    /**
     * The lemmas a word can get from the lemma annotator (MorphaAnnotator: {@code Morphology.lemma}
     * under the word's tag, {@code stem} when it has none) under any tag of the POS tagger's tag
     * set; null (lemma tests always pass) when the tag set cannot be read.
     */
    private static RuleTriggers.Lemmas lemmas(java.util.Set<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        return word -> {
            Morphology m = new Morphology(); // not thread-safe: one per word looked up (cached per word)
            java.util.Set<String> out = new java.util.HashSet<>();
            out.add(m.stem(word));
            for (String tag : tags) {
                out.add(m.lemma(word, tag));
            }
            return out;
        };
    }

    private static Env newEnv() {
        Env env = TokenSequencePattern.getNewEnv();
        env.setDefaultStringMatchFlags(NodePattern.CASE_INSENSITIVE);
        env.setDefaultStringPatternFlags(PATTERN_FLAGS);
        return env;
    }

    /** A rules file: its extraction rules in file order, what each needs of a sentence, extractors for subsets of them. */
    private static final class Rules {
        private final Env env = newEnv();
        private final List<SequenceMatchRules.Rule> extractionRules = new ArrayList<>();
        private final RuleTriggers triggers;
        private final Map<BitSet, CoreMapExpressionExtractor<MatchedExpression>> extractors = new ConcurrentHashMap<>();

        Rules(String file, boolean everyRule, RuleTriggers.Lemmas lemmas) {
            String text;
            List<SequenceMatchRules.Rule> all;
            try {
                text = IOUtils.slurpReader(IOUtils.readerFromString(file));
                all = new TokenSequenceParser(new StringReader(text)).RuleList(env);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ParseException | RuntimeException e) {
                throw new IllegalStateException("cannot read the rules in " + file + ": " + e.getMessage(), e);
            }
            new CoreMapExpressionExtractor<MatchedExpression>(env, all); // binds the file's variables, as loading the file does
            List<String> names = new ArrayList<>();
            for (SequenceMatchRules.Rule r : all) {
                if (r instanceof SequenceMatchRules.AnnotationExtractRule<?, ?> x) {
                    extractionRules.add(r);
                    names.add(x.name);
                }
            }
            RuleTriggers read = RuleTriggers.read(text, PATTERN_FLAGS, lemmas);
            // the triggers are read block by block; should that ever disagree with CoreNLP's parse, run every rule
            triggers = !everyRule && read.rules().stream().map(RuleTriggers.Rule::name).toList().equals(names) ? read : null;
        }

        /** Indices of the rules that can match the sentence. */
        BitSet possible(List<CoreLabel> tokens) {
            if (triggers == null) {
                BitSet every = new BitSet();
                every.set(0, extractionRules.size());
                return every;
            }
            return triggers.possible(tokens);
        }

        boolean readsTags(BitSet possible) {
            return triggers == null || triggers.readsTags(possible);
        }

        List<MatchedExpression> match(CoreMap sentence, BitSet possible) {
            if (possible.isEmpty()) {
                return List.of();
            }
            return extractors.computeIfAbsent(possible, this::extractor).extractExpressions(sentence);
        }

        private CoreMapExpressionExtractor<MatchedExpression> extractor(BitSet subset) {
            List<SequenceMatchRules.Rule> rules = new ArrayList<>();
            subset.stream().forEach(i -> rules.add(extractionRules.get(i)));
            return new CoreMapExpressionExtractor<>(env, rules);
        }
    }

    /** A sentence (tokens with offsets) and the rule matches in it. */
    public record Sentence(CoreMap tokens, List<MatchedExpression> hyperparameters, List<MatchedExpression> datasets,
            List<MatchedExpression> metrics) {
    }

    /**
     * The sentences of a text with their rule matches. Only the sentences where a rule that reads
     * a lemma could match are POS-tagged and lemmatised (see the class comment).
     */
    public List<Sentence> match(String text) {
        Annotation doc = new Annotation(text);
        splitter.annotate(doc);
        List<CoreMap> all = doc.get(CoreAnnotations.SentencesAnnotation.class);
        List<BitSet[]> possible = new ArrayList<>(all.size());
        List<CoreMap> toTag = new ArrayList<>();
        List<CoreLabel> tagTokens = new ArrayList<>();
        for (CoreMap s : all) {
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            BitSet[] p = {hyperparameters.possible(tokens), datasets.possible(tokens), metrics.possible(tokens)};
            possible.add(p);
            if (hyperparameters.readsTags(p[0]) || datasets.readsTags(p[1]) || metrics.readsTags(p[2])) {
                toTag.add(s);
                tagTokens.addAll(tokens);
            }
        }
        if (!toTag.isEmpty()) {
            Annotation part = new Annotation(text);
            part.set(CoreAnnotations.TokensAnnotation.class, tagTokens);
            part.set(CoreAnnotations.SentencesAnnotation.class, toTag);
            tagger.annotate(part); // tags the shared tokens in place
        }
        List<Sentence> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            CoreMap s = all.get(i);
            BitSet[] p = possible.get(i);
            out.add(new Sentence(s, hyperparameters.match(s, p[0]), datasets.match(s, p[1]), metrics.match(s, p[2])));
        }
        return out;
    }

    /** Wall time the pipeline and the rules took to load, in milliseconds. */
    public long loadMillis() {
        return loadMillis;
    }
}
