package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.eval.Prf;
import org.paper2code.eval.TruthCorpus;
import org.paper2code.synth.CorpusSynth;

/** Parses a small synthetic corpus generated here (seed 7) and checks node/edge F1 per style. */
class SyntheticFiguresTest {
    @TempDir
    static Path dir;

    static final Map<DiagramStyle, Prf> NODES = new EnumMap<>(DiagramStyle.class);
    static final Map<DiagramStyle, Prf> EDGES = new EnumMap<>(DiagramStyle.class);

    @BeforeAll
    static void parseCorpus() throws Exception {
        new CorpusSynth(7, 2).run(24, dir);
        TruthCorpus corpus = TruthCorpus.load(dir, List.of());
        FigureParser parser = new FigureParser();
        for (TruthCorpus.FigureItem f : corpus.figures()) {
            if (f.image() == null || f.truth().graph() == null || !f.truth().style().isArchitecture()) {
                continue;
            }
            DetectionResult r = parser.parse(f.image(), f.truth().style());
            GraphMatcher.Match m = new GraphMatcher().match(r.graph(), f.truth().graph());
            NODES.merge(f.truth().style(), m.nodes(), Prf::plus);
            EDGES.merge(f.truth().style(), m.edges(), Prf::plus);
        }
        NODES.forEach((s, n) -> System.out.printf("%s node F1 %.3f edge F1 %.3f%n", s.id(), n.f1(), EDGES.get(s).f1()));
    }

    private static void check(DiagramStyle s, double node, double edge) {
        Prf n = NODES.getOrDefault(s, Prf.ZERO);
        Prf e = EDGES.getOrDefault(s, Prf.ZERO);
        assertTrue(!n.isEmpty(), "no " + s.id() + " figures in the generated corpus");
        assertTrue(n.f1() >= node, s.id() + " node F1 " + n.f1() + " < " + node);
        assertTrue(e.f1() >= edge, s.id() + " edge F1 " + e.f1() + " < " + edge);
    }

    // thresholds: slightly below what was measured on this corpus (seed 7, 24 figures: 2d-box 0.457/0.179,
    // pipeline 0.867/0.640, stacked 0.724/0.385, 3d-box 0.981/0.939 (0.792/0.577 before CuboidChain/CuboidBars),
    // neurons 0.882/0.846); a regression guard, not the bar
    @Test
    void boxes2d() {
        check(DiagramStyle.BOX_2D, 0.40, 0.15);
    }

    @Test
    void pipeline() {
        // measured 0.933 / 0.800 once pipeline stages, pastel boxes and input pictures were read (StageTitles, OutlinedBoxes, PipelineInputs)
        check(DiagramStyle.PIPELINE, 0.90, 0.75);
    }

    @Test
    void stacked() {
        check(DiagramStyle.STACKED_2D_BOX, 0.65, 0.33);
    }

    @Test
    void boxes3d() {
        check(DiagramStyle.BOX_3D, 0.93, 0.88);
    }

    @Test
    void neurons() {
        check(DiagramStyle.NEURONS, 0.80, 0.75);
    }
}
