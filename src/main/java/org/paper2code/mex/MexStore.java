package org.paper2code.mex;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * The MEX dataset of extract runs in an embedded Jena TDB2 store: one named graph per paper
 * ({@value #GRAPH_PREFIX}&lt;paper-id&gt;), re-loading a paper replaces its graph, and queries
 * see the union of all papers' graphs as their default graph (TDB2 unionDefaultGraph), so a
 * query needs no GRAPH clause (it may still use one to name the paper).
 */
public final class MexStore implements AutoCloseable {
    public static final String GRAPH_PREFIX = "urn:paper2code:paper:";
    private static final Pattern PAPER_ID = Pattern.compile("[a-z0-9_-][a-z0-9._-]{0,79}");

    private final Dataset dataset;

    private MexStore(Dataset dataset) {
        this.dataset = dataset;
    }

    /** Opens (creating when absent) the store in a folder. One process at a time may use a store. */
    public static MexStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new MexStore(TDB2Factory.connectDataset(dir.toAbsolutePath().toString()));
    }

    /**
     * What a load did.
     * @param papers  named graphs replaced (one per paper)
     * @param quads   quads added
     * @param skipped statements outside a named graph, not loaded (a MEX dataset has none)
     * @param source  the file(s) read: OUT/mex-dataset.nq or OUT/&lt;id&gt;/mex.ttl
     */
    public record LoadResult(int papers, long quads, long skipped, String source) {
    }

    /**
     * Loads a run folder: OUT/mex-dataset.nq when present, else every OUT/&lt;id&gt;/mex.ttl as
     * graph {@value #GRAPH_PREFIX}&lt;id&gt;. All of it in one transaction: a file that does not
     * parse changes nothing.
     * @throws IOException when there is nothing to load or a file does not parse (naming it)
     */
    public LoadResult load(Path out) throws IOException {
        Path nq = out.resolve("mex-dataset.nq");
        if (Files.isRegularFile(nq)) {
            return write(() -> loadQuads(nq));
        }
        List<Path> turtle = new ArrayList<>();
        if (Files.isDirectory(out)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
                for (Path p : ds) {
                    if (PAPER_ID.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p.resolve("mex.ttl"))) {
                        turtle.add(p.resolve("mex.ttl"));
                    }
                }
            }
        }
        if (turtle.isEmpty()) {
            throw new IOException(out + ": neither mex-dataset.nq nor any <paper-id>/mex.ttl to load");
        }
        turtle.sort(null);
        return write(() -> loadTurtle(turtle, out));
    }

    private interface Load {
        LoadResult run() throws IOException;
    }

    private LoadResult write(Load load) throws IOException {
        dataset.begin(org.apache.jena.query.ReadWrite.WRITE);
        try {
            LoadResult r = load.run();
            dataset.commit();
            return r;
        } catch (IOException | RuntimeException e) {
            dataset.abort();
            throw e;
        } finally {
            dataset.end();
        }
    }

    /** Streams the N-Quads: a graph is emptied the first time one of its quads arrives, then filled. */
    private LoadResult loadQuads(Path nq) throws IOException {
        DatasetGraph dsg = dataset.asDatasetGraph();
        Set<Node> replaced = new HashSet<>();
        long[] counts = new long[2];
        try {
            RDFParser.source(nq).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                    if (q.isDefaultGraph()) {
                        counts[1]++;
                        return;
                    }
                    if (replaced.add(q.getGraph())) {
                        dsg.deleteAny(q.getGraph(), Node.ANY, Node.ANY, Node.ANY);
                    }
                    dsg.add(q);
                    counts[0]++;
                }

                @Override
                public void triple(Triple t) {
                    counts[1]++;
                }
            });
        } catch (RiotException e) {
            throw new IOException(nq + ": not valid N-Quads: " + e.getMessage(), e);
        }
        return new LoadResult(replaced.size(), counts[0], counts[1], nq.toString());
    }

    private LoadResult loadTurtle(List<Path> files, Path out) throws IOException {
        DatasetGraph dsg = dataset.asDatasetGraph();
        long quads = 0;
        for (Path ttl : files) {
            Node g = NodeFactory.createURI(GRAPH_PREFIX + ttl.getParent().getFileName());
            dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            long[] n = new long[1];
            try {
                RDFParser.source(ttl).lang(Lang.TURTLE).parse(new StreamRDFBase() {
                    @Override
                    public void triple(Triple t) {
                        dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
                        n[0]++;
                    }
                });
            } catch (RiotException e) {
                throw new IOException(ttl + ": not valid Turtle: " + e.getMessage(), e);
            }
            quads += n[0];
        }
        return new LoadResult(files.size(), quads, 0, out.resolve("*/mex.ttl").toString());
    }

    /** The papers in the store (their graph IRIs), sorted. */
    public List<String> papers() {
        return dataset.calculateRead(() -> {
            List<String> names = new ArrayList<>();
            dataset.asDatasetGraph().listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
            names.sort(null);
            return names;
        });
    }

    /** Parses a SPARQL query. @throws IllegalArgumentException with the parser's message */
    public static Query parse(String sparql) {
        try {
            return QueryFactory.create(sparql);
        } catch (org.apache.jena.query.QueryException e) {
            throw new IllegalArgumentException("the SPARQL query does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a query over the union of the papers' graphs and writes its result: SELECT as a text
     * table or SPARQL 1.1 JSON results, ASK as yes/no or JSON, CONSTRUCT/DESCRIBE as Turtle or JSON-LD.
     */
    public void query(Query query, boolean json, OutputStream out) {
        dataset.executeRead(() -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).set(TDB2.symUnionDefaultGraph, true).build()) {
                if (query.isSelectType()) {
                    if (json) {
                        ResultSetFormatter.outputAsJSON(out, qe.execSelect());
                    } else {
                        ResultSetFormatter.out(out, qe.execSelect(), query.getPrefixMapping());
                    }
                } else if (query.isAskType()) {
                    boolean b = qe.execAsk();
                    if (json) {
                        ResultSetFormatter.outputAsJSON(out, b);
                    } else {
                        print(out, b ? "yes\n" : "no\n");
                    }
                } else if (query.isConstructType() || query.isDescribeType()) {
                    var model = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                    RDFDataMgr.write(out, model, json ? RDFFormat.JSONLD11 : RDFFormat.TURTLE_PRETTY);
                } else {
                    throw new IllegalArgumentException("unsupported query type: " + query.queryType());
                }
            }
        });
    }

    /** The SELECT result as rows of variable to plain value (lexical form or IRI), for callers and tests. */
    public List<java.util.Map<String, String>> select(String sparql) {
        Query query = parse(sparql);
        return dataset.calculateRead(() -> {
            List<java.util.Map<String, String>> rows = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).set(TDB2.symUnionDefaultGraph, true).build()) {
                qe.execSelect().forEachRemaining(s -> {
                    java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
                    s.varNames().forEachRemaining(v -> {
                        var n = s.get(v);
                        row.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                    });
                    rows.add(row);
                });
            }
            return rows;
        });
    }

    private static void print(OutputStream out, String s) {
        try {
            out.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Releases the store so another process (e.g. Fuseki) can open it. */
    @Override
    public void close() {
        dataset.close();
        org.apache.jena.tdb2.sys.TDBInternal.expel(dataset.asDatasetGraph());
    }
}
