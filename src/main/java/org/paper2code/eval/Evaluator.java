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
        boolean paperStages = predictor.reader().isPresent() || predictor.miner().isPresent() || predictor.tables().isPresent();
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
            if (!p.truth().tables().isEmpty()) {
                predictor.tables().ifPresent(t -> scoreTables(t, p, scores, errors));
            }
        }
        for (TruthCorpus.LayoutItem l : corpus.layouts()) {
            if (l.pdf() == null) {
                skipped.add(new Skipped(l.id(), l.missing()));
                continue;
            }
            predictor.layout().ifPresent(r -> scoreLayout(r, l, scores, errors));
        }
        return new Result(corpus, predictor, scores, skipped, errors);
    }

    /** Every figure and table of one PDF against its layout truth; a failing stage scores as finding nothing. */
    private static void scoreLayout(LayoutReader reader, TruthCorpus.LayoutItem l, Scores scores, List<String> errors) {
        long t0 = System.nanoTime();
        LayoutReader.Found found;
        try {
            found = reader.read(l.pdf());
        } catch (Exception e) {
            errors.add(l.id() + ": pdf failed: " + message(e));
            found = new LayoutReader.Found(List.of(), 0, List.of());
        }
        String name = l.pdf().getFileName().toString();
        scores.addLayout(name, new Scores.Layout(LayoutScorer.score(name, found.objects(), l.truth()), found.sentences(),
                found.mixed(), System.nanoTime() - t0));
    }

    /**
     * Each truth configuration against the predicted one of the same table and name; a truth one without
     * prediction scores against an empty graph, and so does a predicted one from a table without truth
     * (papers with table truth annotate every architecture table they have).
     */
    private static void scoreTables(TableReader reader, TruthCorpus.PaperItem p, Scores scores, List<String> errors) {
        long t0 = System.nanoTime();
        List<TableReader.FoundTable> found;
        try {
            found = reader.architectureTables(p.pdf());
        } catch (Exception e) {
            errors.add(p.id() + ": tables failed: " + message(e));
            found = List.of();
        }
        List<TableReader.FoundTable> left = new ArrayList<>(found);
        GraphMatcher matcher = new GraphMatcher();
        Graph empty = new Graph(List.of());
        for (PaperTruth.Table t : p.truth().tables()) {
            TableReader.FoundTable same = left.stream().filter(f -> java.util.Objects.equals(f.label(), t.label())
                    && java.util.Objects.equals(f.configuration(), t.configuration())).findFirst().orElse(null);
            if (same != null) {
                left.remove(same);
            }
            scores.addTableGraph(matcher.match(same == null ? empty : same.graph(), t.graph()));
        }
        // a configuration of an annotated table without truth is not scored (the annotation may cover only the
        // configurations with a reference network); one from a table without any truth is spurious
        java.util.Set<String> annotated = new java.util.HashSet<>();
        p.truth().tables().forEach(t -> annotated.add(t.label()));
        for (TableReader.FoundTable f : left) {
            if (!annotated.contains(f.label())) {
                scores.addTableGraph(matcher.match(f.graph(), empty));
            }
        }
        scores.countTablePaper(System.nanoTime() - t0);
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
