package org.paper2code.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;

/** The matcher on hand-made graph pairs whose scores are worked out by hand in each test. */
class GraphMatcherTest {
    private static final double EPS = 1e-12;

    /** in -> c1 (16, 3x3) -> p1 (2x2) -> c2 (32, 3x3, stride 1) -> flat -> fc (10): 6 layers, 5 edges, 7 explicit param keys. */
    static Graph truth() {
        return new Graph(List.of(
                Layer.of("Input", "in", Map.of("output_shape", List.of(3, 32, 32))),
                Layer.of("Conv2D", "c1", Map.of("filters", 16, "kernel_row", 3), "in"),
                Layer.of("Pooling2D", "p1", Map.of("kernel_row", 2), "c1"),
                Layer.of("Conv2D", "c2", Map.of("filters", 32, "kernel_row", 3, "stride_row", 1), "p1"),
                Layer.of("Flatten", "flat", Map.of(), "c2"),
                Layer.of("Dense", "fc", Map.of("units", 10), "flat")));
    }

    private final GraphMatcher matcher = new GraphMatcher();

    @Test
    void truthGraphIsValid() {
        new GraphValidator().check(truth());
    }

    @Test
    void identicalGraphsScoreOneAndAreExact() {
        GraphMatcher.Match m = matcher.match(truth(), truth());
        assertEquals(new Prf(6, 0, 0), m.nodes());
        assertEquals(new Prf(5, 0, 0), m.edges());
        assertEquals(1.0, m.nodes().f1(), EPS);
        assertEquals(1.0, m.edges().f1(), EPS);
        assertEquals(new Ratio(7, 7), m.params());
        assertTrue(m.exact());
    }

    @Test
    void renamedLayersStillMatchFully() {
        Graph t = truth();
        List<Layer> renamed = new ArrayList<>();
        Map<String, String> names = Map.of("in", "data", "c1", "conv_a", "p1", "pool_x", "c2", "layer_9", "flat", "f", "fc", "fc8");
        for (Layer l : t.layers()) {
            renamed.add(new Layer(l.type(), names.get(l.name()), l.params(), l.from().stream().map(names::get).toList()));
        }
        // also shuffle the document order: matching must not depend on it
        java.util.Collections.reverse(renamed);
        GraphMatcher.Match m = matcher.match(new Graph(renamed), t);
        assertEquals(new Prf(6, 0, 0), m.nodes());
        assertEquals(new Prf(5, 0, 0), m.edges());
        assertTrue(m.exact());
        assertEquals("c1", m.pairs().get("conv_a"));
        assertEquals("c2", m.pairs().get("layer_9"));
    }

    @Test
    void missingLayerGivesHandComputedScores() {
        // prediction lacks c2: in -> c1 -> p1 -> flat -> fc
        Graph p = new Graph(List.of(
                Layer.of("Input", "in", Map.of("output_shape", List.of(3, 32, 32))),
                Layer.of("Conv2D", "c1", Map.of("filters", 16, "kernel_row", 3), "in"),
                Layer.of("Pooling2D", "p1", Map.of("kernel_row", 2), "c1"),
                Layer.of("Flatten", "flat", Map.of(), "p1"),
                Layer.of("Dense", "fc", Map.of("units", 10), "flat")));
        GraphMatcher.Match m = matcher.match(p, truth());
        // nodes: 5 matched, none extra, c2 missing -> P = 5/5, R = 5/6
        assertEquals(new Prf(5, 0, 1), m.nodes());
        assertEquals(1.0, m.nodes().precision(), EPS);
        assertEquals(5.0 / 6, m.nodes().recall(), EPS);
        assertEquals(10.0 / 11, m.nodes().f1(), EPS);
        // edges: in->c1, c1->p1, flat->fc correct; p1->flat is not a truth edge; p1->c2, c2->flat missed
        assertEquals(new Prf(3, 1, 2), m.edges());
        assertEquals(0.75, m.edges().precision(), EPS);
        assertEquals(0.6, m.edges().recall(), EPS);
        assertEquals("c1", m.pairs().get("c1"));
        // params on matched layers: c1 filters+kernel, p1 kernel, fc units = 4 of 4
        assertEquals(new Ratio(4, 4), m.params());
        assertFalse(m.exact());
    }

    @Test
    void wrongTypeIsNotAMatch() {
        // p1 predicted as Dropout: Dropout never pairs with Pooling2D
        List<Layer> layers = new ArrayList<>(truth().layers());
        layers.set(2, Layer.of("Dropout", "p1", Map.of(), "c1"));
        GraphMatcher.Match m = matcher.match(new Graph(layers), truth());
        assertEquals(new Prf(5, 1, 1), m.nodes());
        assertFalse(m.pairs().containsKey("p1"));
        // c1->p1 and p1->c2 lose an end: 3 of 5 edges correct
        assertEquals(new Prf(3, 2, 2), m.edges());
        assertFalse(m.exact());
    }

    @Test
    void reversedEdgeIsOneFalsePositiveAndOneFalseNegative() {
        // truth: x -> a (Conv2D); m = Add(x, a): edges x->a, x->m, a->m
        Graph t = new Graph(List.of(
                Layer.of("Input", "x", Map.of("output_shape", List.of(4, 8, 8))),
                Layer.of("Conv2D", "a", Map.of("filters", 4, "kernel_row", 3, "border_mode", "same"), "x"),
                Layer.of("Add", "m", Map.of(), "x", "a")));
        new GraphValidator().check(t);
        // prediction reverses a->m into m->a
        Graph p = new Graph(List.of(
                Layer.of("Input", "x", Map.of("output_shape", List.of(4, 8, 8))),
                Layer.of("Add", "m", Map.of(), "x"),
                Layer.of("Conv2D", "a", Map.of("filters", 4, "kernel_row", 3, "border_mode", "same"), "x", "m")));
        GraphMatcher.Match m = matcher.match(p, t);
        assertEquals(new Prf(3, 0, 0), m.nodes());
        assertEquals(new Prf(2, 1, 1), m.edges());
        assertEquals(2.0 / 3, m.edges().precision(), EPS);
        assertEquals(2.0 / 3, m.edges().recall(), EPS);
        assertFalse(m.exact());
    }

    @Test
    void parameterAccuracyCountsOnlyTruthKeysWithDefaultsForThePrediction() {
        List<Layer> layers = new ArrayList<>(truth().layers());
        layers.set(1, layers.get(1).withParam("filters", 8));        // wrong
        layers.set(3, layers.get(3).withParam("stride_row", null));  // unset: default 1 equals truth 1
        layers.set(5, layers.get(5).withParam("units", 10));          // right
        GraphMatcher.Match m = matcher.match(new Graph(layers), truth());
        assertEquals(new Ratio(6, 7), m.params());
        assertEquals(6.0 / 7, m.params().value(), EPS);
        assertTrue(m.exact(), "exact is about structure; parameters are scored apart");
    }

    @Test
    void inferredTruthParametersAreNotScored() {
        List<Layer> t = new ArrayList<>(truth().layers());
        // the figure does not state c2's kernel: the annotator supplied it and marked it inferred
        t.set(3, t.get(3).withParam("inferred", List.of("kernel_row")));
        new GraphValidator().check(new Graph(t));
        List<Layer> p = new ArrayList<>(truth().layers());
        p.set(3, p.get(3).withParam("kernel_row", 5));
        GraphMatcher.Match m = matcher.match(new Graph(p), new Graph(t));
        assertEquals(new Ratio(6, 6), m.params());
    }

    @Test
    void extraLayerIsAFalsePositiveAndBreaksExactness() {
        List<Layer> layers = new ArrayList<>(truth().layers());
        layers.set(4, Layer.of("Flatten", "flat", Map.of(), "drop"));
        layers.add(4, Layer.of("Dropout", "drop", Map.of(), "c2"));
        GraphMatcher.Match m = matcher.match(new Graph(layers), truth());
        assertEquals(new Prf(6, 1, 0), m.nodes());
        assertEquals(new Prf(4, 2, 1), m.edges());
        assertFalse(m.exact());
    }

    @Test
    void emptyPredictionHasZeroRecallAndUndefinedPrecision() {
        GraphMatcher.Match m = matcher.match(new Graph(List.of()), truth());
        assertEquals(new Prf(0, 0, 6), m.nodes());
        assertEquals(0.0, m.nodes().recall(), EPS);
        assertTrue(Double.isNaN(m.nodes().precision()));
        assertEquals(0.0, m.nodes().f1(), EPS);
    }

    @Test
    void parallelBranchesPairByParametersAndNeighbours() {
        // two 1x1 convs of different widths on parallel branches: params decide the pairing
        Graph t = new Graph(List.of(
                Layer.of("Input", "x", Map.of("output_shape", List.of(8, 8, 8))),
                Layer.of("Conv2D", "b1", Map.of("filters", 16, "kernel_row", 1), "x"),
                Layer.of("Conv2D", "b2", Map.of("filters", 32, "kernel_row", 1), "x"),
                Layer.of("Concat", "cat", Map.of(), "b1", "b2")));
        Graph p = new Graph(List.of(
                Layer.of("Input", "i", Map.of("output_shape", List.of(8, 8, 8))),
                Layer.of("Conv2D", "q", Map.of("filters", 32, "kernel_row", 1), "i"),
                Layer.of("Conv2D", "r", Map.of("filters", 16, "kernel_row", 1), "i"),
                Layer.of("Concat", "c", Map.of(), "q", "r")));
        GraphMatcher.Match m = matcher.match(p, t);
        assertEquals("b2", m.pairs().get("q"));
        assertEquals("b1", m.pairs().get("r"));
        assertEquals(new Ratio(4, 4), m.params());
        assertTrue(m.exact());
    }

    @Test
    void twinLayersPairByWhatTheyFeed() {
        // two identical 1x1 convs (same params, same input) that feed different 3x3 convs: only what follows them
        // tells them apart, so a prediction identical to the truth must still pair them right and be exact
        Graph t = new Graph(List.of(
                Layer.of("Input", "x", Map.of("output_shape", List.of(8, 8, 8))),
                Layer.of("Conv2D", "a1", Map.of("filters", 32, "kernel_row", 1), "x"),
                Layer.of("Conv2D", "b1", Map.of("filters", 32, "kernel_row", 1), "x"),
                Layer.of("Conv2D", "a3", Map.of("filters", 32, "kernel_row", 3), "a1"),
                Layer.of("Conv2D", "b3", Map.of("filters", 48, "kernel_row", 3), "b1"),
                Layer.of("Concat", "cat", Map.of(), "a3", "b3")));
        // the same graph with the twins listed the other way round (the order a parser finds them in varies)
        Graph p = new Graph(List.of(
                Layer.of("Input", "i", Map.of("output_shape", List.of(8, 8, 8))),
                Layer.of("Conv2D", "q", Map.of("filters", 32, "kernel_row", 1), "i"),
                Layer.of("Conv2D", "r", Map.of("filters", 32, "kernel_row", 1), "i"),
                Layer.of("Conv2D", "r3", Map.of("filters", 32, "kernel_row", 3), "r"),
                Layer.of("Conv2D", "q3", Map.of("filters", 48, "kernel_row", 3), "q"),
                Layer.of("Concat", "c", Map.of(), "r3", "q3")));
        GraphMatcher.Match m = matcher.match(p, t);
        assertEquals("b1", m.pairs().get("q"));
        assertEquals("a1", m.pairs().get("r"));
        assertTrue(m.exact());
    }
    /** in1 -> t1, in2 -> t2 (two unnamed streams of one type), both into cat -> fc: 6 layers, 5 edges. */
    private static Graph twoStreams(String in1, String in2, String t1, String t2, String cat, String fc,
                                    String t1From, String t2From) {
        return new Graph(List.of(
                Layer.of("Input", in1, Map.of("output_shape", List.of(3, 64, 64))),
                Layer.of("Input", in2, Map.of("output_shape", List.of(3, 64, 64))),
                Layer.of("Lambda", t1, Map.of(), t1From),
                Layer.of("Lambda", t2, Map.of(), t2From),
                Layer.of("Concat", cat, Map.of(), t1, t2),
                Layer.of("Dense", fc, Map.of("units", 2), cat)));
    }

    @Test
    void twinChainsPairByWhatTheyFeedEvenWhenListedCrosswise() {
        // a two-stream figure whose streams the parser listed in the other order: the same graph, so it must be
        // exact. Every twin's cost is equal either way round; re-pairing all of them at once by the previous
        // round's edges swapped both the inputs and the streams each round and ended crosswise (edge F1 0.6)
        Graph t = twoStreams("in1", "in2", "L1", "L2", "cat", "fc", "in1", "in2");
        Graph p = twoStreams("u", "v", "A", "B", "c", "d", "v", "u");
        GraphMatcher.Match m = matcher.match(p, t);
        assertEquals(new Prf(5, 0, 0), m.edges());
        assertTrue(m.exact());
    }

    @Test
    void aMiswiredStreamStillLosesItsEdge() {
        // both inputs feed one stream, the other stream is fed by nothing: no pairing can make that right
        Graph t = twoStreams("in1", "in2", "L1", "L2", "cat", "fc", "in1", "in2");
        Graph p = new Graph(List.of(
                Layer.of("Input", "u", Map.of("output_shape", List.of(3, 64, 64))),
                Layer.of("Input", "v", Map.of("output_shape", List.of(3, 64, 64))),
                Layer.of("Lambda", "A", Map.of(), "u", "v"),
                Layer.of("Lambda", "B", Map.of()),
                Layer.of("Concat", "c", Map.of(), "A", "B"),
                Layer.of("Dense", "d", Map.of("units", 2), "c")));
        GraphMatcher.Match m = matcher.match(p, t);
        assertEquals(new Prf(4, 1, 1), m.edges());
        assertFalse(m.exact());
    }
}
