package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.synth.CorpusSynth;
import org.paper2code.synth.FigureFactory;

/**
 * Siamese pipelines of synthetic corpora ({@code corpus synth -n 300 --seed 43 / 45}), drawn again here from their
 * seeds: two hatched input pictures, captioned "Image A" and "Image B", each feeding one embedding network. The
 * whole-figure OCR misses a caption set close under a hatched picture, so the arrow drawn from under the caption
 * started nowhere and a point was made up for that input.
 */
class PipelineTwinInputsTest {
    @TempDir
    Path dir;

    private record Parsed(FigureFactory.Figure figure, Path image) {
    }

    private Parsed figure(long seed, int index) throws Exception {
        CorpusSynth corpus = new CorpusSynth(seed, 1);
        FigureFactory.Figure f = new FigureFactory().make(CorpusSynth.figureId(index), DiagramStyle.PIPELINE, corpus.figureSeed(index), "test");
        return new Parsed(f, Files.write(dir.resolve(f.fileName()), f.bytes()));
    }

    /** The boxes of the elements read as Input: both are the drawn pictures, not points at an arrow's tail. */
    private static List<org.opencv.core.Rect> inputBoxes(Path image) throws Exception {
        StyleParser.Detected d = new BoxFlowParser(FigureText.ocr(), StageTitles.standard()).detect(Cv.read(image));
        return d.elements().stream().filter(e -> e.label().map(l -> l.type().equals("Input")).orElse(false)).map(Element::box).toList();
    }

    /** Seed 43 figure 67: the whole-figure reading gave "A" for "Image A"; the gap between picture and arrow reads it. */
    @Test
    void captionUnderAHatchedPictureIsReadInItsGap() throws Exception {
        Parsed p = figure(43, 67);
        List<org.opencv.core.Rect> inputs = inputBoxes(p.image());
        assertEquals(2, inputs.size(), inputs.toString());
        assertTrue(inputs.stream().allMatch(r -> r.width > 100 && r.height > 100), "inputs " + inputs);
    }

    /**
     * Seed 45 figure 205: the whole-figure reading found no caption at all, and the "g" of "Image B" passed for a
     * circled multiplication (it fed the second stream; the second input was lost, 5 of 6 nodes). Read alone, the
     * strip around the circle holds the word; the figure now parses exactly (the Dense's units, "fc 1", aside).
     */
    @Test
    void roundLetterOfAnUnreadCaptionIsNoOperator() throws Exception {
        Parsed p = figure(45, 205);
        GraphMatcher.Match m = new GraphMatcher().match(new FigureParser().parse(p.image(), DiagramStyle.PIPELINE).graph(), p.figure().truth().graph());
        assertTrue(m.exact(), "nodes " + m.nodes() + " edges " + m.edges());
        List<org.opencv.core.Rect> inputs = inputBoxes(p.image());
        assertEquals(2, inputs.size(), inputs.toString());
        assertTrue(inputs.stream().allMatch(r -> r.width > 100 && r.height > 100), "inputs " + inputs);
    }
}
