package org.paper2code.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.paper2code.eval.HyperparameterScorer;
import org.paper2code.text.MinedHyperparameters.Dataset;
import org.paper2code.text.MinedHyperparameters.Evidence;
import org.paper2code.text.MinedHyperparameters.Metric;
import org.paper2code.text.MinedHyperparameters.Mined;

/**
 * Mines training hyperparameters, datasets and reported metrics from a paper's passages. Each
 * page is cleaned ({@link TextCleaner}), its numbers rewritten to plain decimals
 * ({@link NumberNormalizer}), annotated by CoreNLP and matched against the TokensRegex rules in
 * {@code models/text/}. Per key the value of the highest-priority rule wins, the earliest in
 * the paper among equals (papers describe their main model first); differing values stated
 * elsewhere are kept as alternatives and mark the key ambiguous. The bibliography is skipped.
 */
public final class TrainingMiner {
    private static final Pattern APPENDIX = Pattern.compile("(?m)^\\s*(Appendix|APPENDIX|Appendices|APPENDICES)\\b");
    private static final Pattern LR_MENTION = Pattern.compile("(?i)\\b(learning[ -]rates?|lr)\\b");
    private static final Pattern TRAIN_CUE = Pattern.compile("(?i)\\b(train|trained|training|pre-?train\\w*|fine-?tun\\w*)\\b");
    private static final Pattern EVAL_CUE = Pattern.compile("(?i)\\b(evaluat\\w*|test|tested|testing|validation|benchmark\\w*|report\\w*|results?)\\b");
    private static final int MAX_METRICS = 15;
    /**
     * A caption label inside a sentence ("... 600×600 Backbone Figure 1: Our pipeline"): the
     * words before it are labels drawn in the figure, which PDF text extraction runs into the
     * caption. A value there (a plot legend "Adam", a box "Input image 600×600") is no statement.
     */
    private static final Pattern CAPTION_LABEL = Pattern.compile("\\S\\s+((Figure|Fig\\.|FIGURE|Table|TABLE)\\s*\\d+\\s*(:|\\.\\s+\\p{Lu}))");

    private final CoreNlp nlp;

    public TrainingMiner() {
        this(CoreNlp.shared());
    }

    public TrainingMiner(CoreNlp nlp) {
        this.nlp = nlp;
    }

    /** Reads a paper ({@code .pdf} or form-feed paged text) and mines it. */
    public MinedHyperparameters mine(Path paper) throws IOException {
        return mine(PaperText.of(paper));
    }

    public MinedHyperparameters mine(List<Passage> passages) {
        List<Hit> hits = new ArrayList<>();
        List<List<Hit>> sentences = new ArrayList<>();
        boolean inReferences = false;
        int order = 0;
        for (Passage passage : passages) {
            String raw = passage.text();
            if (inReferences) {
                var m = APPENDIX.matcher(raw);
                if (!m.find()) {
                    continue;
                }
                raw = raw.substring(m.start());
                inReferences = false;
            }
            int refs = TextCleaner.referencesStart(raw);
            if (refs >= 0) {
                String after = raw.substring(refs);
                var m = APPENDIX.matcher(after);
                if (m.find()) {
                    raw = raw.substring(0, refs) + "\n" + after.substring(m.start());
                } else {
                    raw = raw.substring(0, refs);
                    inReferences = true;
                }
            }
            String clean = TextCleaner.clean(raw);
            NumberNormalizer.Rewritten rw = NumberNormalizer.rewrite(clean);
            for (CoreNlp.Sentence matched : nlp.match(rw.text())) {
                CoreMap s = matched.tokens();
                int b = s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
                int e = s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
                int ob = rw.toOriginal(b);
                int oe = e > b ? rw.toOriginal(e - 1) + 1 : ob;
                String sentence = clean.substring(ob, Math.max(ob, Math.min(oe, clean.length())));
                List<Hit> inSentence = new ArrayList<>();
                var caption = CAPTION_LABEL.matcher(rw.text().substring(b, Math.max(b, e)));
                int figureTextEnd = caption.find() ? b + caption.start(1) : b;
                for (MatchedExpression x : matched.hyperparameters()) {
                    Hit h = Hit.of("hp", x, order, sentence, passage.page());
                    if (h != null && x.getCharOffsets().getBegin() >= figureTextEnd) {
                        inSentence.add(h);
                    }
                }
                for (MatchedExpression x : matched.datasets()) {
                    Hit h = Hit.of("ds", x, order, sentence, passage.page());
                    if (h != null) {
                        inSentence.add(h);
                    }
                }
                for (MatchedExpression x : matched.metrics()) {
                    Hit h = Hit.of("mt", x, order, sentence, passage.page());
                    if (h != null) {
                        inSentence.add(h);
                    }
                }
                order++;
                hits.addAll(inSentence);
                sentences.add(inSentence);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (List<Hit> s : sentences) {
            candidates.addAll(decode(s));
        }
        return new MinedHyperparameters(choose(candidates), datasets(hits), metrics(hits));
    }

    /** A rule match: family (hp, ds, mt), key, priority, matched text, position. */
    record Hit(String family, String key, int prio, String text, int order, String sentence, int page) {
        static Hit of(String family, MatchedExpression x, int order, String sentence, int page) {
            Object v = x.getValue() == null ? null : x.getValue().get();
            if (!(v instanceof String s)) {
                return null;
            }
            String[] parts = s.split("\\|", 3);
            if (parts.length == 2) {
                parts = new String[] {parts[0], parts[1], ""};
            }
            if (parts.length < 3) {
                return null;
            }
            if (family.equals("hp")) {
                return new Hit(family, parts[0], Integer.parseInt(parts[1].trim()), parts[2].trim(), order, sentence, page);
            }
            // dataset "dataset|NAME|", metric "metric|NAME|VALUE": the name rides in the key
            return new Hit(family, parts[1].trim(), 0, parts[2].trim(), order, sentence, page);
        }
    }

    record Candidate(String key, Object value, int prio, int order, String sentence, int page) {
    }

    /** Turns one sentence's hits into typed values; schedules are assembled from their parts. */
    private static List<Candidate> decode(List<Hit> hits) {
        List<Candidate> out = new ArrayList<>();
        Hit factor = null;
        Hit every = null;
        Hit at = null;
        Hit plateau = null;
        Hit other = null;
        for (Hit h : hits) {
            if (!h.family().equals("hp")) {
                continue;
            }
            switch (h.key()) {
                case "optimizer", "loss" -> out.add(cand(h.key(), h.text(), h));
                case "nesterov" -> {
                    out.add(cand("nesterov", Boolean.TRUE, h));
                    out.add(new Candidate("optimizer", "sgd", 1, h.order(), h.sentence(), h.page()));
                }
                case "betas" -> {
                    List<Double> ab = NumberNormalizer.all(h.text());
                    if (ab.size() == 2) {
                        addNumber(out, "beta1", ab.get(0), h);
                        addNumber(out, "beta2", ab.get(1), h);
                    }
                }
                case "dropout_keep" -> {
                    OptionalDouble p = NumberNormalizer.parse(h.text());
                    if (p.isPresent() && p.getAsDouble() > 0 && p.getAsDouble() <= 1) {
                        addNumber(out, "dropout", round(1 - p.getAsDouble()), h);
                    }
                }
                case "sched_div", "sched_mul" -> factor = factor == null || h.prio() > factor.prio() ? h : factor;
                case "sched_every" -> every = every == null ? h : every;
                case "sched_at" -> at = at == null ? h : at;
                case "sched_plateau" -> plateau = h;
                case "sched_cosine", "sched_poly", "sched_linear" -> other = h;
                case "lr_ramp", "per_device" -> {
                    // shadows: the extractor keeps these longer matches instead of a wrong value
                }
                default -> {
                    OptionalDouble v = NumberNormalizer.parse(h.text());
                    boolean fraction = h.key().equals("dropout") || h.key().equals("label_smoothing");
                    if (v.isPresent() && (fraction || !h.text().contains("%"))) {
                        addNumber(out, h.key(), v.getAsDouble(), h);
                    }
                }
            }
        }
        if (hits.isEmpty()) {
            return out;
        }
        boolean lr = LR_MENTION.matcher(hits.get(0).sentence()).find();
        if (factor != null && lr) {
            Map<String, Object> s = schedule(factor, every, at, plateau);
            if (s != null) {
                out.add(new Candidate("lr_schedule", s, factor.prio(), factor.order(), factor.sentence(), factor.page()));
            }
        } else if (other != null && (lr || other.sentence().toLowerCase(Locale.ROOT).contains("schedule"))) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("policy", other.key().substring("sched_".length()));
            OptionalDouble p = NumberNormalizer.parse(other.text());
            if (p.isPresent()) {
                s.put("power", p.getAsDouble());
            }
            out.add(new Candidate("lr_schedule", s, other.prio(), other.order(), other.sentence(), other.page()));
        }
        return out;
    }

    private static Map<String, Object> schedule(Hit factor, Hit every, Hit at, Hit plateau) {
        OptionalDouble f = NumberNormalizer.parse(factor.text());
        if (f.isEmpty() || f.getAsDouble() <= 0) {
            return null;
        }
        double x = f.getAsDouble();
        double gamma;
        if (factor.key().equals("sched_mul")) {
            gamma = x;
        } else if (factor.text().contains("%")) {
            gamma = 1 - x;
        } else {
            gamma = x > 1 ? 1 / x : x;
        }
        if (!(gamma > 0 && gamma < 1)) {
            return null;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        if (every != null) {
            List<Double> n = NumberNormalizer.all(every.text());
            s.put("policy", "step");
            s.put("gamma", round(gamma));
            if (!n.isEmpty()) {
                s.put(every.text().toLowerCase(Locale.ROOT).contains("epoch") ? "step_epochs" : "step_size",
                        n.get(0).longValue());
            }
        } else if (at != null) {
            List<Double> n = NumberNormalizer.all(at.text());
            s.put("policy", "multistep");
            s.put("gamma", round(gamma));
            List<Long> steps = n.stream().map(Double::longValue).toList();
            s.put(at.text().toLowerCase(Locale.ROOT).contains("epoch") ? "steps_epochs" : "steps", steps);
        } else if (plateau != null) {
            s.put("policy", "plateau");
            s.put("gamma", round(gamma));
        } else {
            return null;
        }
        return s;
    }

    private static Candidate cand(String key, Object value, Hit h) {
        return new Candidate(key, value, h.prio(), h.order(), h.sentence(), h.page());
    }

    /** Adds a number when it is plausible for its key; integer keys become longs. */
    private static void addNumber(List<Candidate> out, String key, double v, Hit h) {
        Range r = Range.of(key);
        if (r == null || v < r.min() || v > r.max()) {
            return;
        }
        Object value = v;
        if (r.integer()) {
            if (v != Math.rint(v)) {
                return;
            }
            value = (long) v;
        }
        out.add(new Candidate(key, value, h.prio(), h.order(), h.sentence(), h.page()));
    }

    /** Plausible values per numeric key: rules over-match, ranges reject a citation or a year. */
    private record Range(double min, double max, boolean integer) {
        static Range of(String key) {
            return switch (key) {
                case "learning_rate" -> new Range(1e-9, 10, false);
                case "batch_size" -> new Range(1, 1_000_000, true);
                case "epochs" -> new Range(1, 10_000, true);
                case "iterations" -> new Range(100, 1e9, true);
                case "warmup_steps" -> new Range(1, 1e7, true);
                case "momentum", "beta1", "beta2" -> new Range(0.5, 0.99999, false);
                case "epsilon" -> new Range(1e-12, 0.5, false);
                case "weight_decay" -> new Range(1e-9, 0.1, false);
                case "dropout", "label_smoothing" -> new Range(0.01, 0.95, false);
                case "gradient_clip" -> new Range(1e-3, 1e4, false);
                case "input_size" -> new Range(16, 4096, true);
                default -> null;
            };
        }
    }

    private static double round(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(10)).doubleValue();
    }

    /** Highest priority first, then the earliest; differing values become alternatives. */
    private static Map<String, Mined> choose(List<Candidate> candidates) {
        Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
        }
        Map<String, Mined> out = new java.util.TreeMap<>();
        byKey.forEach((key, list) -> {
            list.sort(Comparator.comparingInt(Candidate::prio).reversed().thenComparingInt(Candidate::order));
            Candidate best = list.get(0);
            List<Evidence> alternatives = new ArrayList<>();
            List<Object> seen = new ArrayList<>();
            seen.add(best.value());
            for (Candidate c : list) {
                if (seen.stream().noneMatch(s -> HyperparameterScorer.same(s, c.value()))) {
                    seen.add(c.value());
                    alternatives.add(new Evidence(c.value(), c.sentence(), c.page()));
                }
            }
            out.put(key, new Mined(new Evidence(best.value(), best.sentence(), best.page()), alternatives));
        });
        return out;
    }

    private static List<Dataset> datasets(List<Hit> hits) {
        Map<String, List<Hit>> byName = new LinkedHashMap<>();
        for (Hit h : hits) {
            if (h.family().equals("ds")) {
                byName.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(h);
            }
        }
        List<Dataset> out = new ArrayList<>();
        byName.forEach((name, list) -> {
            boolean train = list.stream().anyMatch(h -> TRAIN_CUE.matcher(h.sentence()).find());
            boolean eval = list.stream().anyMatch(h -> EVAL_CUE.matcher(h.sentence()).find());
            List<String> roles = new ArrayList<>();
            if (train) {
                roles.add("train");
            }
            if (eval) {
                roles.add("eval");
            }
            Hit first = list.get(0);
            out.add(new Dataset(name, roles, list.size(), first.sentence(), first.page()));
        });
        out.sort(Comparator.comparingInt(Dataset::mentions).reversed());
        return out;
    }

    private static List<Metric> metrics(List<Hit> hits) {
        List<Metric> out = new ArrayList<>();
        for (Hit h : hits) {
            if (!h.family().equals("mt") || out.size() >= MAX_METRICS) {
                continue;
            }
            String name = h.key().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            OptionalDouble v = NumberNormalizer.parse(h.text());
            // scores are percentages or fractions; a larger number is a count or a year
            if (v.isEmpty() || v.getAsDouble() <= 0 || (v.getAsDouble() > 100 && !name.equals("perplexity"))) {
                continue;
            }
            double value = v.getAsDouble();
            if (out.stream().anyMatch(m -> m.metric().equals(name) && m.value() == value)) {
                continue;
            }
            out.add(new Metric(name, value, h.sentence().contains(h.text() + "%") || h.sentence().contains(h.text() + " %"),
                    h.sentence(), h.page()));
        }
        return out;
    }
}
