package org.paper2code.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.DiagramStyle;

/** The pixel scale of a synthetic figure: the look's width, no side above 2400 px, text never below 7 px. */
class FigureScaleTest {

    private static FigureFactory.Drawing drawing(double w, double h, Look look) {
        Scene s = new Scene(look.background());
        s.size(w, h);
        return new FigureFactory.Drawing(DiagramStyle.BOX_2D, "test", null, look, new Rendered(s, List.of(), List.of(), List.of(), Map.of()));
    }

    /**
     * A long chain of layers in one column (a scene 150 x 6000 units, 12 pt text): squeezing it to 2400 px drew
     * 4.8 px text, which no paper prints; the text floor wins and the long side grows instead.
     */
    @Test
    void textFloorWinsOverTheSideCap() {
        Look look = Look.random(new Random(1), DiagramStyle.BOX_2D);
        double scale = FigureFactory.scale(drawing(150, 6000, look));
        assertTrue(scale * look.font().size() >= 7 - 1e-9, "text " + scale * look.font().size() + " px");
    }

    /**
     * The floor holds for the smallest text drawn, not only the look's font: a 3D-box figure writes its depth labels
     * 2 units smaller, which came out 4-6 px high (unreadable) on long chains squeezed to the text floor.
     */
    @Test
    void textFloorHoldsForTheSmallestTextDrawn() {
        Look look = Look.random(new Random(1), DiagramStyle.BOX_3D);
        FigureFactory.Drawing d = drawing(150, 6000, look);
        Scene.FontSpec small = look.font().withSize(look.font().size() - 2);
        d.rendered().scene().text("512", 10, 20, small, look.ink());
        double scale = FigureFactory.scale(d);
        assertTrue(scale * small.size() >= 7 - 1e-9, "depth label " + scale * small.size() + " px");
    }

    /** A figure whose text stays legible keeps the 2400 px cap. */
    @Test
    void sideCapHoldsWhenTextStaysLegible() {
        Look look = Look.random(new Random(1), DiagramStyle.BOX_2D);
        double scale = FigureFactory.scale(drawing(400, 3000, look));
        assertEquals(2400 / 3000.0, scale, 1e-9); // fonts are 10-16 units: 8 px and more at this scale
    }
}
