package org.paper2code.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paper2code.graph.Graph;

/**
 * Runs the available stages of a {@link Predictor} on every item of a {@link TruthCorpus}
 * and scores them. Needs: truth items with their media; adds: {@link Scores}, the items
 * skipped (media missing) and the stage failures (a failing stage counts as a wrong or empty
 * prediction for that item; the run goes on).
 *
 * <p>A paper's scores go to the style of its first architecture figure ({@code other} when it
 * has none). Detection is scored against the paper's truth figures of an architecture style.
 */
public final class Evaluator {
    private final Predictor predictor;

    /** An item not evaluated, and why. */
    public record Skipped(String id, String reason) {
    }

    /** What a run produced. */
    public record Result(TruthCorpus corpus, Predictor predictor, Scores scores, List<Skipped> skipped, List<String> stageErrors) {
    }

    public Evaluator(Predictor predictor) {
        this.predictor = predictor;
    }

    public Result run(TruthCorpus corpus) {
        Scores scores = new Scores();
        List<Skipped> skipped = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean figureStages = predictor.classifier().isPresent() || predictor.parser().isPresent();
        for (TruthCorpus.FigureItem f : corpus.figures()) {
            DiagramStyle style = f.truth().style();
            scores.countFigure(style);
            if (f.image() == null) {
                skipped.add(new Skipped(f.id(), f.missing()));
                continue;
            }
            if (!figureStages) {
                continue;
            }
            long t0 = System.nanoTime();
            predictor.classifier().ifPresent(c -> {
                DiagramStyle predicted = null;
                try {
                    predicted = c.classify(f.image());
                } catch (Exception e) {
                    errors.add(f.id() + ": classify failed: " + message(e));
                }
                scores.addClassification(style, predicted);
            });
            if (f.truth().graph() != null) {
                predictor.parser().ifPresent(p -> {
                    Graph g;
                    try {
                        g = p.parse(f.image(), style);
                    } catch (Exception e) {
                        errors.add(f.id() + ": detect failed: " + message(e));
                        g = new Graph(List.of());
                    }
                    scores.addGraph(style, new GraphMatcher().match(g, f.truth().graph()));
                });
            }
            scores.addFigureTime(style, System.nanoTime() - t0);
        }
        boolean paperStages = predictor.reader().isPresent() || predictor.miner().isPresent();
        for (TruthCorpus.PaperItem p : corpus.papers()) {
            DiagramStyle style = primaryStyle(p.truth());
            scores.countPaper(style);
            if (p.pdf() == null) {
                skipped.add(new Skipped(p.id(), p.missing()));
                continue;
            }
            if (!paperStages) {
                continue;
            }
            long t0 = System.nanoTime();
            predictor.reader().ifPresent(r -> {
                List<FoundFigure> found;
                try {
                    found = r.architectureFigures(p.pdf());
                } catch (Exception e) {
                    errors.add(p.id() + ": pdf failed: " + message(e));
                    found = List.of();
                }
                scores.addDetection(style, DetectionMatcher.score(found, truthFigures(p.truth())));
            });
            predictor.miner().ifPresent(m -> {
                Map<String, Object> mined;
                try {
                    mined = m.mine(p.pdf());
                } catch (Exception e) {
                    errors.add(p.id() + ": text failed: " + message(e));
                    mined = Map.of();
                }
                scores.addHyperparameters(style, HyperparameterScorer.score(mined, truthValues(p.truth())));
            });
            scores.addPaperTime(style, System.nanoTime() - t0);
        }
        return new Result(corpus, predictor, scores, skipped, errors);
    }

    static DiagramStyle primaryStyle(PaperTruth t) {
        return t.figures().stream().map(PaperTruth.Figure::style).filter(DiagramStyle::isArchitecture)
                .findFirst().orElse(DiagramStyle.OTHER);
    }

    static List<FoundFigure> truthFigures(PaperTruth t) {
        return t.figures().stream().filter(f -> f.style().isArchitecture())
                .map(f -> new FoundFigure(f.page(), f.bbox())).toList();
    }

    static Map<String, Object> truthValues(PaperTruth t) {
        Map<String, Object> out = new java.util.TreeMap<>();
        t.hyperparameters().forEach((k, v) -> {
            if (v.value() != null) {
                out.put(k, v.value());
            }
        });
        return out;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
    }
}
