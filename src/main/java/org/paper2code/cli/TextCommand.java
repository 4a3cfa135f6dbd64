package org.paper2code.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paper2code.text.MinedHyperparameters;
import org.paper2code.text.TrainingMiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code text PAPER.pdf|TEXT.txt... [--json]}: the training hyperparameters, datasets and metrics a paper's text states. */
@Command(name = "text", mixinStandardHelpOptions = true,
        description = {"Mines training hyperparameters (learning rate and schedule, batch size, epochs, optimizer",
                "and its parameters, weight decay, dropout, ...), datasets and reported metrics from a paper.",
                "A .pdf is read page by page; any other file is UTF-8 text whose pages are separated by form feeds.",
                "With --json one object per file (several files: a JSON array, each object with \"file\").",
                "Exit 0 when every file was read, 1 when some failed (they are named), 2 for usage errors.",
                "Loading the language models takes about 2-5 s and 100 MB of heap, once per process."})
public final class TextCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(arity = "1..*", paramLabel = "PAPER", description = "paper PDFs or text files")
    List<Path> inputs;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingMiner miner = null;
        ArrayNode all = JSON.createArrayNode();
        int failed = 0;
        for (Path in : inputs) {
            try {
                if (!Files.isRegularFile(in)) {
                    throw new java.io.IOException("no such file");
                }
                if (miner == null) {
                    miner = new TrainingMiner();
                }
                MinedHyperparameters mined = miner.mine(in);
                if (json) {
                    ObjectNode o = mined.toJson();
                    if (inputs.size() > 1) {
                        ObjectNode withFile = JSON.createObjectNode();
                        withFile.put("file", in.toString());
                        withFile.setAll(o);
                        o = withFile;
                    }
                    all.add(o);
                } else {
                    table(out, in, mined);
                }
            } catch (Exception e) {
                failed++;
                err.println("paper2code text: " + in + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                if (json && inputs.size() > 1) {
                    ObjectNode o = all.addObject();
                    o.put("file", in.toString());
                    o.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
                }
            }
        }
        if (json && !all.isEmpty()) {
            out.println(JSON.writeValueAsString(inputs.size() > 1 ? all : all.get(0)));
        }
        out.flush();
        return failed == 0 ? Main.OK : Main.SOME_FAILED;
    }

    private static void table(PrintWriter out, Path in, MinedHyperparameters mined) {
        out.println(in);
        for (Map.Entry<String, MinedHyperparameters.Mined> e : mined.hyperparameters().entrySet()) {
            MinedHyperparameters.Mined m = e.getValue();
            out.printf("  %-16s %-40s p.%d%s%n", e.getKey(), m.value(), m.chosen().page(),
                    m.ambiguous() ? "  (ambiguous: " + m.alternatives().size() + " other value(s))" : "");
        }
        if (!mined.datasets().isEmpty()) {
            out.println("  datasets: " + String.join(", ", mined.datasets().stream().map(MinedHyperparameters.Dataset::name).toList()));
        }
        for (MinedHyperparameters.Metric m : mined.metrics()) {
            out.printf("  metric %-16s %s%s p.%d%n", m.metric(), m.value(), m.percent() ? "%" : "", m.page());
        }
    }
}
