package org.paper2code.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.paper2code.classify.Classification;
import org.paper2code.classify.StyleClassifier;
import org.paper2code.cli.OutputFolder;
import org.paper2code.detect.DetectionResult;
import org.paper2code.detect.FigureParser;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Formats;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphSource;
import org.paper2code.mex.MexEmitter;
import org.paper2code.pdf.Paper;
import org.paper2code.pdf.PaperReader;
import org.paper2code.pdf.PdfOptions;
import org.paper2code.text.MinedHyperparameters;
import org.paper2code.text.Passage;
import org.paper2code.text.TrainingMiner;

/**
 * Builds an extract output folder (the contract in the pipeline issue) from real stage outputs,
 * so the report can be developed and tested without the pipeline: PaperReader for figures,
 * tables and text, StyleClassifier per figure, FigureParser on architecture figures (at most
 * {@code maxParsed} per paper), TrainingMiner on the text, the emitters per graph.
 */
final class RunFixture {
    private static final List<String[]> CODE = List.of(
            new String[] {"keras", "keras", ".py"}, new String[] {"pytorch", "pytorch", ".py"}, new String[] {"caffe", "caffe", ".prototxt"});

    private final OutputFolder out;
    private final ArrayNode summaryPapers = GraphJson.MAPPER.createArrayNode();
    private final int maxParsed;
    private TrainingMiner miner;

    RunFixture(Path dir, int maxParsed) throws IOException {
        this.out = new OutputFolder(dir);
        this.maxParsed = maxParsed;
    }

    /** Runs the stages over one PDF and writes OUT/id/ as the pipeline would. */
    void paper(String id, Path pdf) throws IOException, org.paper2code.pdf.PdfException {
        long t0 = System.nanoTime();
        Paper p = new PaperReader().read(pdf, PdfOptions.defaults());
        long tPdf = System.nanoTime();
        ObjectNode json = GraphJson.MAPPER.createObjectNode();
        json.put("format", "paper2code-paper-result/1").put("paper_id", id).put("source", pdf.toString())
                .put("sha256", p.meta().sha256()).put("title", p.meta().title()).put("pages", p.meta().pageCount())
                .put("status", "done").putNull("error").put("scanned", p.scanned());
        ObjectNode timings = json.putObject("timings_ms");
        ArrayNode figures = json.putArray("figures");
        ArrayNode graphs = json.putArray("graphs");
        ArrayNode errors = GraphJson.MAPPER.createArrayNode();
        StringBuilder text = new StringBuilder();
        p.pages().forEach(pg -> text.append(pg.text()).append("\n\f"));
        out.write(id + "/text.txt", text.toString());
        long classifyNs = 0;
        long detectNs = 0;
        long emitNs = 0;
        int arch = 0;
        List<Graph> built = new ArrayList<>();
        for (int i = 0; i < p.figures().size(); i++) {
            Paper.Figure f = p.figures().get(i);
            int n = i + 1;
            String image = "figures/figure-" + n + ".png";
            Path crop = out.write(id + "/" + image, f.png());
            long c0 = System.nanoTime();
            Classification c = StyleClassifier.standard().analyse(f.png(), image);
            classifyNs += System.nanoTime() - c0;
            ObjectNode fo = figures.addObject().put("index", n).put("label", f.label()).put("caption", f.caption()).put("page", f.page());
            fo.putObject("bbox").put("x", f.bbox().x()).put("y", f.bbox().y()).put("width", f.bbox().w()).put("height", f.bbox().h());
            fo.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT)).put("image", image);
            fo.put("style", c.label().id()).put("confidence", c.confidence());
            ObjectNode probs = fo.putObject("probabilities");
            for (Map.Entry<DiagramStyle, Double> e : c.probabilities().entrySet()) {
                probs.put(e.getKey().id(), e.getValue());
            }
            fo.putNull("overlay");
            fo.putNull("graph");
            fo.putNull("error");
            if (!c.label().isArchitecture()) {
                continue;
            }
            arch++;
            if (arch > maxParsed) {
                fo.put("error", "not parsed (fixture limit)");
                continue;
            }
            long d0 = System.nanoTime();
            DetectionResult r = new FigureParser().parse(crop, c.label());
            detectNs += System.nanoTime() - d0;
            MatOfByte png = new MatOfByte();
            Imgcodecs.imencode(".png", r.overlay(), png);
            String overlay = "figures/figure-" + n + "-overlay.png";
            out.write(id + "/" + overlay, png.toArray());
            fo.put("overlay", overlay);
            if (r.empty()) {
                fo.put("error", r.reason());
                errors.addObject().put("stage", "detect").put("item", "figure " + n).put("message", r.reason());
                continue;
            }
            int k = built.size() + 1;
            Graph g = r.graph().withSource(new GraphSource(p.meta().title(), f.page(), f.label(), null, null, c.label().id(), c.confidence()));
            built.add(g);
            fo.put("graph", k);
            long e0 = System.nanoTime();
            ObjectNode go = graphs.addObject().put("number", k).put("from", "figure").put("index", n).putNull("configuration")
                    .put("layers", g.layers().size());
            ObjectNode files = go.putObject("files");
            ObjectNode gErrors = go.putObject("errors");
            out.write(id + "/graph-" + k + ".json", GraphJson.write(g));
            files.put("graph", "graph-" + k + ".json");
            for (String[] t : CODE) {
                try {
                    Artifact a = Formats.emitter(t[0], EmitOptions.defaults()).emit(g).get(0);
                    String name = t[1] + "-" + k + t[2];
                    out.write(id + "/" + name, a.data());
                    files.put(t[1], name);
                } catch (RuntimeException ex) {
                    gErrors.put(t[1], ex.getMessage());
                }
            }
            emitNs += System.nanoTime() - e0;
        }
        ArrayNode tables = json.putArray("tables");
        for (int i = 0; i < p.tables().size(); i++) {
            Paper.Table t = p.tables().get(i);
            ObjectNode to = tables.addObject().put("index", i + 1).put("label", t.label()).put("caption", t.caption()).put("page", t.page());
            ArrayNode cells = to.putArray("cells");
            t.cells().forEach(row -> row.forEach(cells.addArray()::add));
            to.putArray("graphs");
            to.putNull("error");
        }
        long m0 = System.nanoTime();
        if (miner == null) {
            miner = new TrainingMiner();
        }
        List<Passage> passages = new ArrayList<>();
        p.pages().forEach(pg -> passages.add(new Passage(pg.text(), pg.number())));
        MinedHyperparameters mined = miner.mine(passages);
        ObjectNode minedJson = mined.toJson();
        json.set("hyperparameters", minedJson.get("hyperparameters"));
        json.set("datasets", minedJson.get("datasets"));
        json.set("metrics", minedJson.get("metrics"));
        long textNs = System.nanoTime() - m0;
        json.putNull("solver");
        if (!built.isEmpty()) {
            org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
            for (Graph g : built) {
                try {
                    m.add(new MexEmitter(EmitOptions.defaults(), MexEmitter.Syntax.TURTLE).model(g.withTraining(mined.toTraining())));
                } catch (RuntimeException ex) {
                    errors.addObject().put("stage", "emit").put("item", "mex for " + g.name()).put("message", ex.getMessage());
                }
            }
            java.io.StringWriter w = new java.io.StringWriter();
            m.write(w, "TURTLE");
            out.write(id + "/mex.ttl", w.toString());
            json.put("mex", "mex.ttl");
        } else {
            json.putNull("mex");
        }
        json.set("errors", errors);
        timings.put("pdf", ms(tPdf - t0)).put("classify", ms(classifyNs)).put("detect", ms(detectNs)).put("tables", 0)
                .put("text", ms(textNs)).put("emit", ms(emitNs)).put("total", ms(System.nanoTime() - t0));
        out.write(id + "/paper.json", GraphJson.MAPPER.writeValueAsString(json));
        summaryPapers.addObject().put("paper_id", id).put("source", pdf.toString()).put("sha256", p.meta().sha256())
                .put("status", "done").putNull("error").put("figures", p.figures().size()).put("architecture_figures", arch)
                .put("tables", p.tables().size()).put("graphs", built.size()).put("seconds", (System.nanoTime() - t0) / 1e9);
    }

    /** A paper that failed, as the pipeline records it. */
    void failed(String id, Path pdf, String reason) throws IOException {
        ObjectNode json = GraphJson.MAPPER.createObjectNode();
        json.put("format", "paper2code-paper-result/1").put("paper_id", id).put("source", pdf.toString())
                .put("status", "failed").put("error", reason);
        json.putArray("figures");
        json.putArray("tables");
        json.putArray("graphs");
        json.putObject("hyperparameters");
        json.putArray("errors").addObject().put("stage", "pdf").put("item", pdf.getFileName().toString()).put("message", reason);
        out.write(id + "/paper.json", GraphJson.MAPPER.writeValueAsString(json));
        summaryPapers.addObject().put("paper_id", id).put("source", pdf.toString()).put("status", "failed").put("error", reason)
                .put("figures", 0).put("architecture_figures", 0).put("tables", 0).put("graphs", 0).put("seconds", 0.1);
    }

    /** Writes summary.json with totals summed from the papers. */
    void finish() throws IOException {
        ObjectNode s = GraphJson.MAPPER.createObjectNode();
        s.put("format", "paper2code-run/1").put("started", "2026-11-28T00:00:00Z").put("finished", "2026-11-28T00:01:00Z").put("threads", 2);
        s.set("papers", summaryPapers);
        ObjectNode totals = s.putObject("totals");
        int done = 0;
        int failed = 0;
        int figures = 0;
        int arch = 0;
        int graphs = 0;
        for (var p : summaryPapers) {
            done += p.path("status").asText().equals("done") ? 1 : 0;
            failed += p.path("status").asText().equals("failed") ? 1 : 0;
            figures += p.path("figures").asInt();
            arch += p.path("architecture_figures").asInt();
            graphs += p.path("graphs").asInt();
        }
        totals.put("papers", summaryPapers.size()).put("done", done).put("failed", failed).put("skipped", 0)
                .put("figures", figures).put("architecture_figures", arch).put("graphs", graphs);
        s.putObject("timings_ms").put("pdf", 1000).put("classify", 100).put("detect", 500).put("tables", 0).put("text", 2000).put("emit", 50);
        out.write("summary.json", GraphJson.MAPPER.writeValueAsString(s));
    }

    private static long ms(long ns) {
        return ns / 1_000_000;
    }
}
