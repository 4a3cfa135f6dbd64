package org.paper2code.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paper2code.graph.GraphJson;
import org.paper2code.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report OUT}: (re)writes the HTML report of an extract output folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"(Re)writes the static HTML report of an extract output folder: OUT/index.html and",
                "OUT/<paper>/report.html (figures beside their detection overlays, styles, graphs drawn by",
                "Graphviz, highlighted code, hyperparameters with their evidence, tables, errors).",
                "Exit 1 when some paper or graph could not be shown (each named on stderr)."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "output folder of paper2code extract")
    Path out;

    @Option(names = "--json", description = "print {\"index\", \"papers\", \"graphs\", \"problems\"} instead of text")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(out)) {
            err.println("paper2code report: " + out + ": not a folder (give the output folder of paper2code extract)");
            return Main.USAGE;
        }
        ReportWriter writer = new ReportWriter();
        if (!writer.canDraw()) {
            err.println("paper2code report: Graphviz's dot is not on the PATH: graphs are not drawn (apt-get install graphviz)");
        }
        ReportWriter.Result r = writer.write(out);
        r.problems().forEach(p -> err.println("paper2code report: " + p));
        if (json) {
            ObjectNode o = GraphJson.MAPPER.createObjectNode().put("index", r.index().toString())
                    .put("papers", r.papers()).put("graphs", r.graphs());
            var problems = o.putArray("problems");
            r.problems().forEach(problems::add);
            stdout.println(GraphJson.MAPPER.writeValueAsString(o));
        } else {
            stdout.println("wrote " + r.index() + " (" + r.papers() + " paper pages, " + r.graphs() + " graph drawings)");
        }
        stdout.flush();
        return r.problems().isEmpty() ? Main.OK : Main.SOME_FAILED;
    }
}
