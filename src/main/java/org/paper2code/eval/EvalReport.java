package org.paper2code.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;

/**
 * Renders an {@link Evaluator.Result} as Markdown (also what the CLI prints) and as JSON.
 * A metric whose stage is not available reads {@value #NOT_RUN} (JSON: the same string); a
 * metric that ran on nothing reads "n/a" (JSON: null). No dates or machine names, so the
 * same run gives the same report (times aside).
 */
public final class EvalReport {
    public static final String NOT_RUN = "not run";
    public static final String FORMAT = "paper2code-eval/1";

    private final Evaluator.Result r;
    private final String truthDir;

    public EvalReport(Evaluator.Result result, String truthDir) {
        this.r = result;
        this.truthDir = truthDir;
    }

    private boolean ran(Predictor.Stage s) {
        return s.in(r.predictor());
    }

    private boolean figureTimed() {
        return ran(Predictor.Stage.CLASSIFY) || ran(Predictor.Stage.DETECT);
    }

    private boolean paperTimed() {
        return ran(Predictor.Stage.PDF) || ran(Predictor.Stage.TEXT);
    }

    // ---------------------------------------------------------------- Markdown

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# paper2code evaluation\n\n");
        b.append("Truth folder: `").append(truthDir).append("`\n\n");
        b.append("## Stages\n\n| stage | status |\n|---|---|\n");
        for (Predictor.Stage s : Predictor.Stage.values()) {
            b.append("| ").append(s.title()).append(" (").append(s.id()).append(") | ")
                    .append(ran(s) ? "run" : NOT_RUN + " (stage not available)").append(" |\n");
        }
        truthContents(b);
        figureScores(b);
        paperScores(b);
        layoutScores(b);
        tableScores(b);
        problems(b);
        return b.toString();
    }

    private void truthContents(StringBuilder b) {
        b.append("\n## Truth contents\n\n");
        b.append("Figure truths: ").append(r.corpus().figures().size()).append("; paper truths: ")
                .append(r.corpus().papers().size()).append("; unusable truth files: ")
                .append(r.corpus().problems().size()).append(".\n\n");
        b.append("| style | figures | with graph | layers | edges | images found | papers (by first arch. figure) | figures in papers | layers in paper figures |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, int[]> e : contentCounts().entrySet()) {
            int[] c = e.getValue();
            b.append("| ").append(e.getKey());
            for (int x : c) {
                b.append(" | ").append(x);
            }
            b.append(" |\n");
        }
        Map<String, Integer> keys = hyperparameterKeys();
        b.append("\nHyperparameters stated in the paper truths (papers per key):\n\n");
        if (keys.isEmpty()) {
            b.append("none\n");
        } else {
            b.append("| key | papers |\n|---|---|\n");
            keys.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        }
    }

    /** Per style: figures, with graph, layers, edges, images found, papers, paper figures, paper figure layers. */
    private Map<String, int[]> contentCounts() {
        Map<String, int[]> m = new java.util.LinkedHashMap<>();
        for (DiagramStyle s : DiagramStyle.values()) {
            m.put(s.id(), new int[8]);
        }
        m.put(Scores.OVERALL, new int[8]);
        for (TruthCorpus.FigureItem f : r.corpus().figures()) {
            for (String k : List.of(f.truth().style().id(), Scores.OVERALL)) {
                int[] c = m.get(k);
                c[0]++;
                Graph g = f.truth().graph();
                if (g != null) {
                    c[1]++;
                    c[2] += g.layers().size();
                    c[3] += GraphMatcher.edges(g).size();
                }
                if (f.image() != null) {
                    c[4]++;
                }
            }
        }
        for (TruthCorpus.PaperItem p : r.corpus().papers()) {
            for (String k : List.of(Evaluator.primaryStyle(p.truth()).id(), Scores.OVERALL)) {
                m.get(k)[5]++;
            }
            for (PaperTruth.Figure f : p.truth().figures()) {
                for (String k : List.of(f.style().id(), Scores.OVERALL)) {
                    m.get(k)[6]++;
                    m.get(k)[7] += f.graph() == null ? 0 : f.graph().layers().size();
                }
            }
        }
        return m;
    }

    private Map<String, Integer> hyperparameterKeys() {
        Map<String, Integer> keys = new TreeMap<>();
        for (TruthCorpus.PaperItem p : r.corpus().papers()) {
            p.truth().hyperparameters().keySet().forEach(k -> keys.merge(k, 1, Integer::sum));
        }
        return keys;
    }

    private void figureScores(StringBuilder b) {
        boolean cls = ran(Predictor.Stage.CLASSIFY);
        boolean det = ran(Predictor.Stage.DETECT);
        b.append("\n## Figure scores\n\n");
        b.append("Type accuracy from the classifier; graph scores from the diagram parser (given the truth style), "
                + "layers matched without names (see src/docs/eval.md).\n\n");
        b.append("| style | figures | type acc. | graphs | node P | node R | node F1 | edge P | edge R | edge F1 | param acc. | exact graph | ms/figure |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Scores.Group> e : r.scores().groups().entrySet()) {
            Scores.Group g = e.getValue();
            b.append("| ").append(e.getKey()).append(" | ").append(g.figures());
            cell(b, cls, g.styleAccuracy().value());
            b.append(" | ").append(det ? String.valueOf(g.graphs()) : NOT_RUN);
            cell(b, det, g.nodes().precision());
            cell(b, det, g.nodes().recall());
            cell(b, det, g.nodes().f1());
            cell(b, det, g.edges().precision());
            cell(b, det, g.edges().recall());
            cell(b, det, g.edges().f1());
            cell(b, det, g.params().value());
            cell(b, det, g.exact().value());
            ms(b, figureTimed(), g.msPerFigure());
            b.append(" |\n");
        }
        b.append("\n### Figure-type confusion (rows: truth, columns: predicted)\n\n");
        if (!cls) {
            b.append(NOT_RUN).append(" (no figure classifier)\n");
            return;
        }
        int[][] c = r.scores().confusion();
        b.append("| truth \\ predicted |");
        for (DiagramStyle s : DiagramStyle.values()) {
            b.append(' ').append(s.id()).append(" |");
        }
        b.append("\n|---|").append("---|".repeat(DiagramStyle.values().length)).append('\n');
        for (DiagramStyle t : DiagramStyle.values()) {
            b.append("| ").append(t.id()).append(" |");
            for (DiagramStyle p : DiagramStyle.values()) {
                b.append(' ').append(c[t.ordinal()][p.ordinal()]).append(" |");
            }
            b.append('\n');
        }
    }

    private void paperScores(StringBuilder b) {
        boolean pdf = ran(Predictor.Stage.PDF);
        boolean text = ran(Predictor.Stage.TEXT);
        b.append("\n## Paper scores\n\n");
        b.append("Figure detection: IoU >= ").append(DetectionMatcher.MIN_IOU)
                .append(" on the same page, greedy one-to-one. Hyperparameters: micro average over keys. "
                        + "A paper counts under the style of its first architecture figure.\n\n");
        b.append("| style | papers | detect P | detect R | detect F1 | hyperparam P | hyperparam R | hyperparam F1 | ms/paper |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Scores.Group> e : r.scores().groups().entrySet()) {
            Scores.Group g = e.getValue();
            b.append("| ").append(e.getKey()).append(" | ").append(g.papers());
            cell(b, pdf, g.detection().precision());
            cell(b, pdf, g.detection().recall());
            cell(b, pdf, g.detection().f1());
            Prf h = g.hyperparameterTotal();
            cell(b, text, h.precision());
            cell(b, text, h.recall());
            cell(b, text, h.f1());
            ms(b, paperTimed(), g.msPerPaper());
            b.append(" |\n");
        }
        b.append("\n### Hyperparameters per key (all papers)\n\n");
        Map<String, Integer> truthKeys = hyperparameterKeys();
        Map<String, Prf> per = r.scores().group(Scores.OVERALL).hyperparameters();
        TreeSet<String> keys = new TreeSet<>(truthKeys.keySet());
        keys.addAll(per.keySet());
        if (keys.isEmpty()) {
            b.append("no hyperparameters in the truth\n");
            return;
        }
        b.append("| key | in truth | P | R | F1 |\n|---|---|---|---|---|\n");
        for (String k : keys) {
            Prf p = per.getOrDefault(k, Prf.ZERO);
            b.append("| ").append(k).append(" | ").append(truthKeys.getOrDefault(k, 0));
            cell(b, text, p.precision());
            cell(b, text, p.recall());
            cell(b, text, p.f1());
            b.append(" |\n");
        }
    }

    /** Every annotated figure and table (layout truth), caption exactness and the reading-order check, with each failure. */
    private void layoutScores(StringBuilder b) {
        boolean ran = ran(Predictor.Stage.PDF) && r.predictor().layout().isPresent();
        Map<String, Scores.Layout> per = r.scores().layouts();
        int pdfs = r.corpus().layouts().size();
        b.append("\n## PDF figures and tables (every one annotated)\n\n");
        b.append("PDFs with layout truth (`*.layout.tsv`): ").append(pdfs).append(". Detection at IoU >= ")
                .append(DetectionMatcher.MIN_IOU).append(" on the same page, greedy one-to-one, figures and tables apart; "
                        + "captions compared over the matched ones after normalising (src/docs/eval.md). Reading order: "
                        + "sentences on two-column pages whose lines mix both columns.\n\n");
        b.append("| kind | truth | found | P | R | F1 | captions exact |\n|---|---|---|---|---|---|---|\n");
        LayoutScorer.Score t = r.scores().layoutTotal();
        layoutRow(b, "figures", layoutTruth(LayoutTruth.Kind.FIGURE), ran, t.figures(), t.figureCaptions());
        layoutRow(b, "tables", layoutTruth(LayoutTruth.Kind.TABLE), ran, t.tables(), t.tableCaptions());
        int sentences = per.values().stream().mapToInt(Scores.Layout::sentences).sum();
        int mixed = per.values().stream().mapToInt(l -> l.mixed().size()).sum();
        b.append("\nReading order: ").append(ran ? mixed + " mixed of " + sentences + " sentences on two-column pages" : NOT_RUN)
                .append(".\n");
        if (!ran || per.isEmpty()) {
            return;
        }
        b.append("\n| pdf | figures TP/FP/FN | fig. captions exact | tables TP/FP/FN | table captions exact | mixed sentences | ms |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        per.forEach((pdf, l) -> {
            LayoutScorer.Score s = l.score();
            b.append("| ").append(pdf).append(" | ").append(tpfpfn(s.figures())).append(" | ").append(hits(s.figureCaptions()))
                    .append(" | ").append(tpfpfn(s.tables())).append(" | ").append(hits(s.tableCaptions())).append(" | ")
                    .append(l.mixed().size()).append('/').append(l.sentences()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", l.nanos() / 1e6)).append(" |\n");
        });
        b.append("\n### Layout failures\n\n");
        if (t.failures().isEmpty()) {
            b.append("none\n");
        }
        t.failures().forEach(f -> b.append("- ").append(escape(f)).append('\n'));
        b.append("\n### Sentences mixing columns\n\n");
        if (mixed == 0) {
            b.append("none\n");
        }
        per.forEach((pdf, l) -> l.mixed().forEach(m -> b.append("- ").append(pdf).append(": ").append(escape(m)).append('\n')));
    }

    /** Annotated figures or tables over all layout truths (counted whether or not the stage ran). */
    private int layoutTruth(LayoutTruth.Kind kind) {
        return r.corpus().layouts().stream().mapToInt(l -> l.truth().of(kind).size()).sum();
    }

    private static void layoutRow(StringBuilder b, String kind, int truth, boolean ran, Prf p, Ratio captions) {
        b.append("| ").append(kind).append(" | ").append(truth).append(" | ").append(ran ? String.valueOf(p.tp() + p.fp()) : NOT_RUN);
        cell(b, ran, p.precision());
        cell(b, ran, p.recall());
        cell(b, ran, p.f1());
        b.append(" | ").append(ran ? number(captions.value()) + " (" + hits(captions) + ")" : NOT_RUN).append(" |\n");
    }

    private static String tpfpfn(Prf p) {
        return p.tp() + "/" + p.fp() + "/" + p.fn();
    }

    private static String hits(Ratio r) {
        return r.hits() + "/" + r.total();
    }

    /** Paper text in a Markdown list item: no table pipes or markup (the text is untrusted). */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").replace("_", "\\_");
    }

    private void tableScores(StringBuilder b) {
        boolean ran = ran(Predictor.Stage.TABLES);
        Scores.Group g = r.scores().tables();
        int truth = r.corpus().papers().stream().mapToInt(p -> p.truth().tables().size()).sum();
        b.append("\n## Table scores\n\n");
        b.append("Architecture tables of the papers with table truth: each truth configuration against the predicted one "
                + "of the same table and name (a miss or a spurious configuration scores against an empty graph).\n\n");
        b.append("| stage | papers | truth configurations | graphs scored | node P | node R | node F1 | edge P | edge R | edge F1 "
                + "| param acc. | exact graph | ms/paper |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        b.append("| tables | ").append(g.papers()).append(" | ").append(truth).append(" | ").append(ran ? String.valueOf(g.graphs()) : NOT_RUN);
        cell(b, ran, g.nodes().precision());
        cell(b, ran, g.nodes().recall());
        cell(b, ran, g.nodes().f1());
        cell(b, ran, g.edges().precision());
        cell(b, ran, g.edges().recall());
        cell(b, ran, g.edges().f1());
        cell(b, ran, g.params().value());
        cell(b, ran, g.exact().value());
        ms(b, ran, g.msPerPaper());
        b.append(" |\n");
    }

    private void problems(StringBuilder b) {
        b.append("\n## Problems\n\n");
        if (r.corpus().problems().isEmpty() && r.skipped().isEmpty() && r.stageErrors().isEmpty()) {
            b.append("none\n");
            return;
        }
        for (TruthCorpus.Problem p : r.corpus().problems()) {
            b.append("- unusable truth `").append(p.file()).append("`: ").append(p.reason()).append('\n');
        }
        for (Evaluator.Skipped s : r.skipped()) {
            b.append("- skipped `").append(s.id()).append("`: ").append(s.reason()).append('\n');
        }
        for (String e : r.stageErrors()) {
            b.append("- stage failure: ").append(e).append('\n');
        }
    }

    private static void cell(StringBuilder b, boolean ran, double v) {
        b.append(" | ").append(ran ? number(v) : NOT_RUN);
    }

    private static void ms(StringBuilder b, boolean ran, double v) {
        b.append(" | ").append(!ran ? NOT_RUN : Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v));
    }

    static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    // ---------------------------------------------------------------- JSON

    public String json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("truth_dir", truthDir);
        ObjectNode stages = root.putObject("stages");
        for (Predictor.Stage s : Predictor.Stage.values()) {
            stages.put(s.id(), ran(s) ? "run" : NOT_RUN);
        }
        ObjectNode truth = root.putObject("truth");
        truth.put("figures", r.corpus().figures().size());
        truth.put("papers", r.corpus().papers().size());
        ObjectNode perStyle = truth.putObject("per_style");
        String[] names = {"figures", "with_graph", "layers", "edges", "images_found", "papers", "paper_figures", "paper_figure_layers"};
        contentCounts().forEach((style, c) -> {
            ObjectNode o = perStyle.putObject(style);
            for (int i = 0; i < names.length; i++) {
                o.put(names[i], c[i]);
            }
        });
        ObjectNode hk = truth.putObject("hyperparameter_keys");
        hyperparameterKeys().forEach(hk::put);

        boolean cls = ran(Predictor.Stage.CLASSIFY);
        boolean det = ran(Predictor.Stage.DETECT);
        boolean pdf = ran(Predictor.Stage.PDF);
        boolean text = ran(Predictor.Stage.TEXT);
        ObjectNode groups = root.putObject("scores");
        r.scores().groups().forEach((style, g) -> {
            ObjectNode o = groups.putObject(style);
            o.put("figures", g.figures());
            put(o, "type_accuracy", cls, g.styleAccuracy().value());
            prf(o, "nodes", det, g.nodes());
            prf(o, "edges", det, g.edges());
            put(o, "param_accuracy", det, g.params().value());
            put(o, "exact_graph_rate", det, g.exact().value());
            put(o, "ms_per_figure", figureTimed(), g.msPerFigure());
            o.put("papers", g.papers());
            prf(o, "detection", pdf, g.detection());
            prf(o, "hyperparameters", text, g.hyperparameterTotal());
            ObjectNode per = o.putObject("hyperparameters_per_key");
            if (text) {
                new TreeMap<>(g.hyperparameters()).forEach((k, v) -> prf(per, k, true, v));
            }
            put(o, "ms_per_paper", paperTimed(), g.msPerPaper());
        });
        boolean tab = ran(Predictor.Stage.TABLES);
        ObjectNode tables = root.putObject("tables");
        Scores.Group tg = r.scores().tables();
        tables.put("papers", tg.papers());
        tables.put("truth_configurations", r.corpus().papers().stream().mapToInt(p -> p.truth().tables().size()).sum());
        put(tables, "graphs", tab, tg.graphs());
        prf(tables, "nodes", tab, tg.nodes());
        prf(tables, "edges", tab, tg.edges());
        put(tables, "param_accuracy", tab, tg.params().value());
        put(tables, "exact_graph_rate", tab, tg.exact().value());
        put(tables, "ms_per_paper", tab, tg.msPerPaper());
        if (cls) {
            ObjectNode conf = root.putObject("confusion");
            int[][] c = r.scores().confusion();
            for (DiagramStyle t : DiagramStyle.values()) {
                ObjectNode row = conf.putObject(t.id());
                for (DiagramStyle p : DiagramStyle.values()) {
                    row.put(p.id(), c[t.ordinal()][p.ordinal()]);
                }
            }
        } else {
            root.put("confusion", NOT_RUN);
        }
        layoutJson(root.putObject("layout"));
        ArrayNode problems = root.putArray("problems");
        r.corpus().problems().forEach(p -> problems.addObject().put("file", p.file()).put("reason", p.reason()));
        ArrayNode skipped = root.putArray("skipped");
        r.skipped().forEach(s -> skipped.addObject().put("id", s.id()).put("reason", s.reason()));
        ArrayNode errors = root.putArray("stage_failures");
        r.stageErrors().forEach(errors::add);
        try {
            return GraphJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void layoutJson(ObjectNode o) {
        boolean ran = ran(Predictor.Stage.PDF) && r.predictor().layout().isPresent();
        o.put("pdfs", r.corpus().layouts().size());
        LayoutScorer.Score t = r.scores().layoutTotal();
        prf(o, "figures", ran, t.figures());
        put(o, "figure_captions_exact", ran, t.figureCaptions().value());
        prf(o, "tables", ran, t.tables());
        put(o, "table_captions_exact", ran, t.tableCaptions().value());
        if (!ran) {
            o.put("reading_order", NOT_RUN);
            return;
        }
        Map<String, Scores.Layout> per = r.scores().layouts();
        ObjectNode ro = o.putObject("reading_order");
        ro.put("sentences", per.values().stream().mapToInt(Scores.Layout::sentences).sum());
        ro.put("mixed", per.values().stream().mapToInt(l -> l.mixed().size()).sum());
        ObjectNode pdfs = o.putObject("per_pdf");
        per.forEach((pdf, l) -> {
            ObjectNode p = pdfs.putObject(pdf);
            prf(p, "figures", true, l.score().figures());
            put(p, "figure_captions_exact", true, l.score().figureCaptions().value());
            prf(p, "tables", true, l.score().tables());
            put(p, "table_captions_exact", true, l.score().tableCaptions().value());
            p.put("sentences", l.sentences());
            ArrayNode m = p.putArray("mixed_sentences");
            l.mixed().forEach(m::add);
            ArrayNode f = p.putArray("failures");
            l.score().failures().forEach(f::add);
        });
    }

    private static void put(ObjectNode o, String key, boolean ran, double v) {
        if (!ran) {
            o.put(key, NOT_RUN);
        } else if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, Math.round(v * 1e6) / 1e6);
        }
    }

    private static void prf(ObjectNode o, String key, boolean ran, Prf p) {
        if (!ran) {
            o.put(key, NOT_RUN);
            return;
        }
        ObjectNode n = o.putObject(key);
        n.put("tp", p.tp()).put("fp", p.fp()).put("fn", p.fn());
        put(n, "precision", true, p.precision());
        put(n, "recall", true, p.recall());
        put(n, "f1", true, p.f1());
    }

}
