package org.paper2code.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.paper2code.emit.ImportException;
import org.paper2code.emit.onnx.OnnxExporter;
import org.paper2code.emit.onnx.OnnxVerifier;
import org.paper2code.emit.onnx.UnsupportedOnnxLayerException;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify IN... [--json]}: runs each graph in ONNX Runtime and compares every layer's shape with ours. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Exports each graph (graph document, Caffe prototxt or Keras model JSON) to ONNX, runs it in",
                "ONNX Runtime on random input (batch 1, free input dimensions " + OnnxVerifier.FREE_DIM + "), and prints per layer",
                "our inferred shape next to ONNX Runtime's (batch dropped). Training-only layers are skipped.",
                "Exit 0 when every shape agrees, 1 when one disagrees or a model cannot be exported or run,",
                "2 when an input cannot be read or is not a valid graph."})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IN", description = "input files")
    List<Path> inputs;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        boolean inputError = false;
        boolean failed = false;
        for (Path in : inputs) {
            ObjectNode r = results.addObject().put("file", in.toString());
            Graph graph;
            try {
                graph = ConvertCommand.load(in);
            } catch (IOException | ImportException | GraphException e) {
                inputError = true;
                r.put("ok", false).put("error", ConvertCommand.message(e));
                err.println("paper2code verify: " + in + ": " + ConvertCommand.message(e));
                continue;
            }
            OnnxVerifier.Report rep;
            try {
                rep = new OnnxVerifier().verify(graph);
            } catch (UnsupportedOnnxLayerException e) {
                failed = true;
                r.put("ok", false).put("error", "cannot export to ONNX: " + e.getMessage());
                err.println("paper2code verify: " + in + ": cannot export to ONNX: " + Terminal.clean(e.getMessage()));
                continue;
            }
            failed |= !rep.ok();
            if (json) {
                put(r, rep);
            } else {
                print(out, in, rep);
            }
            if (rep.error() != null) {
                err.println("paper2code verify: " + in + ": " + Terminal.clean(rep.error()));
            }
        }
        if (json) {
            out.println(GraphJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        }
        out.flush();
        return inputError ? Main.USAGE : failed ? Main.SOME_FAILED : Main.OK;
    }

    private static void put(ObjectNode r, OnnxVerifier.Report rep) {
        r.put("ok", rep.ok()).put("opset", OnnxExporter.OPSET)
                .put("learned_parameters", rep.parameters().learned())
                .put("batchnorm_statistics", rep.parameters().statistics())
                .put("model_bytes", rep.modelBytes())
                .put("export_ms", rep.timings().exportMillis()).put("onnxruntime_ms", rep.timings().runtimeMillis());
        if (rep.error() != null) {
            r.put("error", rep.error());
        }
        ArrayNode layers = r.putArray("layers");
        for (OnnxVerifier.LayerCheck l : rep.layers()) {
            ObjectNode o = layers.addObject().put("layer", l.layer()).put("type", l.type()).put("status", l.status().name());
            ArrayNode ours = o.putArray("ours");
            l.ours().dims().forEach(ours::add);
            if (l.onnx() != null) {
                ArrayNode ort = o.putArray("onnxruntime");
                for (long d : l.onnx()) {
                    ort.add(d);
                }
            }
            if (l.note() != null) {
                o.put("note", l.note());
            }
        }
    }

    private static void print(PrintWriter out, Path in, OnnxVerifier.Report rep) {
        out.printf("%s: %d layers, ONNX opset %d, %,d learned parameters", Terminal.clean(in.toString()), rep.layers().size(),
                OnnxExporter.OPSET, rep.parameters().learned());
        if (rep.parameters().statistics() > 0) {
            out.printf(" (+ %,d batch-norm statistics)", rep.parameters().statistics());
        }
        out.println();
        int nameWidth = Math.min(40, Math.max(5, rep.layers().stream().mapToInt(l -> Terminal.clean(l.layer()).length()).max().orElse(5)));
        int typeWidth = Math.max(4, rep.layers().stream().mapToInt(l -> l.type().length()).max().orElse(4));
        String row = "  %-" + nameWidth + "s  %-" + typeWidth + "s  %-14s  %-14s  %s%n";
        out.printf(row, "layer", "type", "ours", "ONNX Runtime", "");
        int ok = 0;
        int skipped = 0;
        for (OnnxVerifier.LayerCheck l : rep.layers()) {
            String status = switch (l.status()) {
                case OK -> "OK";
                case MISMATCH -> "MISMATCH";
                case SKIPPED -> "skipped: " + l.note();
                case NOT_RUN -> "not run";
            };
            if (l.status() == OnnxVerifier.Status.MISMATCH && l.note() != null) {
                status += " (" + l.note() + ")";
            }
            ok += l.status() == OnnxVerifier.Status.OK ? 1 : 0;
            skipped += l.status() == OnnxVerifier.Status.SKIPPED ? 1 : 0;
            out.printf(row, Terminal.fit(l.layer(), nameWidth), l.type(), shape(l.ours()), l.onnxText(), Terminal.clean(status));
        }
        out.printf("  %s: %d of %d layers agree, %d skipped; export %d ms, ONNX Runtime %d ms%n%n",
                rep.ok() ? "OK" : "FAILED", ok, rep.layers().size() - skipped, skipped, rep.timings().exportMillis(),
                rep.timings().runtimeMillis());
    }

    private static String shape(Shape s) {
        return s.rank() == 0 ? "()" : s.toString();
    }

    /** Untrusted names are printed without control characters (no terminal escapes). */
    static final class Terminal {
        private Terminal() {
        }

        static String clean(String s) {
            StringBuilder b = new StringBuilder();
            s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
            return b.toString();
        }

        static String fit(String s, int width) {
            String c = clean(s);
            return c.length() <= width ? c : c.substring(0, width - 3) + "...";
        }
    }
}
