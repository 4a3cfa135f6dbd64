package org.paper2code.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.paper2code.cli.OutputFolder;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Formats;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.Layer;
import org.paper2code.synth.FigureFactory;
import org.paper2code.synth.PaperFactory;

/**
 * One run folder shared by the report tests (built once per JVM): a synthetic paper through
 * the real stages, a failed paper and a hostile paper whose texts and file names try HTML,
 * script and path injection.
 */
final class ReportFixtures {
    static final String HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
    private static Path run;

    private ReportFixtures() {
    }

    static synchronized Path run() throws Exception {
        if (run != null) {
            return run;
        }
        Path dir = Files.createTempDirectory("p2c-report-run");
        Path pdfs = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        PaperFactory.Paper synth = new PaperFactory(new FigureFactory()).make("synth-paper", 0, 4246L, "report test");
        Path pdf = Files.write(pdfs.resolve("synth-paper.pdf"), synth.pdf());
        RunFixture fixture = new RunFixture(out, 2);
        fixture.paper("synth-paper", pdf);
        fixture.failed("broken", pdfs.resolve("broken.pdf"), "broken.pdf: not a PDF (no %PDF header)");
        hostile(out, fixture);
        fixture.finish();
        run = out;
        return out;
    }

    /** A paper.json with injection strings everywhere and a real graph (LeNet-5) whose layer is renamed. */
    private static void hostile(Path out, RunFixture fixture) throws IOException {
        OutputFolder f = new OutputFolder(out);
        Graph lenet = Formats.read(Files.readString(Path.of("corpus/models/lenet5.json")), "lenet5.json");
        java.util.List<Layer> layers = new java.util.ArrayList<>();
        for (Layer l : lenet.layers()) {
            String name = l.name().equals("C1") ? HOSTILE : l.name();
            java.util.List<String> from = l.from().stream().map(x -> x.equals("C1") ? HOSTILE : x).toList();
            layers.add(new Layer(l.type(), name, l.params(), from));
        }
        Graph g = lenet.withLayers(layers);
        f.write("hostile/graph-1.json", GraphJson.write(g));
        for (String[] t : new String[][] {{"keras", "keras-1.py"}, {"pytorch", "pytorch-1.py"}, {"caffe", "caffe-1.prototxt"}}) {
            Artifact a = Formats.emitter(t[0], EmitOptions.defaults()).emit(g).get(0);
            f.write("hostile/" + t[1], a.data());
        }
        f.write("hostile/figures/figure-1.png", Files.readAllBytes(Path.of("eval/reports/contact-sheet.png")));
        ObjectNode p = GraphJson.MAPPER.createObjectNode();
        p.put("format", "paper2code-paper-result/1").put("paper_id", "hostile").put("source", "in/" + HOSTILE + ".pdf")
                .put("sha256", "00").put("title", "Title " + HOSTILE).put("pages", 1).put("status", "done").putNull("error");
        ArrayNode figs = p.putArray("figures");
        figs.addObject().put("index", 1).put("label", "Figure 1 " + HOSTILE).put("caption", "Caption " + HOSTILE).put("page", 1)
                .put("image", "figures/figure-1.png").put("overlay", "../../../../etc/passwd").put("style", "2d-box")
                .put("confidence", 0.5).put("graph", 1).putNull("error");
        figs.addObject().put("index", 2).put("label", "Figure 2").put("caption", "x").put("page", 1)
                .put("image", "/etc/passwd").putNull("overlay").put("style", "other").put("confidence", 0.9).putNull("graph")
                .put("error", "javascript:alert(3)");
        ArrayNode tables = p.putArray("tables");
        ObjectNode t = tables.addObject().put("index", 1).put("label", "Table 1").put("caption", HOSTILE).put("page", 1);
        t.putArray("cells").addArray().add("layer").add(HOSTILE);
        t.putArray("graphs").addObject().put("graph", 1).put("configuration", HOSTILE);
        ObjectNode g1 = p.putArray("graphs").addObject().put("number", 1).put("from", "figure").put("index", 1)
                .putNull("configuration").put("layers", g.layers().size());
        g1.putObject("files").put("graph", "graph-1.json").put("keras", "keras-1.py").put("pytorch", "pytorch-1.py")
                .put("caffe", "caffe-1.prototxt").put("onnx", "../../secret.txt");
        g1.putObject("errors").put("onnx", HOSTILE);
        p.putObject("hyperparameters").putObject("learning_rate").put("value", 0.01).put("sentence", "We use " + HOSTILE).put("page", 1);
        p.putArray("datasets");
        p.putArray("metrics");
        p.putArray("errors").addObject().put("stage", "detect").put("item", HOSTILE).put("message", HOSTILE);
        f.write("hostile/paper.json", GraphJson.MAPPER.writeValueAsString(p));
        f.write("secret.txt", "SECRET-CONTENT-MUST-NOT-APPEAR");
    }
}
