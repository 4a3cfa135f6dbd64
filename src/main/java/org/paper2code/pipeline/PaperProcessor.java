package org.paper2code.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.paper2code.classify.Classification;
import org.paper2code.classify.RealFigures;
import org.paper2code.classify.StyleClassifier;
import org.paper2code.detect.Cv;
import org.paper2code.detect.DetectionResult;
import org.paper2code.detect.FigureParser;
import org.paper2code.detect.FigureText;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.Formats;
import org.paper2code.emit.caffe.CaffeEmitter;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphSource;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Training;
import org.paper2code.mex.MexEmitter;
import org.paper2code.mex.RdfText;
import org.paper2code.pdf.Paper;
import org.paper2code.pdf.PaperReader;
import org.paper2code.pdf.PdfException;
import org.paper2code.text.MinedHyperparameters;
import org.paper2code.text.PaperText;
import org.paper2code.text.Passage;
import org.paper2code.text.TrainingMiner;

/**
 * One paper through every stage, in memory: pdf, then per figure classify and (architecture
 * figures) detect, the table hook per table, text mining, and the emitters per graph. A
 * failure of one figure, table, graph or stage is recorded in paper.json "errors" and the
 * paper goes on; only an unreadable PDF fails the paper ({@link PaperFailedException}).
 * Checks for interruption between figures and stages, so a paper over its time limit stops
 * at the next step. Thread-safe: the classifier and CoreNLP are shared, OCR is per thread.
 */
public final class PaperProcessor {
    public static final String FORMAT = "paper2code-paper-result/1";
    private static final String[] STAGES = {"pdf", "classify", "detect", "tables", "text", "emit"};

    private final ExtractOptions options;
    private final ArchitectureTables tables;
    private final PaperReader reader = new PaperReader();

    public PaperProcessor(ExtractOptions options, ArchitectureTables tables) {
        this.options = options;
        this.tables = tables == null ? ArchitectureTables.NONE : tables;
    }

    /** The paper as a whole could not be read; the message says why in words a user can act on. */
    public static final class PaperFailedException extends Exception {
        public PaperFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A graph found in a figure or a table, before numbering and emitting. */
    private record Found(Graph graph, String from, int index, String configuration, ObjectNode entry) {
    }

    public PaperResult process(String paperId, Path pdf, String sha256) throws PaperFailedException {
        long start = System.nanoTime();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (String s : STAGES) {
            millis.put(s, 0L);
        }
        Paper paper;
        long t = System.nanoTime();
        try {
            paper = reader.read(pdf, options.pdfOptions());
        } catch (PdfException e) {
            throw new PaperFailedException(e.getMessage(), e);
        }
        millis.put("pdf", ms(t));
        Map<String, byte[]> files = new LinkedHashMap<>();
        ObjectNode root = GraphJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("paper_id", paperId);
        root.put("source", pdf.toString());
        root.put("sha256", paper.meta().sha256() != null ? paper.meta().sha256() : sha256);
        root.put("title", paper.meta().title());
        root.put("pages", paper.meta().pageCount());
        root.put("status", PaperOutcome.DONE);
        root.putNull("error");
        root.put("scanned", paper.scanned());
        ObjectNode timings = root.putObject("timings_ms");
        ArrayNode figuresJson = root.putArray("figures");
        ArrayNode tablesJson = root.putArray("tables");
        ArrayNode graphsJson = root.putArray("graphs");
        ArrayNode errors = GraphJson.MAPPER.createArrayNode();
        paper.warnings().forEach(w -> error(errors, "pdf", null, w));
        files.put("text.txt", paper.text().getBytes(StandardCharsets.UTF_8));

        List<Found> found = new ArrayList<>();
        int architecture = 0;
        for (int i = 0; i < paper.figures().size(); i++) {
            checkInterrupted();
            Paper.Figure f = paper.figures().get(i);
            int n = i + 1;
            String item = "figure " + n;
            ObjectNode e = figuresJson.addObject();
            e.put("index", n);
            e.put("label", f.label());
            e.put("caption", f.caption());
            e.put("page", f.page());
            e.putObject("bbox").put("x", round(f.bbox().x(), 2)).put("y", round(f.bbox().y(), 2))
                    .put("width", round(f.bbox().w(), 2)).put("height", round(f.bbox().h(), 2));
            e.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            byte[] png = f.png();
            String image = "figures/figure-" + n + ".png";
            if (png != null) {
                files.put(image, png);
                e.put("image", image);
            } else {
                e.putNull("image");
            }
            e.putNull("overlay");
            e.putNull("style");
            e.putNull("confidence");
            e.putObject("probabilities");
            e.putNull("graph");
            e.putNull("error");
            if (png == null) {
                e.put("error", "the figure was not rendered");
                continue;
            }
            if (!options.classify()) {
                e.put("error", "not classified (--no-classify)");
                continue;
            }
            DiagramStyle style;
            t = System.nanoTime();
            try {
                Classification c = StyleClassifier.standard().analyse(atClassifierResolution(png), item);
                style = c.label();
                e.put("style", style.id());
                e.put("confidence", round(c.confidence(), 3));
                ObjectNode p = (ObjectNode) e.get("probabilities");
                for (DiagramStyle s : DiagramStyle.values()) {
                    p.put(s.id(), round(c.probabilities().getOrDefault(s, 0.0), 3));
                }
            } catch (Exception | LinkageError x) {
                e.put("error", "classification failed: " + message(x));
                error(errors, "classify", item, message(x));
                continue;
            } finally {
                millis.merge("classify", ms(t), Long::sum);
            }
            if (!style.isArchitecture()) {
                e.put("error", "not an architecture figure (style other)");
                continue;
            }
            architecture++;
            if (!options.detect()) {
                e.put("error", "not parsed (--no-detect)");
                continue;
            }
            checkInterrupted();
            t = System.nanoTime();
            try {
                Graph g = detect(png, textOf(f), style, paperId + "-figure-" + n, e, files, n);
                if (g != null) {
                    GraphSource src = new GraphSource(sourceName(pdf), f.page(), f.label(), null, null, style.id(),
                            e.get("confidence").asDouble());
                    found.add(new Found(g.withSource(src), "figure", n, null, e));
                }
            } catch (Exception | LinkageError x) {
                e.put("error", "diagram parsing failed: " + message(x));
                error(errors, "detect", item, message(x));
            } finally {
                millis.merge("detect", ms(t), Long::sum);
            }
        }

        t = System.nanoTime();
        List<Passage> tableText = new ArrayList<>();  // hyperparameter tables' rows, read by the text stage
        for (int i = 0; i < paper.tables().size(); i++) {
            checkInterrupted();
            Paper.Table tb = paper.tables().get(i);
            int n = i + 1;
            ObjectNode e = tablesJson.addObject();
            e.put("index", n);
            e.put("label", tb.label());
            e.put("caption", tb.caption());
            e.put("page", tb.page());
            ArrayNode cells = e.putArray("cells");
            tb.cells().forEach(row -> {
                ArrayNode r = cells.addArray();
                row.forEach(r::add);
            });
            e.putArray("graphs");
            e.putNull("error");
            if (!options.tables()) {
                continue;
            }
            try {
                ArchitectureTables.Reading reading = tables.parse(tb);
                reading.hyperparameters().forEach((name, value) -> tableText.add(TablePassages.row(tb, name, value)));
                if (!reading.hyperparameters().isEmpty()) {
                    e.put("kind", "hyperparameters");
                }
                for (ArchitectureTables.TableGraph tg : reading.graphs()) {
                    GraphSource parsed = tg.graph().source();
                    GraphSource src = new GraphSource(sourceName(pdf), tb.page(), null, tb.label(), tg.configuration(),
                            parsed == null ? null : parsed.diagramType(), null);
                    String name = paperId + "-table-" + n + (tg.configuration() == null ? "" : "-" + tg.configuration());
                    found.add(new Found(tg.graph().withName(name).withSource(src), "table", n, tg.configuration(), e));
                }
            } catch (Exception | LinkageError x) {
                e.put("error", "table parsing failed: " + message(x));
                error(errors, "tables", "table " + n, message(x));
            }
        }
        millis.put("tables", ms(t));

        Training training = null;
        if (options.text()) {
            checkInterrupted();
            t = System.nanoTime();
            try {
                // the `text` command's path (PaperText: PDFBox page text) rather than the PDF stage's reading-order
                // text, which scored lower on the 8 annotated real papers (P 0.900 / R 0.865 against 0.941 / 0.923)
                List<Passage> passages = new ArrayList<>(PaperText.of(pdf));
                passages.addAll(tableText);
                MinedHyperparameters mined = new TrainingMiner().mine(passages);
                ObjectNode j = mined.toJson();
                root.set("hyperparameters", j.get("hyperparameters"));
                root.set("datasets", j.get("datasets"));
                root.set("metrics", j.get("metrics"));
                training = mined.toTraining();
            } catch (Exception | LinkageError x) {
                error(errors, "text", null, message(x));
            }
            millis.put("text", ms(t));
        }
        if (!root.has("hyperparameters")) {
            root.putObject("hyperparameters");
            root.putArray("datasets");
            root.putArray("metrics");
        }

        checkInterrupted();
        t = System.nanoTime();
        Emitted emitted = emit(found, training, graphsJson, files, errors);
        root.put("solver", emitted.solver());
        root.put("mex", emitted.mex());
        millis.put("emit", ms(t));
        root.set("errors", errors);
        millis.put("total", ms(start));
        millis.forEach(timings::put);
        files.put(PaperFolder.PAPER_JSON, json(root));
        PaperOutcome outcome = new PaperOutcome(paperId, pdf.toString(), root.get("sha256").asText(), PaperOutcome.DONE, null,
                paper.figures().size(), architecture, paper.tables().size(), graphsJson.size(), millis.get("total") / 1000.0);
        return new PaperResult(paperId, root, files, outcome);
    }

    /**
     * The crop as the classifier was trained to see it: its real negatives ({@link RealFigures#CROP_DPI})
     * and the evaluation (eval.PdfArchitectureFigures) use 100-dpi crops, and the features are not scale-free (on the
     * 7 annotated real architecture figures, 200-dpi crops found 3, the same crops halved 5).
     */
    private byte[] atClassifierResolution(byte[] png) {
        double scale = (double) RealFigures.CROP_DPI / options.pdf().cropDpi();
        if (scale >= 1) {
            return png;
        }
        Cv.load();
        Mat full = Imgcodecs.imdecode(new MatOfByte(png), Imgcodecs.IMREAD_COLOR);
        if (full.empty()) {
            return png; // the classifier names the decoding problem
        }
        Mat small = new Mat();
        MatOfByte buf = new MatOfByte();
        try {
            Imgproc.resize(full, small, new Size(), scale, scale, Imgproc.INTER_AREA);
            Imgcodecs.imencode(".png", small, buf);
            return buf.toArray();
        } finally {
            full.release();
            small.release();
            buf.release();
        }
    }

    /**
     * Where the parser reads a figure's words: a vector figure's own text layer where it has one (exact, and no OCR
     * pass); OCR of the crop for raster and mixed figures (an embedded image's lettering is not in the text layer)
     * and for drawings whose lettering is outlines.
     */
    static FigureText textOf(Paper.Figure f) {
        if (f.kind() != Paper.FigureKind.VECTOR || f.words().isEmpty()) {
            return FigureText.ocr();
        }
        return FigureText.drawn(f.words().stream()
                .map(w -> FigureText.Word.of(w.text(), w.box().x(), w.box().y(), w.box().w(), w.box().h(), w.angle(),
                        w.angle() % 180 == 0 ? w.box().h() : w.box().w())).toList());
    }

    /** The figure parsed; its overlay added to the files; null (with the reason in the entry) when no valid graph came out. */
    private Graph detect(byte[] png, FigureText text, DiagramStyle style, String name, ObjectNode entry, Map<String, byte[]> files, int n) {
        Cv.load();
        Mat bgr = Imgcodecs.imdecode(new MatOfByte(png), Imgcodecs.IMREAD_COLOR);
        DetectionResult r;
        try {
            if (bgr.empty()) {
                entry.put("error", "the figure crop does not decode");
                return null;
            }
            r = new FigureParser().parse(bgr, style, name, null, text);
        } finally {
            bgr.release();
        }
        try {
            MatOfByte buf = new MatOfByte();
            if (Imgcodecs.imencode(".png", r.overlay(), buf)) {
                String overlay = "figures/figure-" + n + "-overlay.png";
                files.put(overlay, buf.toArray());
                entry.put("overlay", overlay);
            }
            buf.release();
        } finally {
            r.overlay().release();
        }
        if (r.empty()) {
            entry.put("error", r.reason() == null ? "no layers recognised" : r.reason());
            return null;
        }
        GraphValidator.Report report = new GraphValidator().validate(r.graph());
        if (!report.ok()) {
            entry.put("error", "the parsed graph does not validate: " + report.summary());
            return null;
        }
        return r.graph().withName(name);
    }

    private record Emitted(String solver, String mex) {
    }

    /** Numbers the graphs (figures first, then tables) and writes graph-K.json and the code per graph, one mex.ttl for all. */
    private Emitted emit(List<Found> found, Training training, ArrayNode graphsJson, Map<String, byte[]> files, ArrayNode errors) {
        String solver = null;
        Model mex = ModelFactory.createDefaultModel();
        int k = 0;
        for (Found fd : found) {
            k++;
            Graph g = training == null || training.isEmpty() ? fd.graph() : fd.graph().withTraining(training);
            ObjectNode gj = graphsJson.addObject();
            gj.put("number", k);
            gj.put("from", fd.from());
            gj.put("index", fd.index());
            gj.put("configuration", fd.configuration());
            gj.put("layers", g.layers().size());
            ObjectNode fileNames = gj.putObject("files");
            ObjectNode graphErrors = gj.putObject("errors");
            if (fd.from().equals("figure")) {
                fd.entry().put("graph", k);
            } else {
                ((ArrayNode) fd.entry().get("graphs")).addObject().put("graph", k).put("configuration", fd.configuration());
            }
            String item = "graph " + k;
            Map<String, String> names = Map.of("graph", "graph-" + k + ".json", "keras", "keras-" + k + ".py",
                    "pytorch", "pytorch-" + k + ".py", "caffe", "caffe-" + k + ".prototxt");
            for (String target : List.of("graph", "keras", "pytorch", "caffe")) {
                try {
                    List<Artifact> out = target.equals("caffe") ? new CaffeEmitter(names.get("caffe")).emit(g)
                            : Formats.emitter(target, options.emit()).emit(g);
                    files.put(names.get(target), out.get(0).data());
                    fileNames.put(target, names.get(target));
                    if (solver == null && target.equals("caffe") && out.size() > 1
                            && out.get(1).fileName().equals(CaffeEmitter.SOLVER_FILE)) {
                        files.put(CaffeEmitter.SOLVER_FILE, out.get(1).data());
                        solver = CaffeEmitter.SOLVER_FILE;
                    }
                } catch (RuntimeException | LinkageError x) {
                    graphErrors.put(target, message(x));
                    error(errors, "emit", item + " (" + target + ")", message(x));
                }
            }
            try {
                Model m = new MexEmitter(options.emit(), MexEmitter.Syntax.TURTLE).model(g);
                mex.setNsPrefixes(m.getNsPrefixMap());
                mex.add(m);
            } catch (RuntimeException | LinkageError x) {
                graphErrors.put("mex", message(x));
                error(errors, "emit", item + " (mex)", message(x));
            }
        }
        String mexFile = null;
        if (!mex.isEmpty()) {
            files.put("mex.ttl", RdfText.turtle(mex).getBytes(StandardCharsets.UTF_8));
            mexFile = "mex.ttl";
        }
        return new Emitted(solver, mexFile);
    }

    /** The PDF's file name, for graph sources (the path as given could leak a local folder into code and RDF). */
    private static String sourceName(Path pdf) {
        return pdf.getFileName() == null ? pdf.toString() : pdf.getFileName().toString();
    }

    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted (time limit)");
        }
    }

    private static void error(ArrayNode errors, String stage, String item, String message) {
        ObjectNode o = errors.addObject();
        o.put("stage", stage);
        o.put("item", item);
        o.put("message", message);
    }

    static String message(Throwable x) {
        if (x instanceof OutOfMemoryError) {
            return "out of memory";
        }
        return x.getMessage() == null || x.getMessage().isBlank() ? x.getClass().getSimpleName() : x.getMessage();
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static byte[] json(ObjectNode root) {
        try {
            return (GraphJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
