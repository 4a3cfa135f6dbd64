package org.paper2code.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.Layer;

/** The evaluation over the small truth folder in test resources, with no stages and with stand-in stages. */
class EvaluatorTest {
    static final Path CORPUS = Path.of("src/test/resources/org/paper2code/eval/corpus");

    @Test
    void corpusLoadsWithMediaResolvedRelativeToTheTruthFile() throws Exception {
        TruthCorpus c = TruthCorpus.load(CORPUS, List.of());
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("figures/chart", "figures/mlp", "figures/no_image", "figures/tiny_cnn"),
                c.figures().stream().map(TruthCorpus.FigureItem::id).toList());
        assertEquals(1, c.papers().size());
        assertTrue(c.papers().get(0).pdf().endsWith("tiny_paper.pdf"));
        TruthCorpus.FigureItem missing = c.figures().get(2);
        assertEquals(null, missing.image());
        assertTrue(missing.missing().startsWith("image not found: "), missing.missing());
    }

    @Test
    void mediaFolderIsSearchedByFileName() throws Exception {
        // no_image names not_there.png; a media folder holding that name resolves it
        Path dir = java.nio.file.Files.createTempDirectory("p2c-media");
        java.nio.file.Files.copy(CORPUS.resolve("figures/mlp.png"), dir.resolve("not_there.png"));
        TruthCorpus c = TruthCorpus.load(CORPUS, List.of(dir));
        assertEquals(dir.resolve("not_there.png"), c.figures().get(2).image());
    }

    @Test
    void withoutStagesEveryScoreIsNotRunNeverZeroOrOne() throws Exception {
        Evaluator.Result r = new Evaluator(Predictor.NONE).run(TruthCorpus.load(CORPUS, List.of()));
        EvalReport rep = new EvalReport(r, "corpus");
        String md = rep.markdown();
        for (String row : md.split("\n")) {
            if (row.startsWith("| overall |") || row.startsWith("| neurons |")) {
                assertFalse(row.contains("0.000") || row.contains("1.000") || row.contains("n/a"), row);
            }
        }
        assertTrue(md.contains("| overall | 4 | not run | not run | not run |"), md);
        assertTrue(md.contains("figure classifier (classify) | not run"), md);
        assertTrue(md.contains("not run (no figure classifier)"), md);
        assertTrue(md.contains("skipped `figures/no_image`: image not found"), md);
        // truth contents are counted even though nothing ran
        assertTrue(md.contains("| stacked-2d-box | 1 | 1 | 5 | 4 | 1 | 1 | 1 | 5 |"), md);
        assertTrue(md.contains("| learning_rate | 1 |"), md);
        JsonNode j = GraphJson.MAPPER.readTree(rep.json());
        assertEquals("not run", j.at("/stages/detect").asText());
        assertEquals("not run", j.at("/scores/overall/nodes").asText());
        assertEquals("not run", j.at("/scores/overall/type_accuracy").asText());
        assertEquals("not run", j.at("/scores/overall/hyperparameters").asText());
        assertEquals("not run", j.at("/confusion").asText());
        assertEquals(4, j.at("/truth/per_style/overall/figures").asInt());
    }

    @Test
    void standInStagesAreScoredPerStyle() throws Exception {
        // parser: the truth graph with every layer renamed (looked up by image name); classifier: always "neurons"
        TruthCorpus c = TruthCorpus.load(CORPUS, List.of());
        Map<Path, Graph> truthByImage = new java.util.HashMap<>();
        c.figures().stream().filter(f -> f.image() != null && f.truth().graph() != null)
                .forEach(f -> truthByImage.put(f.image(), f.truth().graph()));
        Predictor p = Predictor.NONE
                .withClassifier(image -> DiagramStyle.NEURONS)
                .withParser((image, style) -> renamed(truthByImage.get(image)))
                .withReader(pdf -> List.of(new FoundFigure(1, new Box(72, 110, 300, 150)), new FoundFigure(2, new Box(0, 0, 10, 10))))
                .withMiner(pdf -> Map.of("learning_rate", 0.01, "batch_size", 32))
                .withTables(pdf -> List.of())
                .withLayout(pdf -> new LayoutReader.Found(List.of(), 0, List.of()));
        Evaluator.Result r = new Evaluator(p).run(c);
        Scores.Group all = r.scores().group(Scores.OVERALL);
        // 3 figures with images (chart, mlp, tiny_cnn); mlp is neurons -> 1 of 3 right
        assertEquals(new Ratio(1, 3), all.styleAccuracy());
        assertEquals(1, r.scores().confusion()[DiagramStyle.OTHER.ordinal()][DiagramStyle.NEURONS.ordinal()]);
        // two graphs (mlp 3 layers, tiny_cnn 5 layers), both exact
        assertEquals(new Prf(8, 0, 0), all.nodes());
        assertEquals(new Ratio(2, 2), all.exact());
        assertEquals(new Ratio(1, 1), r.scores().group("neurons").exact());
        // detection: IoU of (72,110,300,150) with (72,100,300,150) = 140/160 -> TP; page 2 box FP
        assertEquals(new Prf(1, 1, 0), all.detection());
        assertEquals(new Prf(1, 1, 0), r.scores().group("stacked-2d-box").detection());
        // hyperparameters: learning_rate right, batch_size wrong (32 vs 64), optimizer missed
        assertEquals(new Prf(1, 1, 2), all.hyperparameterTotal());
        String md = new EvalReport(r, "corpus").markdown();
        assertTrue(md.contains("| stacked-2d-box | 1 | 0.000 | 1 | 1.000 | 1.000 | 1.000 |"), md);
        assertFalse(md.contains("not run"), md);
    }

    @Test
    void failingStageCountsAsEmptyPredictionAndIsReported() throws Exception {
        Predictor p = Predictor.NONE.withParser((image, style) -> {
            throw new IllegalStateException("no boxes found");
        });
        Evaluator.Result r = new Evaluator(p).run(TruthCorpus.load(CORPUS, List.of()));
        assertEquals(new Prf(0, 0, 8), r.scores().group(Scores.OVERALL).nodes());
        assertEquals(2, r.stageErrors().size());
        assertTrue(r.stageErrors().get(0).contains("detect failed: no boxes found"));
        String md = new EvalReport(r, "corpus").markdown();
        assertTrue(md.contains("| overall | 4 | not run | 2 | n/a | 0.000 | 0.000 |"), md);
    }

    private static Graph renamed(Graph g) {
        List<Layer> out = new ArrayList<>();
        for (Layer l : g.layers()) {
            out.add(new Layer(l.type(), "p_" + l.name().hashCode(), l.params(),
                    l.from().stream().map(n -> "p_" + n.hashCode()).toList()));
        }
        return new Graph(out);
    }
}
