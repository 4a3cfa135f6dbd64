package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.eval.Prf;
import org.paper2code.eval.TruthCorpus;

/**
 * The hand-annotated real figures (eval/annotations, images in ../shared/corpus-real/figures): micro node and
 * edge F1 over all architecture figures, asserted slightly below what was measured (a regression guard, not the
 * issue's bar, which is not reached yet: scripts/eval-real measured node F1 0.711, edge F1 0.585).
 */
class RealFiguresTest {

    @Test
    void realFiguresDoNotRegress() throws Exception {
        TruthCorpus corpus = realCorpus();
        Prf nodes = Prf.ZERO;
        Prf edges = Prf.ZERO;
        int parsed = 0;
        FigureParser parser = new FigureParser();
        for (TruthCorpus.FigureItem f : corpus.figures()) {
            if (f.image() == null || f.truth().graph() == null) {
                continue;
            }
            DetectionResult r = parser.parse(f.image(), f.truth().style());
            GraphMatcher.Match m = new GraphMatcher().match(r.graph(), f.truth().graph());
            nodes = nodes.plus(m.nodes());
            edges = edges.plus(m.edges());
            parsed++;
        }
        assertTrue(parsed >= 20, "only " + parsed + " real figures parsed");
        assertTrue(nodes.f1() >= 0.68, "real node F1 " + nodes.f1());
        assertTrue(edges.f1() >= 0.55, "real edge F1 " + edges.f1());
    }

    /**
     * The 2D-box figures: fan-outs and joins of Inception modules, skip lines and bare input arrows of residual
     * blocks. Measured: edge F1 0.84 over the six, ResNet's building blocks and Inception-v4 module A exact
     * (before the connector fixes: 0.32, none exact).
     */
    @Test
    void boxFiguresConnectAsDrawn() throws Exception {
        TruthCorpus corpus = realCorpus();
        Prf edges = Prf.ZERO;
        List<String> exact = new java.util.ArrayList<>();
        FigureParser parser = new FigureParser();
        for (TruthCorpus.FigureItem f : corpus.figures()) {
            if (f.image() == null || f.truth().graph() == null || f.truth().style() != org.paper2code.eval.DiagramStyle.BOX_2D) {
                continue;
            }
            GraphMatcher.Match m = new GraphMatcher().match(parser.parse(f.image(), f.truth().style()).graph(), f.truth().graph());
            edges = edges.plus(m.edges());
            if (m.exact()) {
                exact.add(f.id());
            }
        }
        assertTrue(edges.f1() >= 0.75, "2d-box edge F1 " + edges.f1());
        assertTrue(exact.stream().anyMatch(id -> id.contains("resnet_building_blocks_he2015")), "exact: " + exact);
        assertTrue(exact.stream().anyMatch(id -> id.contains("inceptionv4_module_a")), "exact: " + exact);
    }

    /**
     * The region proposal network (pipeline): its two heads are boxes reading "2k scores" and "4k coordinates", their
     * layer written beside them ("cls layer / 1x1 conv"). Before, both became opaque Lambda steps and the round "o" of
     * "Region" in the caption a Multiply.
     */
    @Test
    void pipelineBoxesTakeTheLayerNamedBesideThem() throws Exception {
        Path image = Path.of("../shared/corpus-real/figures/alphatree_rpn.png");
        Assumptions.assumeTrue(Files.isRegularFile(image), "skipped: " + image + " not present");
        org.paper2code.graph.Graph g = new FigureParser().parse(image, org.paper2code.eval.DiagramStyle.PIPELINE).graph();
        List<String> types = g.layers().stream().map(l -> l.type()).toList();
        assertTrue(types.stream().filter("Conv2D"::equals).count() == 2, "layers " + types);
        assertTrue(!types.contains("Multiply") && !types.contains("Lambda"), "layers " + types);
    }

    /** The annotated real figures; skips the test when ../shared is not beside the project. */
    private static TruthCorpus realCorpus() throws Exception {
        Path shared = Path.of(System.getProperty("user.dir")).resolve("../shared/corpus-real/figures").normalize();
        Assumptions.assumeTrue(Files.isDirectory(shared), "skipped: " + shared + " not present");
        return TruthCorpus.load(Path.of("eval/annotations"), List.of(shared));
    }
}
