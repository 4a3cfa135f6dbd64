package org.paper2code.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paper2code.graph.GraphJson;
import org.paper2code.pdf.Paper;
import org.paper2code.pdf.PaperReader;
import org.paper2code.pdf.PdfException;
import org.paper2code.pdf.PdfOptions;
import org.paper2code.tables.ArchitectureTableParser;
import org.paper2code.tables.ConfigGraph;
import org.paper2code.tables.TableResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tables PAPER.pdf... -o DIR}: the architecture tables of papers as graphs, one per configuration. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {"Reads the tables of research paper PDFs and writes one graph-N.json per architecture configuration",
                "(VGG's A-E, ResNet's 18-152 layers, GoogLeNet's Inception rows) and tables.json (every table: architecture,",
                "hyperparameters or not an architecture, with the reason). Several PDFs: one subfolder per file."})
public final class TablesCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PAPER.pdf", description = "input PDFs")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "output folder (required unless --json)")
    Path output;

    @Option(names = "--json", description = "print tables.json to stdout (an array when there are several inputs)")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output == null && !json) {
            err.println("paper2code tables: an output folder (-o DIR) or --json is required");
            return Main.USAGE;
        }
        OutputFolder root = output == null ? null : new OutputFolder(output);
        // no crops needed: the parser reads the cells
        PdfOptions options = PdfOptions.defaults().withCropDpi(10);
        ArchitectureTableParser parser = new ArchitectureTableParser();
        Subfolders subfolders = new Subfolders();
        ArrayNode all = GraphJson.MAPPER.createArrayNode();
        int failed = 0;
        for (Path in : inputs) {
            try {
                Paper paper = new PaperReader().read(in, options);
                String paperName = in.getFileName().toString();
                ObjectNode doc = GraphJson.MAPPER.createObjectNode();
                doc.put("paper", paperName);
                ArrayNode tables = doc.putArray("tables");
                OutputFolder folder = null;
                if (root != null) {
                    String sub = subfolders.next(in);
                    folder = inputs.size() > 1 ? new OutputFolder(root.root().resolve(sub)) : root;
                }
                int n = 0;
                for (Paper.Table t : paper.tables()) {
                    ObjectNode row = tables.addObject();
                    row.put("label", t.label());
                    row.put("page", t.page());
                    TableResult r = parser.parse(t, paperName);
                    if (r instanceof TableResult.Architecture a) {
                        row.put("kind", "architecture");
                        ArrayNode configs = row.putArray("configurations");
                        for (ConfigGraph c : a.configurations()) {
                            n++;
                            ObjectNode cn = configs.addObject();
                            cn.put("configuration", c.configuration());
                            cn.put("layers", c.graph().layers().size());
                            cn.put("graph", "graph-" + n + ".json");
                            if (folder != null) {
                                folder.write("graph-" + n + ".json", GraphJson.write(c.graph()));
                            }
                        }
                    } else if (r instanceof TableResult.Hyperparameters h) {
                        row.put("kind", "hyperparameters");
                        ObjectNode values = row.putObject("values");
                        for (Map.Entry<String, String> e : h.values().entrySet()) {
                            values.put(e.getKey(), e.getValue());
                        }
                    } else if (r instanceof TableResult.NotArchitecture x) {
                        row.put("kind", "not-architecture");
                        row.put("reason", x.reason());
                    }
                }
                String text = GraphJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
                if (folder != null) {
                    folder.write("tables.json", text);
                    if (!json) {
                        err.println("wrote " + folder.root() + ": " + paper.tables().size() + " tables, " + n + " architecture graphs");
                    }
                }
                all.add(doc);
            } catch (PdfException e) {
                failed++;
                err.println("paper2code tables: " + e.getMessage());
            }
        }
        if (json) {
            out.println(GraphJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(inputs.size() > 1 ? all : all.isEmpty() ? all : all.get(0)));
            out.flush();
        }
        if (failed == 0) {
            return Main.OK;
        }
        return inputs.size() == 1 ? Main.USAGE : Main.SOME_FAILED;
    }
}
