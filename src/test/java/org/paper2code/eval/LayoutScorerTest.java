package org.paper2code.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paper2code.graph.GraphJson;

/** The layout scorer (every figure and table of a PDF) on a small fixture with a stand-in pdf stage. */
class LayoutScorerTest {
    static final Path DIR = Path.of("src/test/resources/org/paper2code/eval/layout");

    /** Figure 1 exact up to ligature, spacing and dash; Figure 2 boxed too big; the table's caption cut short; one extra image. */
    static final List<FoundObject> FOUND = List.of(
            new FoundObject(LayoutTruth.Kind.FIGURE, 1, new Box(102, 98, 198, 104), "Figure 1", "Figure 1: A fine network –withReLUs"),
            new FoundObject(LayoutTruth.Kind.FIGURE, 2, new Box(40, 40, 250, 200), "Figure 2", "Figure 2: Plots."),
            new FoundObject(LayoutTruth.Kind.FIGURE, 2, new Box(400, 600, 80, 80), null, null),
            new FoundObject(LayoutTruth.Kind.TABLE, 2, new Box(50, 400, 300, 110), "Table 1", "Table 1: Results on ImageNet."));

    @Test
    void fixtureParsesWithItsPdfAndDashesAsNone() throws Exception {
        TruthCorpus c = TruthCorpus.load(DIR, List.of());
        assertEquals(List.of(), c.problems());
        assertEquals(1, c.layouts().size());
        assertTrue(c.layouts().get(0).pdf().endsWith("tiny_paper.pdf"), String.valueOf(c.layouts().get(0).pdf()));
        LayoutTruth t = c.layouts().get(0).truth();
        assertEquals(2, t.of(LayoutTruth.Kind.FIGURE).size());
        assertEquals(new Box(50, 400, 300, 100), t.of(LayoutTruth.Kind.TABLE).get(0).bbox());
        LayoutTruth none = LayoutTruth.parse("kind\tlabel\tpage\tx\ty\tw\th\tcaption\nfigure\t-\t3\t1\t2\t3\t4\t-\n", "x.pdf");
        assertEquals(null, none.items().get(0).label());
        assertEquals(null, none.items().get(0).caption());
    }

    @Test
    void badRowsNameTheirLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayoutTruth.parse("kind\tlabel\tpage\tx\ty\tw\th\tcaption\nchart\t-\t1\t1\t2\t3\t4\t-\n", "x.pdf"));
        assertTrue(e.getMessage().startsWith("line 2: kind must be figure or table"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LayoutTruth.parse("kind\tlabel\tpage\tx\ty\tw\th\tcaption\nfigure\t-\t1\t1\t2\t0\t4\t-\n", "x.pdf"));
        assertTrue(e.getMessage().contains("non-empty"), e.getMessage());
    }

    @Test
    void detectionCaptionsAndFailuresAreCountedPerKind() throws Exception {
        LayoutTruth t = TruthCorpus.load(DIR, List.of()).layouts().get(0).truth();
        LayoutScorer.Score s = LayoutScorer.score("tiny.pdf", FOUND, t);
        assertEquals(new Prf(1, 2, 1), s.figures());
        assertEquals(new Ratio(1, 1), s.figureCaptions());
        assertEquals(new Prf(1, 0, 0), s.tables());
        assertEquals(new Ratio(0, 1), s.tableCaptions());
        String all = String.join("\n", s.failures());
        assertTrue(all.contains("tiny.pdf p2 Figure 2 [50 50 100 100]: missed; best found Figure 2 [40 40 250 200] IoU 0.20: box too big (5.0x the area)"), all);
        assertTrue(all.contains("right beyond by 140 pt"), all);
        assertTrue(all.contains("p2 figure (uncaptioned) [400 600 80 80]: spurious; overlaps no annotated figure or table"), all);
        assertTrue(all.contains("Table 1 [50 400 300 100]: caption cut short after 29 of 46 chars; missing: ... Lower is better."), all);
        assertTrue(all.contains("Figure 1 [100 100 200 100]: caption exact, spacing differs (not counted)"), all);
        assertEquals(5, s.failures().size(), all);
    }

    @Test
    void captionNormalisation() {
        assertEquals("Figure 1: A fine network –with ReLUs", CaptionText.normal("Figure 1:\u00a0A ﬁne\n network – with  ReLUs "));
        assertTrue(CaptionText.same("“quoted” C2", "\"quoted\" C 2"));
        assertFalse(CaptionText.same("convo-lutional", "convolutional"));
        assertFalse(CaptionText.same(null, "Figure 1."));
        assertTrue(CaptionText.same(null, null));
    }

    @Test
    void evaluatorRunsTheLayoutReaderAndReportsEveryPdf() throws Exception {
        Predictor p = Predictor.NONE.withLayout(pdf -> new LayoutReader.Found(FOUND, 10, List.of("p1 left (y 100) to right (y 101): mixed")));
        Evaluator.Result r = new Evaluator(p).run(TruthCorpus.load(DIR, List.of()));
        EvalReport rep = new EvalReport(r, "layout");
        String md = rep.markdown();
        assertTrue(md.contains("| figures | 2 | 3 | 0.333 | 0.500 | 0.400 | 1.000 (1/1) |"), md);
        assertTrue(md.contains("| tables | 1 | 1 | 1.000 | 1.000 | 1.000 | 0.000 (0/1) |"), md);
        assertTrue(md.contains("Reading order: 1 mixed of 10 sentences on two-column pages."), md);
        assertTrue(md.contains("| tiny_paper.pdf | 1/2/1 | 1/1 | 1/0/0 | 0/1 | 1/10 |"), md);
        JsonNode j = GraphJson.MAPPER.readTree(rep.json());
        assertEquals(1, j.at("/layout/figures/tp").asInt());
        assertEquals(1, j.at("/layout/reading_order/mixed").asInt());
        // without the stage the layout scores read "not run"
        String none = new EvalReport(new Evaluator(Predictor.NONE).run(TruthCorpus.load(DIR, List.of())), "layout").markdown();
        assertTrue(none.contains("| figures | 2 | not run | not run | not run | not run | not run |"), none);
    }
}
