package org.paper2code.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.paper2code.graph.GraphJson;
import org.paper2code.mex.MexStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mex load OUT --store DIR} and {@code mex query --store DIR 'SPARQL'}: the MEX dataset in an embedded TDB2 store. */
@Command(name = "mex", mixinStandardHelpOptions = true,
        description = {"The MEX dataset of extract runs in an embedded Apache Jena TDB2 store (one named graph per",
                "paper, urn:paper2code:paper:<id>; queries see the union of all papers)."},
        subcommands = {MexCommand.Load.class, MexCommand.QueryCmd.class})
public final class MexCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: load or query");
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Loads OUT/mex-dataset.nq (or, without it, every OUT/<id>/mex.ttl) into the store;",
                    "a paper loaded again replaces its named graph."})
    static final class Load implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OUT", description = "output folder of paper2code extract")
        Path out;

        @Option(names = "--store", required = true, paramLabel = "DIR", description = "TDB2 store folder (created when absent)")
        Path store;

        @Option(names = "--json", description = "print {\"papers\", \"quads\", \"skipped\", \"source\", \"millis\", \"papers_in_store\"}")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(out)) {
                err.println("paper2code mex load: " + out + ": not a folder");
                return Main.USAGE;
            }
            long t0 = System.nanoTime();
            try (MexStore s = MexStore.open(store)) {
                MexStore.LoadResult r;
                try {
                    r = s.load(out);
                } catch (IOException e) {
                    err.println("paper2code mex load: " + e.getMessage());
                    return Main.USAGE;
                }
                long millis = (System.nanoTime() - t0) / 1_000_000;
                int total = s.papers().size();
                if (r.skipped() > 0) {
                    err.println("paper2code mex load: " + r.skipped() + " statements outside a named graph were not loaded");
                }
                if (json) {
                    stdout.println(GraphJson.MAPPER.writeValueAsString(GraphJson.MAPPER.createObjectNode()
                            .put("papers", r.papers()).put("quads", r.quads()).put("skipped", r.skipped())
                            .put("source", r.source()).put("millis", millis).put("papers_in_store", total)));
                } else {
                    stdout.printf("loaded %d papers (%d quads) from %s into %s in %.1f s; the store holds %d papers%n",
                            r.papers(), r.quads(), r.source(), store, millis / 1000.0, total);
                }
                stdout.flush();
                return Main.OK;
            }
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = {"Runs a SPARQL query over the store (default graph = union of all papers' graphs;",
                    "GRAPH ?paper { ... } names the paper). SELECT prints a table, ASK yes/no,",
                    "CONSTRUCT/DESCRIBE Turtle; --json: SPARQL 1.1 JSON results (JSON-LD for graphs)."})
    static final class QueryCmd implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "SPARQL", description = "the query text (or give --file)")
        String text;

        @Option(names = "--file", paramLabel = "Q.rq", description = "read the query from a file")
        Path file;

        @Option(names = "--store", required = true, paramLabel = "DIR", description = "TDB2 store folder written by mex load")
        Path store;

        @Option(names = "--json", description = "SPARQL 1.1 Query Results JSON")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if ((text == null) == (file == null)) {
                err.println("paper2code mex query: give the query either as an argument or with --file");
                return Main.USAGE;
            }
            String sparql;
            try {
                sparql = text != null ? text : Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("paper2code mex query: cannot read " + file + ": " + e.getMessage());
                return Main.USAGE;
            }
            if (!Files.isDirectory(store)) {
                err.println("paper2code mex query: " + store + ": no such store (run paper2code mex load first)");
                return Main.USAGE;
            }
            Query query;
            try {
                query = MexStore.parse(sparql);
            } catch (IllegalArgumentException e) {
                err.println("paper2code mex query: " + e.getMessage());
                return Main.USAGE;
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (MexStore s = MexStore.open(store)) {
                s.query(query, json, buf);
            } catch (RuntimeException e) {
                err.println("paper2code mex query: the query failed: " + e.getMessage());
                return Main.SOME_FAILED;
            }
            stdout.print(buf.toString(StandardCharsets.UTF_8));
            stdout.flush();
            return Main.OK;
        }
    }
}
