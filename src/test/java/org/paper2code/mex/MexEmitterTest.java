package org.paper2code.mex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Formats;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;

class MexEmitterTest {
    static final String PREFIXES = """
            PREFIX mexcore: <http://mex.aksw.org/mex-core#>
            PREFIX mexalgo: <http://mex.aksw.org/mex-algo#>
            PREFIX mls:     <http://www.w3.org/ns/mls#>
            PREFIX prov:    <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX p2c:     <https://w3id.org/paper2code/vocab#>
            """;

    /** Experiment -> configuration -> algorithm -> algorithm class, with the hyperparameter count. */
    static final String Q_EXPERIMENT = PREFIXES + """
            SELECT ?experiment ?config ?algorithm ?class (COUNT(DISTINCT ?hp) AS ?hyperparameters) WHERE {
              ?experiment a mexcore:Experiment .
              ?config a mexcore:ExperimentConfiguration ; prov:wasStartedBy ?experiment ; prov:used ?algorithm .
              ?algorithm a mexalgo:Algorithm ; mexalgo:hasAlgorithmClass ?class ;
                         mexalgo:hasHyperParameterCollection ?collection .
              ?class a mexalgo:ArtificialNeuralNetwork .
              ?collection prov:hadMember ?hp .
              ?hp a mexalgo:HyperParameter .
            } GROUP BY ?experiment ?config ?algorithm ?class
            """;

    /** Number of layers per layer type (conv layers of AlexNet: 5). */
    static final String Q_LAYER_TYPES = PREFIXES + """
            SELECT ?type (COUNT(?layer) AS ?n) WHERE {
              ?algorithm a mexalgo:Algorithm ; p2c:hasLayer ?layer .
              ?layer p2c:layerType ?type .
            } GROUP BY ?type ORDER BY ?type
            """;

    /** The same count with MEX terms only: the layer_type hyperparameters. */
    static final String Q_CONV_COUNT_MEX_ONLY = PREFIXES + """
            SELECT (COUNT(?hp) AS ?conv) WHERE {
              ?collection a mexalgo:HyperParameterCollection ; prov:hadMember ?hp .
              ?hp dcterms:identifier ?id ; prov:value "Conv2D" .
              FILTER(STRENDS(?id, ".layer_type"))
            }
            """;

    /** Tools used by the configuration with their parameters. */
    static final String Q_TOOLS = PREFIXES + """
            SELECT ?tool ?toolLabel ?name ?value WHERE {
              ?config a mexcore:ExperimentConfiguration ; prov:used ?tool .
              ?tool a mexalgo:Tool ; rdfs:label ?toolLabel ; p2c:hasToolParameterCollection ?params .
              ?config prov:used ?params .
              ?params a mexalgo:ToolParameterCollection ; prov:hadMember ?p .
              ?p a mexalgo:ToolParameter ; rdfs:label ?name ; prov:value ?value .
            } ORDER BY ?toolLabel ?name
            """;

    /** One layer's hyperparameters with values, e.g. conv2. */
    static final String Q_LAYER_PARAMS = PREFIXES + """
            SELECT ?name ?value ?explicit WHERE {
              ?layer a p2c:Layer ; rdfs:label "conv2" ; prov:hadMember ?hp .
              ?hp rdfs:label ?name ; prov:value ?value ; p2c:setExplicitly ?explicit .
            } ORDER BY ?name
            """;

    static List<QuerySolution> select(Model m, String query) {
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.model(m).query(query).build()) {
            ResultSet rs = qe.execSelect();
            rs.forEachRemaining(rows::add);
        }
        return rows;
    }

    static Model alexNetModel() {
        return MexFixtures.parse(MexFixtures.turtle(MexFixtures.alexNet()), Lang.TURTLE);
    }

    @Test
    void fixtureIsAValidAlexNet() {
        Graph g = MexFixtures.alexNet();
        var shapes = new GraphValidator().check(g);
        assertEquals("96x55x55", shapes.get("conv1").toString());
        assertEquals("256x6x6", shapes.get("pool5").toString());
        assertEquals("1000", shapes.get("prob").toString());
        assertEquals(5, g.layers().stream().filter(l -> l.type().equals("Conv2D")).count());
    }

    @Test
    void turtleAndJsonLdParseToTheSameModelAsBuilt() {
        Graph g = MexFixtures.alexNet();
        Model built = new MexEmitter(EmitOptions.defaults(), MexEmitter.Syntax.TURTLE).model(g);
        Model fromTurtle = MexFixtures.parse(MexFixtures.turtle(g), Lang.TURTLE);
        Model fromJsonLd = MexFixtures.parse(MexFixtures.jsonLd(g), Lang.JSONLD);
        assertTrue(built.size() > 1000, "AlexNet record has " + built.size() + " triples");
        assertTrue(fromTurtle.isIsomorphicWith(built), "Turtle round-trips");
        assertTrue(fromJsonLd.isIsomorphicWith(fromTurtle), "JSON-LD and Turtle give isomorphic models");
    }

    @Test
    void experimentConfigurationAlgorithmAndClassAreLinked() {
        List<QuerySolution> rows = select(alexNetModel(), Q_EXPERIMENT);
        assertEquals(1, rows.size());
        QuerySolution r = rows.get(0);
        String exp = r.getResource("experiment").getURI();
        assertTrue(exp.matches("https://w3id\\.org/paper2code/resource/experiment/[0-9a-f]{16}"), exp);
        assertEquals(exp + "/config", r.getResource("config").getURI());
        assertEquals(exp + "/algorithm", r.getResource("algorithm").getURI());
        // 25 layers: layer_type + from_layers each, plus the resolved parameters; 11 training values
        int hps = r.getLiteral("hyperparameters").getInt();
        assertEquals(175, hps);
    }

    @Test
    void countsConvLayersOfAlexNet() {
        Model m = alexNetModel();
        Map<String, Integer> byType = new java.util.TreeMap<>();
        for (QuerySolution r : select(m, Q_LAYER_TYPES)) {
            byType.put(r.getLiteral("type").getString(), r.getLiteral("n").getInt());
        }
        assertEquals(Map.of("Activation", 7, "Conv2D", 5, "Dense", 3, "Dropout", 2, "Flatten", 1, "Input", 1,
                "LRN", 2, "Pooling2D", 3, "Softmax", 1), byType);
        assertEquals(5, select(m, Q_CONV_COUNT_MEX_ONLY).get(0).getLiteral("conv").getInt());
    }

    @Test
    void layerHyperparametersAreTypedValues() {
        Model m = alexNetModel();
        Map<String, RDFNode> values = new java.util.HashMap<>();
        Map<String, Boolean> explicit = new java.util.HashMap<>();
        for (QuerySolution r : select(m, Q_LAYER_PARAMS)) {
            values.put(r.getLiteral("name").getString(), r.get("value"));
            explicit.put(r.getLiteral("name").getString(), r.getLiteral("explicit").getBoolean());
        }
        assertInteger(256, values.get("conv2.filters"));
        assertInteger(5, values.get("conv2.kernel_row"));
        assertInteger(5, values.get("conv2.kernel_col"));
        assertInteger(2, values.get("conv2.groups"));
        assertInteger(2, values.get("conv2.pad_row"));
        assertInteger(1, values.get("conv2.dilation_col"));
        assertEquals("Conv2D", values.get("conv2.layer_type").asLiteral().getString());
        assertEquals("[\"pool1\"]", values.get("conv2.from_layers").asLiteral().getString());
        assertEquals(true, explicit.get("conv2.groups"));
        assertEquals(false, explicit.get("conv2.kernel_col"));

        String q = PREFIXES + "SELECT ?v WHERE { ?hp rdfs:label ?l ; prov:value ?v ; mls:hasValue ?v } ";
        assertEquals(true, valueOf(m, q, "pool1.ceil_mode").asLiteral().getBoolean());
        assertEquals(XSDDatatype.XSDboolean.getURI(), valueOf(m, q, "pool1.ceil_mode").asLiteral().getDatatypeURI());
        assertInteger(96, valueOf(m, q, "conv1.filters"));
        assertInteger(11, valueOf(m, q, "conv1.kernel_row"));
        assertInteger(4096, valueOf(m, q, "fc6.units"));
        assertDouble(0.5, valueOf(m, q, "drop6.rate"));
        assertDouble(0.0001, valueOf(m, q, "norm1.alpha"));
        assertEquals("[3,227,227]", valueOf(m, q, "data.output_shape").asLiteral().getString());
        assertEquals("96x55x55", select(m, PREFIXES
                + "SELECT ?s WHERE { ?l a p2c:Layer ; rdfs:label \"conv1\" ; p2c:outputShape ?s }").get(0).getLiteral("s").getString());
    }

    @Test
    void trainingBlockBecomesHyperparameters() {
        Model m = alexNetModel();
        String q = PREFIXES + "SELECT ?v WHERE { ?c a mexalgo:HyperParameterCollection ; prov:hadMember ?hp . "
                + "?hp rdfs:label ?l ; prov:value ?v } ";
        assertEquals("sgd", valueOf(m, q, "training.optimizer").asLiteral().getString());
        assertDouble(0.01, valueOf(m, q, "training.learning_rate"));
        assertDouble(0.9, valueOf(m, q, "training.momentum"));
        assertDouble(0.0005, valueOf(m, q, "training.weight_decay"));
        assertInteger(128, valueOf(m, q, "training.batch_size"));
        assertInteger(90, valueOf(m, q, "training.epochs"));
        assertEquals("step", valueOf(m, q, "training.lr_schedule.policy").asLiteral().getString());
        assertDouble(0.1, valueOf(m, q, "training.lr_schedule.gamma"));
        assertInteger(100000, valueOf(m, q, "training.lr_schedule.step_size"));
        // mls view: each setting is specified by a shared mls:HyperParameter
        assertEquals(1, select(m, PREFIXES + "SELECT ?d WHERE { ?hp rdfs:label \"training.learning_rate\" ; "
                + "mls:specifiedBy ?d . ?d a mls:HyperParameter }").size());
    }

    @Test
    void toolsCarryParameterCollections() {
        List<QuerySolution> rows = select(alexNetModel(), Q_TOOLS);
        Map<String, Map<String, String>> byTool = new java.util.TreeMap<>();
        for (QuerySolution r : rows) {
            byTool.computeIfAbsent(r.getLiteral("toolLabel").getString(), k -> new java.util.TreeMap<>())
                    .put(r.getLiteral("name").getString(), r.getLiteral("value").getString());
        }
        assertEquals(List.of("Caffe", "Keras", "PyTorch"), List.copyOf(byTool.keySet()));
        assertEquals("keras", byTool.get("Keras").get("convert_target"));
        assertEquals("caffe", byTool.get("Caffe").get("convert_target"));
        assertEquals("torch.nn.Module", byTool.get("PyTorch").get("framework_api"));
        for (Map<String, String> params : byTool.values()) {
            assertTrue(params.keySet().containsAll(List.of("convert_target", "language", "framework_api")), params.toString());
        }
    }

    @Test
    void generatedFileNamesComeFromTheToolEmittersWhenTheyCanEmit() {
        Graph g = MexFixtures.alexNet();
        Model m = alexNetModel();
        for (String target : List.of("keras", "caffe", "pytorch")) {
            String expected;
            try {
                expected = Formats.emitter(target, EmitOptions.defaults()).emit(g).get(0).fileName();
            } catch (RuntimeException e) {
                expected = null;
            }
            List<QuerySolution> rows = select(m, PREFIXES + "SELECT ?f WHERE { ?p dcterms:identifier \""
                    + target + ".generated_file\" ; prov:value ?f }");
            if (expected == null) {
                assertTrue(rows.isEmpty(), target + " cannot emit, so no file is named");
            } else {
                assertEquals(expected, rows.get(0).getLiteral("f").getString());
            }
        }
    }

    @Test
    void provenanceNamesThePaperAndFigure() {
        Model m = alexNetModel();
        List<QuerySolution> rows = select(m, PREFIXES + """
                SELECT ?figureLabel ?paperTitle WHERE {
                  ?e a mexcore:Experiment ; prov:wasDerivedFrom ?fig .
                  ?fig rdfs:label ?figureLabel ; dcterms:isPartOf ?paper ; p2c:page 5 .
                  ?paper dcterms:title ?paperTitle .
                }""");
        assertEquals(1, rows.size());
        assertEquals("Figure 2", rows.get(0).getLiteral("figureLabel").getString());
        assertTrue(rows.get(0).getLiteral("paperTitle").getString().startsWith("Krizhevsky"));
        assertEquals(1, select(m, PREFIXES + "SELECT * WHERE { ?a mexalgo:hasLearningProblem ?p . ?p a mexalgo:Classification }").size());
    }

    @Test
    void emittingTwiceIsByteIdentical() {
        Graph g = MexFixtures.alexNet();
        assertEquals(MexFixtures.turtle(g), MexFixtures.turtle(MexFixtures.alexNet()));
        assertEquals(MexFixtures.jsonLd(g), MexFixtures.jsonLd(MexFixtures.alexNet()));
        // the id depends on content, not on the key order of the document it was read from
        Graph reordered = GraphJson.read(GraphJson.write(g.withLayers(g.layers().stream()
                .map(l -> new Layer(l.type(), l.name(), reversed(l.params()), l.from())).toList())));
        assertEquals(GraphId.of(g), GraphId.of(reordered));
        assertEquals(MexFixtures.turtle(g), MexFixtures.turtle(reordered));
        // and a different graph gets a different id
        assertFalse(GraphId.of(g).equals(GraphId.of(g.withName("AlexNet v2"))));
    }

    @Test
    void baseIriIsConfigurable() {
        Graph g = MexFixtures.alexNet();
        String ttl = MexFixtures.turtle(g, new EmitOptions("http://example.org/kb", null));
        Model m = MexFixtures.parse(ttl, Lang.TURTLE);
        assertFalse(ttl.contains(EmitOptions.DEFAULT_BASE_IRI));
        String exp = select(m, Q_EXPERIMENT).get(0).getResource("experiment").getURI();
        assertEquals("http://example.org/kb/experiment/" + GraphId.of(g), exp);
        m.listSubjects().forEachRemaining(s -> assertTrue(s.getURI().startsWith("http://example.org/kb/")
                || s.getURI().startsWith(Vocab.P2C) || s.getURI().equals("https://w3id.org/paper2code/vocab"), s.getURI()));
        assertThrows(IllegalArgumentException.class, () -> new MexEmitter(new EmitOptions("not a base", null), MexEmitter.Syntax.TURTLE));
        assertThrows(IllegalArgumentException.class, () -> new MexEmitter(new EmitOptions("relative/path/", null), MexEmitter.Syntax.TURTLE));
    }

    @Test
    void targetsAreRegistered() {
        assertEquals("mex", Formats.emitter("mex", EmitOptions.defaults()).target());
        assertEquals("mex-jsonld", Formats.emitter("mex-jsonld", EmitOptions.defaults()).target());
        assertEquals("mex.ttl", Formats.emitter("mex", EmitOptions.defaults()).emit(MexFixtures.alexNet()).get(0).fileName());
    }

    private static Map<String, Object> reversed(Map<String, Object> params) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(params.entrySet());
        java.util.Collections.reverse(entries);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static RDFNode valueOf(Model m, String queryWithoutLabel, String label) {
        String q = queryWithoutLabel.replace("?l ;", "\"" + label + "\" ;").replace("?l ", "\"" + label + "\" ");
        List<QuerySolution> rows = select(m, q);
        assertEquals(1, rows.size(), "one value for " + label);
        return rows.get(0).get("v");
    }

    private static void assertInteger(long expected, RDFNode node) {
        Literal l = node.asLiteral();
        assertEquals(XSDDatatype.XSDinteger.getURI(), l.getDatatypeURI(), l.toString());
        assertEquals(expected, l.getLong());
    }

    private static void assertDouble(double expected, RDFNode node) {
        Literal l = node.asLiteral();
        assertEquals(XSDDatatype.XSDdouble.getURI(), l.getDatatypeURI(), l.toString());
        assertEquals(expected, l.getDouble(), 1e-12);
    }
}
