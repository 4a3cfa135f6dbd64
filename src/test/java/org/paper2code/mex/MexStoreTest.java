package org.paper2code.mex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.CliRunner;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Formats;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.Training;

/**
 * The MEX store over real emitted MEX: real architectures (the bundled AlexNet, ResNet-50,
 * CIFAR-10 and LeNet-5 definitions and the hand-annotated VGG-16 figure graph) with the training
 * hyperparameters annotated from their papers, plus an attention block trained as BERT states
 * ("We use Adam with learning rate of 1e-4, β1 = 0.9, β2 = 0.999, L2 weight decay of 0.01").
 * The three README queries (src/docs/mex-queries) must give the known answers.
 */
class MexStoreTest {
    static final Path QUERIES = Path.of("src/docs/mex-queries");
    private static Path run;
    /** A store loaded once from the run (tests that change a store load their own). */
    private static Path loaded;
    private static MexStore.LoadResult loadResult;

    @BeforeAll
    static void buildRun(@TempDir Path tmp) throws Exception {
        run = tmp.resolve("out");
        Map<String, Graph> papers = papers();
        for (Map.Entry<String, Graph> e : papers.entrySet()) {
            writeTurtle(run, e.getKey(), e.getValue());
        }
        loaded = tmp.resolve("mex-store");
        try (MexStore s = MexStore.open(loaded)) {
            loadResult = s.load(run);
        }
    }

    static Map<String, Graph> papers() throws Exception {
        Map<String, Graph> papers = new LinkedHashMap<>();
        papers.put("alexnet_krizhevsky2012_nips", model("corpus/models/bvlc_alexnet_deploy.prototxt")
                .withTraining(truth("alexnet_krizhevsky2012_nips")));
        papers.put("resnet_he2015_arxiv1512.03385", model("corpus/models/resnet50_deploy.prototxt")
                .withTraining(truth("resnet_he2015_arxiv1512.03385")));
        JsonNode vgg = GraphJson.MAPPER.readTree(Files.readString(Path.of("eval/annotations/figures/alphatree_vgg16_3d.truth.json")));
        papers.put("vgg_simonyan2014_arxiv1409.1556", GraphJson.fromTree(((com.fasterxml.jackson.databind.node.ObjectNode) vgg.get("graph").deepCopy())
                .put("format", Graph.FORMAT)).withTraining(truth("vgg_simonyan2014_arxiv1409.1556")));
        papers.put("lenet5", model("corpus/models/lenet5.json"));
        papers.put("cifar10_quick", model("corpus/models/cifar10_quick.prototxt")
                .withTraining(new Training(Map.of("optimizer", "adam", "learning_rate", 0.001))));
        papers.put("bert_devlin2018_naacl", model("src/test/resources/graphs/attention_block.json")
                .withTraining(new Training(Map.of("optimizer", "adam", "learning_rate", 1e-4, "beta1", 0.9, "beta2", 0.999,
                        "weight_decay", 0.01))));
        return papers;
    }

    private static Graph model(String file) throws Exception {
        return Formats.read(Files.readString(Path.of(file)), Path.of(file).getFileName().toString());
    }

    /** The training block of a hand-annotated real paper (eval/annotations/papers). */
    private static Training truth(String paper) throws Exception {
        JsonNode t = GraphJson.MAPPER.readTree(Files.readString(Path.of("eval/annotations/papers/" + paper + ".truth.json")));
        Map<String, Object> values = new LinkedHashMap<>();
        t.get("hyperparameters").fields().forEachRemaining(e -> values.put(e.getKey(), GraphJson.toJava(e.getValue().get("value"))));
        return new Training(values);
    }

    static void writeTurtle(Path out, String id, Graph g) throws Exception {
        Files.createDirectories(out.resolve(id));
        Files.writeString(out.resolve(id).resolve("mex.ttl"), Formats.emitter("mex", EmitOptions.defaults()).emit(g).get(0).content());
    }

    static String query(String name) throws Exception {
        return Files.readString(QUERIES.resolve(name));
    }

    private static List<String> column(List<Map<String, String>> rows, String var) {
        return rows.stream().map(r -> r.get(var)).toList();
    }

    @Test
    void readmeQueriesGiveTheKnownAnswers() throws Exception {
        try (MexStore s = MexStore.open(loaded)) {
            assertEquals(6, loadResult.papers());
            assertEquals(6, s.papers().size());

            List<Map<String, String>> adam = s.select(query("adam-small-lr.rq"));
            assertEquals(List.of(MexStore.GRAPH_PREFIX + "bert_devlin2018_naacl"), column(adam, "paper"),
                    "Adam at 1e-4 only; CIFAR-10's 1e-3 is not below 1e-3, the SGD papers are out: " + adam);
            assertEquals("1.0E-4", adam.get(0).get("lr"));

            List<Map<String, String>> deep = s.select(query("deep-conv.rq"));
            assertEquals(List.of(MexStore.GRAPH_PREFIX + "resnet_he2015_arxiv1512.03385", MexStore.GRAPH_PREFIX + "vgg_simonyan2014_arxiv1409.1556"),
                    column(deep, "paper"), deep.toString());
            assertEquals(List.of("53", "13"), column(deep, "conv"), "ResNet-50 has 53 convolutions, VGG-16 13");

            List<Map<String, String>> types = s.select(query("layer-types.rq"));
            Map<String, String> conv = types.stream().filter(t -> t.get("type").equals("Conv2D")).findFirst().orElseThrow();
            assertEquals("5", conv.get("papers"), "all but the attention block convolve: " + types);
            assertEquals(String.valueOf(5 + 53 + 13 + 2 + 3), conv.get("layers"), types.toString());
        }
    }

    @Test
    void reloadingAPaperReplacesItsGraphAndNQuadsAreRead(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        try (MexStore s = MexStore.open(store)) {
            s.load(run);
        }
        // a later run: LeNet-5 retrained with Adam at 5e-4, delivered as N-Quads (named graph per paper)
        Path run2 = tmp.resolve("run2");
        Files.createDirectories(run2);
        Graph lenet = model("corpus/models/lenet5.json").withTraining(new Training(Map.of("optimizer", "adam", "learning_rate", 5e-4)));
        Dataset ds = DatasetFactory.create();
        ds.addNamedModel(MexStore.GRAPH_PREFIX + "lenet5", new MexEmitter(EmitOptions.defaults(), MexEmitter.Syntax.TURTLE).model(lenet));
        StringWriter nq = new StringWriter();
        RDFDataMgr.write(nq, ds, Lang.NQUADS);
        Files.writeString(run2.resolve("mex-dataset.nq"), nq.toString());
        try (MexStore s = MexStore.open(store)) {
            MexStore.LoadResult r = s.load(run2);
            assertEquals(1, r.papers());
            assertEquals(6, s.papers().size(), "the other papers stay");
            assertEquals(List.of(MexStore.GRAPH_PREFIX + "bert_devlin2018_naacl", MexStore.GRAPH_PREFIX + "lenet5"),
                    column(s.select(query("adam-small-lr.rq")), "paper"));
            List<Map<String, String>> optimizers = s.select("""
                    PREFIX dcterms: <http://purl.org/dc/terms/>
                    PREFIX prov: <http://www.w3.org/ns/prov#>
                    SELECT ?o WHERE { GRAPH <urn:paper2code:paper:lenet5> { ?h dcterms:identifier "training.optimizer" ; prov:value ?o } }""");
            assertEquals(List.of("adam"), column(optimizers, "o"), "the old SGD record of LeNet-5 is gone");
        }
    }

    @Test
    void cliLoadsAndQueries(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        CliRunner.Result load = CliRunner.run("mex", "load", run.toString(), "--store", store.toString(), "--json");
        assertEquals(0, load.exitCode(), load.err());
        assertEquals(6, GraphJson.MAPPER.readTree(load.out()).path("papers_in_store").asInt());

        CliRunner.Result table = CliRunner.run("mex", "query", "--store", store.toString(), "--file", QUERIES.resolve("deep-conv.rq").toString());
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("urn:paper2code:paper:resnet_he2015_arxiv1512.03385") && table.out().contains("| 53"), table.out());

        CliRunner.Result json = CliRunner.run("mex", "query", "--store", store.toString(), "--json", query("adam-small-lr.rq"));
        assertEquals(0, json.exitCode(), json.err());
        JsonNode bindings = GraphJson.MAPPER.readTree(json.out()).path("results").path("bindings");
        assertEquals(1, bindings.size());
        assertEquals("urn:paper2code:paper:bert_devlin2018_naacl", bindings.get(0).path("paper").path("value").asText());

        CliRunner.Result union = CliRunner.run("mex", "query", "--store", store.toString(),
                "ASK { ?l <https://w3id.org/paper2code/vocab#layerType> \"LSTM\" }");
        assertEquals("no\n", union.out(), "default graph = union of the papers; none has an LSTM");
        CliRunner.Result yes = CliRunner.run("mex", "query", "--store", store.toString(),
                "ASK { ?l <https://w3id.org/paper2code/vocab#layerType> \"MultiHeadAttention\" }");
        assertEquals("yes\n", yes.out(), yes.err());

        CliRunner.Result bad = CliRunner.run("mex", "query", "--store", store.toString(), "SELEKT * WHERE {}");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("does not parse"), bad.err());
        CliRunner.Result none = CliRunner.run("mex", "load", tmp.resolve("empty").toString(), "--store", store.toString());
        assertEquals(2, none.exitCode());
    }

    @Test
    void readmeShowsTheTestedQueries() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (String q : List.of("adam-small-lr.rq", "deep-conv.rq", "layer-types.rq")) {
            assertTrue(readme.contains(query(q).strip()), "README.md must show " + q + " as tested");
        }
    }

    /**
     * The dataset part of the README's Fuseki configuration, assembled by Jena's TDB2 assembler
     * (what Fuseki does with it): the union default graph answers a query without GRAPH.
     * Fuseki itself is not run here (its Jetty needs a servlet API other than CoreNLP's).
     */
    @Test
    void fusekiConfigurationOpensTheStoreWithTheUnionDefaultGraph() throws Exception {
        Path store = loaded;
        Path config = Path.of("src/docs/fuseki-paper2code.ttl");
        String text = Files.readString(config).replace("tdb2:location \"mex-store\"", "tdb2:location \"" + store.toAbsolutePath() + "\"");
        org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        org.apache.jena.riot.RDFParser.fromString(text, Lang.TURTLE).base("file:///config.ttl").parse(m);
        Dataset ds = DatasetFactory.assemble(m.getResource("file:///config.ttl#store"));
        try (var qe = org.apache.jena.query.QueryExecution.dataset(ds)
                .query("ASK { ?l <https://w3id.org/paper2code/vocab#layerType> \"MultiHeadAttention\" }").build()) {
            assertTrue(ds.calculateRead(qe::execAsk), "default graph = union of the papers' graphs");
        } finally {
            ds.close();
            org.apache.jena.tdb2.sys.TDBInternal.expel(ds.asDatasetGraph());
        }
        String readme = Files.readString(Path.of("README.md"));
        String body = String.join("\n", Files.readAllLines(config).stream().filter(l -> !l.startsWith("#")).toList()).strip();
        assertTrue(readme.contains(body), "README shows the checked configuration");
        assertTrue(readme.contains("fuseki-server --tdb2 --loc=mex-store /paper2code"));
    }
}
