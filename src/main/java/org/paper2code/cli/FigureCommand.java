package org.paper2code.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.paper2code.detect.DetectionResult;
import org.paper2code.detect.FigureParser;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Formats;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.GraphJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code figure IMAGE -o DIR [--style S]}: an architecture figure to graph.json, overlay.png, code and MEX. */
@Command(name = "figure", mixinStandardHelpOptions = true,
        description = {"Parses an architecture figure into a graph and writes DIR/graph.json, DIR/overlay.png,",
                "DIR/detection.json (confidences, repairs), the Keras, Caffe and PyTorch code and DIR/mex.ttl."})
public final class FigureCommand implements Callable<Integer> {
    private static final List<String> CODE_TARGETS = List.of("keras", "caffe", "pytorch");

    @Parameters(index = "0", paramLabel = "IMAGE", description = "figure image (any format OpenCV or ImageIO decodes)")
    Path image;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output folder")
    Path output;

    @Option(names = "--style", paramLabel = "STYLE", description = "diagram style: ${COMPLETION-CANDIDATES}; classified when absent",
            converter = StyleConverter.class, completionCandidates = StyleConverter.Candidates.class)
    DiagramStyle style;

    @Option(names = "--base-iri", paramLabel = "IRI", description = "namespace for MEX resources (default ${DEFAULT-VALUE})")
    String baseIri = EmitOptions.DEFAULT_BASE_IRI;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (style == null) {
            try {
                style = org.paper2code.classify.StyleClassifier.standard().classify(image);
            } catch (IOException e) {
                err.println("paper2code figure: " + e.getMessage());
                return Main.USAGE;
            }
            err.println("paper2code figure: classified as " + style.id() + " (override with --style)");
            if (!style.isArchitecture()) {
                err.println("paper2code figure: not an architecture figure; give --style to parse it anyway");
                return Main.SOME_FAILED;
            }
        }
        DetectionResult r;
        try {
            r = new FigureParser().parse(image, style);
        } catch (IOException e) {
            err.println("paper2code figure: " + e.getMessage());
            return Main.USAGE;
        }
        OutputFolder folder = new OutputFolder(output);
        List<String> written = new ArrayList<>();
        written.add(folder.write("graph.json", GraphJson.write(r.graph())).toString());
        MatOfByte png = new MatOfByte();
        Imgcodecs.imencode(".png", r.overlay(), png);
        written.add(folder.write("overlay.png", png.toArray()).toString());
        written.add(folder.write("detection.json", report(r)).toString());
        int failed = 0;
        if (r.empty()) {
            err.println("paper2code figure: empty graph: " + r.reason());
        } else {
            for (String target : CODE_TARGETS) {
                try {
                    for (Artifact a : Formats.emitter(target, new EmitOptions(baseIri, null)).emit(r.graph())) {
                        written.add(folder.write(a.fileName(), a.content()).toString());
                    }
                } catch (RuntimeException e) {
                    failed++;
                    err.println("paper2code figure: " + target + ": " + e.getMessage());
                }
            }
            try {
                Artifact mex = Formats.emitter("mex", new EmitOptions(baseIri, null)).emit(r.graph()).get(0);
                written.add(folder.write("mex.ttl", mex.content()).toString());
            } catch (RuntimeException e) {
                failed++;
                err.println("paper2code figure: mex: " + e.getMessage());
            }
        }
        written.forEach(w -> err.println("wrote " + w));
        return failed == 0 ? Main.OK : Main.SOME_FAILED;
    }

    private static String report(DetectionResult r) throws IOException {
        ObjectNode root = GraphJson.MAPPER.createObjectNode();
        root.put("style", r.style().id());
        root.put("layers", r.graph().layers().size());
        if (r.reason() != null) {
            root.put("reason", r.reason());
        }
        ObjectNode lc = root.putObject("layer_confidence");
        r.layerConfidence().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> lc.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        ObjectNode ec = root.putObject("edge_confidence");
        r.edgeConfidence().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> ec.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        r.repairs().forEach(root.putArray("repairs")::add);
        r.problems().forEach(root.putArray("problems")::add);
        return GraphJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** Style ids as picocli option values. */
    static final class StyleConverter implements picocli.CommandLine.ITypeConverter<DiagramStyle> {
        @Override
        public DiagramStyle convert(String value) {
            return DiagramStyle.fromId(value);
        }

        static final class Candidates extends ArrayList<String> {
            Candidates() {
                super(DiagramStyle.ids());
            }
        }
    }
}
