package org.paper2code.mex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphSource;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerCatalogue;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.LayerSpec;
import org.paper2code.graph.ParamSpec;
import org.paper2code.graph.ParamType;
import org.paper2code.graph.Shape;
import org.paper2code.graph.Topology;
import org.paper2code.mex.Vocab.Algo;
import org.paper2code.mex.Vocab.Core;
import org.paper2code.mex.Vocab.Mls;
import org.paper2code.mex.Vocab.P2c;
import org.paper2code.mex.Vocab.Prov;

/**
 * Builds the MEX description of one graph document as a Jena model.
 *
 * <p>IRIs (E = base + "experiment/" + graph id; every piece of untrusted text goes through
 * {@link IriSegment}, which also encodes '.', so '.' only ever separates): E
 * (mexcore:Experiment), E/config, E/algorithm, E/algorithm-class, E/hyperparameters,
 * E/learning-method, E/learning-problem, E/source-{paper|figure|table}, E/layer/{layer},
 * E/hp/{layer}.{param}, E/training/{key}[.{key}], E/tool/{tool}.parameters,
 * E/tool/{tool}.{name}; shared across documents: base + "hyperparameter/{LayerType}.{param}"
 * and base + "hyperparameter/training.{key}" (mls:HyperParameter).
 */
final class MexRecordBuilder {
    private final String base;
    private final String fallbackName;
    private final Function<ToolTarget, Optional<String>> generatedFile;
    private final LayerCatalogue catalogue = LayerCatalogue.standard();

    private Model model;
    private String exp;
    private Resource algorithm;
    private Resource collection;

    /**
     * @param base          validated base IRI ending in / or #
     * @param fallbackName  name used when the graph has none
     * @param generatedFile main file name a tool's emitter produces for the graph, if it can
     */
    MexRecordBuilder(String base, String fallbackName, Function<ToolTarget, Optional<String>> generatedFile) {
        this.base = base;
        this.fallbackName = fallbackName;
        this.generatedFile = generatedFile;
    }

    /** Checks the base IRI and gives it a trailing '/' when it ends in neither '/' nor '#'. */
    static String normaliseBase(String baseIri) {
        if (baseIri == null || baseIri.isBlank()) {
            throw new IllegalArgumentException("the MEX base IRI is empty");
        }
        String b = baseIri.endsWith("/") || baseIri.endsWith("#") ? baseIri : baseIri + "/";
        try {
            IRIx iri = IRIx.create(b);
            if (!iri.isAbsolute()) {
                throw new IllegalArgumentException("the MEX base IRI must be absolute: " + baseIri);
            }
        } catch (IRIException e) {
            throw new IllegalArgumentException("invalid MEX base IRI '" + baseIri + "': " + e.getMessage(), e);
        }
        return b;
    }

    Model build(Graph graph, Map<String, Shape> shapes) {
        model = ModelFactory.createDefaultModel();
        String id = GraphId.of(graph);
        exp = base + "experiment/" + id;
        prefixes(id);
        addVocabulary();

        String name = graph.name() != null && !graph.name().isBlank() ? graph.name() : fallbackName;
        Resource experiment = model.createResource(exp)
                .addProperty(RDF.type, Core.Experiment)
                .addProperty(RDFS.label, name)
                .addProperty(DCTerms.title, name)
                .addProperty(DCTerms.identifier, id)
                .addProperty(Prov.wasAttributedTo, P2c.paper2code);
        Resource config = node("config")
                .addProperty(RDF.type, Core.ExperimentConfiguration)
                .addProperty(RDFS.label, "Experiment configuration: " + name)
                .addProperty(DCTerms.identifier, id + "/config")
                .addProperty(Prov.wasStartedBy, experiment);
        algorithm = node("algorithm")
                .addProperty(RDF.type, Algo.Algorithm)
                .addProperty(RDF.type, Mls.Algorithm)
                .addProperty(RDFS.label, name)
                .addProperty(DCTerms.identifier, id + "/algorithm");
        Resource algorithmClass = node("algorithm-class")
                .addProperty(RDF.type, Algo.ArtificialNeuralNetwork)
                .addProperty(RDF.type, Algo.AlgorithmClass)
                .addProperty(RDFS.label, "Artificial Neural Network");
        algorithm.addProperty(Algo.hasAlgorithmClass, algorithmClass);
        collection = node("hyperparameters")
                .addProperty(RDF.type, Algo.HyperParameterCollection)
                .addProperty(RDFS.label, "Hyperparameters: " + name);
        algorithm.addProperty(Algo.hasHyperParameterCollection, collection);
        config.addProperty(Prov.used, algorithm).addProperty(Prov.used, collection);

        for (Resource origin : source(graph.source(), experiment)) {
            experiment.addProperty(Prov.wasDerivedFrom, origin);
            algorithm.addProperty(Prov.wasDerivedFrom, origin);
        }
        learningTask(graph);
        layers(graph, shapes);
        training(graph);
        tools(graph, config);
        return model;
    }

    private void prefixes(String id) {
        model.setNsPrefix("mexcore", Vocab.MEXCORE);
        model.setNsPrefix("mexalgo", Vocab.MEXALGO);
        model.setNsPrefix("mls", Vocab.MLS);
        model.setNsPrefix("prov", Vocab.PROV);
        model.setNsPrefix("dcterms", Vocab.DCTERMS);
        model.setNsPrefix("doap", Vocab.DOAP);
        model.setNsPrefix("p2c", Vocab.P2C);
        model.setNsPrefix("rdf", RDF.getURI());
        model.setNsPrefix("rdfs", RDFS.getURI());
        model.setNsPrefix("owl", OWL.getURI());
        model.setNsPrefix("xsd", XSD.getURI());
        model.setNsPrefix("exp", exp + "/");
        model.setNsPrefix("layer", exp + "/layer/");
        model.setNsPrefix("hp", exp + "/hp/");
        model.setNsPrefix("train", exp + "/training/");
        model.setNsPrefix("tool", exp + "/tool/");
        model.setNsPrefix("hpdef", base + "hyperparameter/");
    }

    /** The paper2code vocabulary travels with every record, so the file explains its own terms. */
    private void addVocabulary() {
        try (InputStream in = MexRecordBuilder.class.getResourceAsStream(Vocab.VOCAB_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + Vocab.VOCAB_RESOURCE);
            }
            Model vocab = ModelFactory.createDefaultModel();
            RDFParser.source(in).lang(Lang.TURTLE).parse(vocab);
            model.add(vocab);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + Vocab.VOCAB_RESOURCE, e);
        }
    }

    private Resource node(String path) {
        return model.createResource(exp + "/" + path);
    }

    // ---------------------------------------------------------------- provenance

    private List<Resource> source(GraphSource s, Resource experiment) {
        List<Resource> origins = new ArrayList<>();
        if (s == null) {
            return origins;
        }
        Resource paper = null;
        if (s.paper() != null) {
            paper = node("source-paper").addProperty(RDF.type, Prov.Entity)
                    .addProperty(RDFS.label, s.paper())
                    .addProperty(DCTerms.title, s.paper());
        }
        for (String[] part : new String[][] {{"figure", s.figure()}, {"table", s.table()}}) {
            if (part[1] != null) {
                Resource r = node("source-" + part[0]).addProperty(RDF.type, Prov.Entity)
                        .addProperty(RDFS.label, part[1].toLowerCase(Locale.ROOT).startsWith(part[0].substring(0, 3))
                                ? part[1] : part[0] + " " + part[1]);
                if (paper != null) {
                    r.addProperty(DCTerms.isPartOf, paper);
                }
                origins.add(r);
            }
        }
        if (origins.isEmpty() && paper != null) {
            origins.add(paper);
        }
        if (s.page() != null) {
            for (Resource r : origins) {
                r.addLiteral(P2c.page, integer(s.page()));
            }
        }
        if (s.diagramType() != null) {
            origins.forEach(r -> r.addProperty(P2c.diagramType, s.diagramType()));
        }
        if (s.configuration() != null) {
            experiment.addProperty(P2c.configuration, s.configuration());
        }
        if (s.confidence() != null) {
            experiment.addLiteral(P2c.confidence, doubleLiteral(s.confidence()));
        }
        return origins;
    }

    /** Softmax outputs or a cross-entropy loss mean supervised classification. */
    private void learningTask(Graph graph) {
        boolean classification = graph.layers().stream().anyMatch(l -> l.type().equals("Softmax")
                || (l.type().equals("Loss") && isClassificationLoss(LayerParams.of(l).getString("function"))));
        if (!classification && graph.training() != null) {
            classification = graph.training().text("loss").map(MexRecordBuilder::isClassificationLoss).orElse(false);
        }
        if (classification) {
            algorithm.addProperty(Algo.hasLearningMethod, node("learning-method")
                    .addProperty(RDF.type, Algo.Supervised).addProperty(RDF.type, Algo.LearningMethod)
                    .addProperty(RDFS.label, "Supervised learning"));
            algorithm.addProperty(Algo.hasLearningProblem, node("learning-problem")
                    .addProperty(RDF.type, Algo.Classification).addProperty(RDF.type, Algo.LearningProblem)
                    .addProperty(RDFS.label, "Classification"));
        }
    }

    private static boolean isClassificationLoss(String loss) {
        String l = loss == null ? "" : loss.toLowerCase(Locale.ROOT);
        return l.contains("cross_entropy") || l.contains("crossentropy") || l.contains("softmax") || l.contains("nll");
    }

    // ---------------------------------------------------------------- architecture

    private void layers(Graph graph, Map<String, Shape> shapes) {
        Map<String, Resource> nodes = new LinkedHashMap<>();
        List<Layer> ordered = Topology.order(graph);
        for (int i = 0; i < ordered.size(); i++) {
            Layer l = ordered.get(i);
            Resource r = node("layer/" + IriSegment.encode(l.name()))
                    .addProperty(RDF.type, P2c.Layer)
                    .addProperty(RDFS.label, l.name())
                    .addProperty(DCTerms.identifier, l.name())
                    .addProperty(P2c.layerType, l.type())
                    .addLiteral(P2c.layerIndex, integer(i))
                    .addLiteral(P2c.inputCount, integer(l.from().size()));
            Shape shape = shapes.get(l.name());
            if (shape != null) {
                r.addProperty(P2c.outputShape, shape.toString());
            }
            algorithm.addProperty(P2c.hasLayer, r);
            nodes.put(l.name(), r);
        }
        for (Layer l : ordered) {
            Resource r = nodes.get(l.name());
            for (String from : l.from()) {
                Resource input = nodes.get(from);
                if (input != null) {
                    r.addProperty(P2c.fromLayer, input);
                }
            }
            layerParameters(l, r);
        }
    }

    private void layerParameters(Layer l, Resource layerNode) {
        String prefix = "hp/" + IriSegment.encode(l.name()) + ".";
        LayerSpec spec = catalogue.spec(l.type()).orElse(null);
        LayerParams params = new LayerParams(l, catalogue);
        setting(layerNode, prefix + "layer_type", l.name() + ".layer_type", l.type(), "layer_type",
                "the layer type from the paper2code layer catalogue", l.type(), true);
        setting(layerNode, prefix + "from_layers", l.name() + ".from_layers", l.type(), "from_layers",
                "the layer's inputs in order, as a JSON list of layer names", jsonText(l.from()), true);
        List<String> names = new ArrayList<>();
        if (spec != null) {
            names.addAll(spec.params().keySet());
        }
        l.params().keySet().stream().filter(k -> !names.contains(k)).forEach(names::add);
        for (String p : names) {
            Object value = params.get(p);
            if (value == null) {
                continue;
            }
            Optional<ParamSpec> ps = catalogue.param(l.type(), p);
            setting(layerNode, prefix + IriSegment.encode(p), l.name() + "." + p, l.type(), p,
                    ps.map(ParamSpec::description).orElse(""), typed(value, ps.map(ParamSpec::type).orElse(null)),
                    params.isSet(p));
        }
    }

    // ---------------------------------------------------------------- training

    private void training(Graph graph) {
        if (graph.training() == null) {
            return;
        }
        trainingValues(graph.training().values(), "training/", "training");
    }

    private void trainingValues(Map<String, Object> values, String path, String label) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String p = path + IriSegment.encode(e.getKey());
            String l = label + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) nested;
                trainingValues(inner, p + ".", l);
            } else if (e.getValue() != null) {
                setting(null, p, l, null, l.substring("training.".length()), "", e.getValue(), true);
            }
        }
    }

    // ---------------------------------------------------------------- one hyperparameter

    /**
     * One value-carrying hyperparameter: a mexalgo:HyperParameter (MEX gives it its value with
     * prov:value) that is also an mls:HyperParameterSetting (value via mls:hasValue), specified
     * by the mls:HyperParameter shared by every layer of that type.
     */
    private void setting(Resource layerNode, String path, String label, String layerType, String param,
                         String description, Object value, boolean explicit) {
        Literal literal = literal(value);
        String defPath = "hyperparameter/" + (layerType == null
                ? "training." + path.substring("training/".length())
                : IriSegment.encode(layerType) + "." + IriSegment.encode(param));
        Resource definition = model.createResource(base + defPath)
                .addProperty(RDF.type, Mls.HyperParameter)
                .addProperty(RDFS.label, (layerType == null ? "training" : layerType) + "." + param)
                .addProperty(DCTerms.identifier, (layerType == null ? "training" : layerType) + "." + param);
        if (description != null && !description.isBlank()) {
            definition.addProperty(DCTerms.description, description);
        }
        Resource hp = node(path)
                .addProperty(RDF.type, Algo.HyperParameter)
                .addProperty(RDF.type, Mls.HyperParameterSetting)
                .addProperty(RDFS.label, label)
                .addProperty(DCTerms.identifier, label)
                .addProperty(Prov.value, literal)
                .addProperty(Mls.hasValue, literal)
                .addProperty(Mls.specifiedBy, definition)
                .addLiteral(P2c.setExplicitly, model.createTypedLiteral(String.valueOf(explicit), XSDDatatype.XSDboolean));
        collection.addProperty(Prov.hadMember, hp);
        algorithm.addProperty(Algo.hasHyperParameter, hp);
        if (layerNode != null) {
            layerNode.addProperty(Prov.hadMember, hp);
        }
    }

    // ---------------------------------------------------------------- tools

    private void tools(Graph graph, Resource config) {
        for (ToolTarget t : ToolTarget.ALL) {
            Resource tool = model.createResource(t.tool().getURI());
            config.addProperty(Prov.used, tool);
            String path = "tool/" + t.key() + ".";
            Resource params = node(path + "parameters")
                    .addProperty(RDF.type, Algo.ToolParameterCollection)
                    .addProperty(RDFS.label, tool.getProperty(RDFS.label).getString() + " parameters");
            tool.addProperty(P2c.hasToolParameterCollection, params);
            config.addProperty(Prov.used, params);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("convert_target", t.target());
            values.put("language", t.language());
            values.put("framework_api", t.frameworkApi());
            generatedFile.apply(t).ifPresent(f -> values.put("generated_file", f));
            for (Map.Entry<String, String> e : values.entrySet()) {
                Resource p = node(path + IriSegment.encode(e.getKey()))
                        .addProperty(RDF.type, Algo.ToolParameter)
                        .addProperty(RDFS.label, e.getKey())
                        .addProperty(DCTerms.identifier, t.key() + "." + e.getKey())
                        .addProperty(Prov.value, e.getValue());
                params.addProperty(Prov.hadMember, p);
            }
        }
    }

    // ---------------------------------------------------------------- literals

    /** Values as the catalogue types them: an int parameter is an integer even when a default came as 1.0. */
    private static Object typed(Object v, ParamType type) {
        if (type == ParamType.INT && v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e15) {
            return n.longValue();
        }
        if (type == ParamType.FLOAT && v instanceof Number n) {
            return n.doubleValue();
        }
        return v;
    }

    private Literal literal(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
            return model.createTypedLiteral(v.toString(), XSDDatatype.XSDinteger);
        }
        if (v instanceof Number n) {
            return doubleLiteral(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return model.createTypedLiteral(b.toString(), XSDDatatype.XSDboolean);
        }
        if (v instanceof String s) {
            return model.createLiteral(s);
        }
        return model.createLiteral(jsonText(v));
    }

    private Literal integer(long v) {
        return model.createTypedLiteral(Long.toString(v), XSDDatatype.XSDinteger);
    }

    private Literal doubleLiteral(double d) {
        String lexical = Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "INF" : "-INF") : Double.toString(d);
        return model.createTypedLiteral(lexical, XSDDatatype.XSDdouble);
    }

    private static String jsonText(Object v) {
        try {
            return GraphJson.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(v);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(v);
        }
    }
}
