package org.paper2code.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Formats;
import org.paper2code.emit.dot.DotEmitter;
import org.paper2code.emit.keras.ExternalTools;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;

/** The DOT writer (emit target "dot") and its drawing by Graphviz. */
class DotEmitterTest {
    static void requireDot() {
        ExternalTools.require(Graphviz.find() != null, "Graphviz dot (apt-get install graphviz)");
    }

    @Test
    void quotedShowsTextExactly() {
        assertEquals("\"a\\\\N \\\"b\\\" c\\nd e\"", DotEmitter.quoted("a\\N \"b\" c\nd\re"));
    }

    @Test
    void resnetIsDrawnWithEveryLayerAndEdge() throws Exception {
        requireDot();
        Graph g = Formats.read(Files.readString(Path.of("corpus/models/resnet50_deploy.prototxt")), "resnet50_deploy.prototxt");
        String dot = Formats.emitter("dot", EmitOptions.defaults()).emit(g).get(0).content();
        String svg = new String(Graphviz.find().svg(dot), java.nio.charset.StandardCharsets.UTF_8);
        int nodes = svg.split("class=\"node\"", -1).length - 1;
        int edges = svg.split("class=\"edge\"", -1).length - 1;
        assertEquals(g.layers().size(), nodes);
        assertEquals(g.layers().stream().mapToInt(l -> l.from().size()).sum(), edges);
        assertTrue(svg.contains("res5c_branch2c"), "layer names are the labels");
        assertTrue(svg.contains("2048x7x7"), "shapes are shown");
    }

    @Test
    void hostileNamesStayLabels() throws Exception {
        requireDot();
        String evil = "x\"]; n0 -> n0; label=\"pwn\\\" <b>&</b>\n\\N\\G";
        Graph g = new Graph("m\"}", null, List.of(
                Layer.of("Input", evil, Map.of("output_shape", List.of(3, 8, 8))),
                Layer.of("Flatten", "flat", Map.of(), evil)), null);
        String dot = DotEmitter.dot(g);
        assertFalse(dot.contains("\n  n0 -> n0"), "the name stays inside its quoted label: " + dot);
        String svg = new String(Graphviz.find().svg(dot), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, svg.split("class=\"node\"", -1).length - 1);
        assertEquals(1, svg.split("class=\"edge\"", -1).length - 1);
        assertTrue(svg.contains("&lt;b&gt;&amp;&lt;/b&gt;"), "markup shown as text: " + svg);
        assertTrue(svg.contains("\\N\\G"), "DOT escapes shown literally, not expanded");
    }
}
