package org.paper2code.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paper2code.classify.Classification;
import org.paper2code.classify.StyleClassifier;
import org.paper2code.classify.UnreadableImageException;
import org.paper2code.eval.DiagramStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code classify FIGURE... [--json] [--model FILE]}: the diagram style of each figure image. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Prints each figure's diagram style (neurons, 2d-box, stacked-2d-box, 3d-box, pipeline, other)",
                "and the model's confidence: FILE<TAB>LABEL<TAB>P. With --json: an array of",
                "{\"file\", \"label\", \"probabilities\": {label: p}, \"millis\": {...}}.",
                "Unreadable images are named on stderr and skipped; the exit code is then 1."})
public final class ClassifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FIGURE", description = "PNG/JPEG (or other ImageIO-readable) figure images")
    List<Path> figures;

    @Option(names = "--json", description = "print a JSON array instead of one line per figure")
    boolean json;

    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: models/classifier/style-model.xml.gz)")
    Path model;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StyleClassifier classifier;
        try {
            classifier = model == null ? StyleClassifier.standard() : StyleClassifier.load(model);
        } catch (IOException e) {
            err.println("paper2code classify: " + e.getMessage());
            return Main.USAGE;
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        int failed = 0;
        for (Path f : figures) {
            Classification c;
            try {
                c = classifier.analyse(f);
            } catch (UnreadableImageException e) {
                err.println("paper2code classify: " + e.getMessage()); // the message names the file
                failed++;
                continue;
            } catch (IOException | RuntimeException e) {
                err.println("paper2code classify: " + f + ": " + e.getMessage());
                failed++;
                continue;
            }
            if (json) {
                ObjectNode o = array.addObject();
                o.put("file", f.toString());
                o.put("label", c.label().id());
                ObjectNode p = o.putObject("probabilities");
                for (DiagramStyle s : DiagramStyle.values()) {
                    p.put(s.id(), Math.round(c.probabilities().get(s) * 10000) / 10000.0);
                }
                ObjectNode ms = o.putObject("millis");
                ms.put("decode", round(c.decodeMillis()));
                ms.put("features", round(c.featureMillis()));
                ms.put("model", round(c.modelMillis()));
            } else {
                out.println(String.format(Locale.ROOT, "%s\t%s\t%.2f", f, c.label().id(), c.confidence()));
            }
        }
        if (json) {
            out.println(mapper.writeValueAsString(array));
        }
        out.flush();
        return failed == 0 ? Main.OK : Main.SOME_FAILED;
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
