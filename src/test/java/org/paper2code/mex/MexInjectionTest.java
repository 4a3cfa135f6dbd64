package org.paper2code.mex;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.irix.IRIx;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.paper2code.emit.EmitOptions;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphSource;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Training;

/** Hostile layer names and source text give valid Turtle and JSON-LD with valid IRIs; names survive as literals. */
class MexInjectionTest {
    static final List<String> NAMES = List.of(
            "x\"); import os; os.system(\"id",
            "a>b <c> {d} |e| ^f` \\g",
            "with space\tand\ttabs",
            "line\nbreak\r\nand \"quotes\" and 'single'",
            "\"\"\" . } @prefix evil: <http://evil/> .",
            "../../etc/passwd",
            "..",
            ".",
            "a.b",
            "ünïcødé 层 🚀",
            "%41%2F already-encoded",
            "#frag?query=1&x",
            "bell\u0007nul-ish");

    static Graph hostileGraph() {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.of("Input", NAMES.get(0), Map.of("output_shape", List.of(8))));
        for (int i = 1; i < NAMES.size(); i++) {
            layers.add(Layer.of(i % 2 == 0 ? "Dense" : "Activation", NAMES.get(i),
                    i % 2 == 0 ? Map.of("units", 4 + i) : Map.of("function", "relu"), NAMES.get(i - 1)));
        }
        Map<String, Object> training = new java.util.LinkedHashMap<>();
        training.put("optimizer", "sgd\"; DROP TABLE x; --");
        training.put("weird key/../x", 1);
        training.put("lr_schedule", Map.of("policy> <x", "step"));
        return new Graph("Net\"> <http://evil/> .\n# ", new GraphSource("paper \"}> .pdf", 3, "Fig. 1\n<x>",
                null, null, null, 0.5), layers, new Training(training));
    }

    @Test
    void hostileGraphIsValidInput() {
        assertDoesNotThrow(() -> new GraphValidator().check(hostileGraph()));
    }

    @Test
    void turtleParsesToExactlyTheBuiltModelWithValidIris() {
        Graph g = hostileGraph();
        String ttl = MexFixtures.turtle(g);
        Model built = new MexEmitter(EmitOptions.defaults(), MexEmitter.Syntax.TURTLE).model(g);
        Model parsed = MexFixtures.parse(ttl, Lang.TURTLE);
        assertTrue(parsed.isIsomorphicWith(built), "Turtle round-trips exactly (nothing injected, nothing lost)");
        assertTrue(MexFixtures.parse(MexFixtures.jsonLd(g), Lang.JSONLD).isIsomorphicWith(parsed), "JSON-LD too");
        assertEquals(null, parsed.getNsPrefixURI("evil"), "no prefix injected");
        assertEquals(built.getNsPrefixMap(), parsed.getNsPrefixMap());
        assertFalse(parsed.listStatements().toList().stream().anyMatch(s -> s.getObject().isURIResource()
                && s.getObject().asResource().getURI().startsWith("http://evil/")), "no IRI injected");

        Set<String> iris = new HashSet<>();
        parsed.listStatements().forEachRemaining(s -> {
            iris.add(s.getSubject().getURI());
            iris.add(s.getPredicate().getURI());
            if (s.getObject().isURIResource()) {
                iris.add(s.getObject().asResource().getURI());
            }
        });
        String exp = EmitOptions.DEFAULT_BASE_IRI + "experiment/" + GraphId.of(g);
        for (String iri : iris) {
            assertDoesNotThrow(() -> IRIx.create(iri), iri);
            assertTrue(iri.chars().allMatch(c -> c > 32 && c < 127), "ASCII only, no spaces or controls: " + iri);
            if (iri.startsWith(exp + "/")) {
                String path = iri.substring(exp.length() + 1);
                assertTrue(path.matches("[A-Za-z0-9_~%.-]+(/[A-Za-z0-9_~%.-]+)?"), "at most one path step: " + path);
                for (String segment : path.split("/")) {
                    assertFalse(segment.equals(".") || segment.equals(".."), "dot segment in " + iri);
                }
            }
        }
    }

    @Test
    void originalNamesAreKeptAsLiterals() {
        Graph g = hostileGraph();
        Model parsed = MexFixtures.parse(MexFixtures.turtle(g), Lang.TURTLE);
        Set<String> labels = new HashSet<>();
        parsed.listObjectsOfProperty(RDFS.label).forEachRemaining((RDFNode n) -> labels.add(n.asLiteral().getString()));
        for (String name : NAMES) {
            assertTrue(labels.contains(name), "label kept: " + name);
            assertTrue(labels.contains(name + ".layer_type"), "hyperparameter label kept: " + name);
        }
        assertTrue(labels.contains("Net\"> <http://evil/> .\n# "));
        assertTrue(labels.contains("training.weird key/../x"));
        // distinct names stay distinct resources
        assertEquals(NAMES.size(), parsed.listSubjectsWithProperty(parsed.createProperty(Vocab.P2C + "layerType")).toList().size());
    }

    @Test
    void segmentEncodingIsSafeAndInjective() {
        assertEquals("conv1", IriSegment.encode("conv1"));
        assertEquals("%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", IriSegment.encode("../../etc/passwd"));
        assertEquals("a%3Eb%20c", IriSegment.encode("a>b c"));
        assertEquals("%C3%BC", IriSegment.encode("ü"));
        Set<String> encoded = new HashSet<>();
        NAMES.forEach(n -> encoded.add(IriSegment.encode(n)));
        assertEquals(NAMES.size(), encoded.size());
        encoded.forEach(e -> assertTrue(e.matches("[A-Za-z0-9_~%-]+"), e));
    }
}
