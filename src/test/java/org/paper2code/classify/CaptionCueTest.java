package org.paper2code.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.DiagramStyle;

/** The caption cue on real captions of the corpus PDFs (figures-pdf.tsv). */
class CaptionCueTest {
    /** An unsure image answer: 45% other, the rest split between two box styles. */
    private static Map<DiagramStyle, Double> unsure() {
        Map<DiagramStyle, Double> p = new EnumMap<>(DiagramStyle.class);
        for (DiagramStyle s : DiagramStyle.values()) {
            p.put(s, 0.0);
        }
        p.put(DiagramStyle.OTHER, 0.45);
        p.put(DiagramStyle.BOX_2D, 0.35);
        p.put(DiagramStyle.PIPELINE, 0.20);
        return p;
    }

    @Test
    void architectureCaptionKeepsAnUnsureFigureAndItsImageStyle() {
        Map<DiagramStyle, Double> p = CaptionCue.combine(unsure(), "Figure 2: An illustration of the architecture of our CNN");
        assertEquals(DiagramStyle.BOX_2D, StyleModel.argmax(p));
        assertEquals(0.35 / 0.20, p.get(DiagramStyle.BOX_2D) / p.get(DiagramStyle.PIPELINE), 1e-9, "style ranking kept");
        assertEquals(1.0, p.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void resultCaptionsTurnAnUnsureFigureIntoOther() {
        for (String caption : new String[] {"Figure 1. ImageNet-1K classification results for ConvNets and vision Transformers",
                "Figure 4: Test error for different architectures with and without dropout.",
                "Figure 6: Qualitative Results. YOLO running on sample artwork and natural images from the internet."}) {
            Map<DiagramStyle, Double> image = unsure();
            image.put(DiagramStyle.OTHER, 0.40);
            image.put(DiagramStyle.BOX_2D, 0.40);
            assertEquals(DiagramStyle.OTHER, StyleModel.argmax(CaptionCue.combine(image, caption)), caption);
        }
    }

    @Test
    void noCaptionOrNoCueWordsLeaveTheImageAnswer() {
        Map<DiagramStyle, Double> image = unsure();
        assertSame(image, CaptionCue.combine(image, null));
        assertSame(image, CaptionCue.combine(image, "  "));
        assertSame(image, CaptionCue.combine(image, "Figure 3: GoogLeNet network with all the bells and whistles."));
        assertTrue(CaptionCue.score("Figure 2: Inception module") > 0);
        assertTrue(CaptionCue.score("Figure 8: Scaling Up EfficientNet-B0 with Different Methods vs. accuracy") < 0);
    }
}
