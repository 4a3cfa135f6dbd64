package org.paper2code.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.Box;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.FigureTruth;
import org.paper2code.graph.Layer;

class RenderersTest {
    private final FigureFactory factory = new FigureFactory();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Pixels inside the box that clearly differ from the background colour. */
    static int inkInside(BufferedImage img, Box b, int background) {
        int n = 0;
        for (int y = (int) Math.max(0, b.y()); y < Math.min(img.getHeight(), b.y() + b.h()); y++) {
            for (int x = (int) Math.max(0, b.x()); x < Math.min(img.getWidth(), b.x() + b.w()); x++) {
                int p = img.getRGB(x, y);
                int d = Math.max(Math.abs(((p >> 16) & 255) - ((background >> 16) & 255)),
                        Math.max(Math.abs(((p >> 8) & 255) - ((background >> 8) & 255)), Math.abs((p & 255) - (background & 255))));
                if (d > 60) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void everyRendererDrawsInkInsideEveryNodeBoxAndBoxesLieInsideTheImage() {
        for (DiagramStyle style : DiagramStyle.values()) {
            for (int seed = 0; seed < 6; seed++) {
                FigureFactory.Drawing d = factory.draw(style, new Random(seed * 31L + style.ordinal()));
                double scale = FigureFactory.scale(d);
                Rendered px = d.rendered().scaled(scale);
                BufferedImage img = d.rendered().raster(scale);
                int bg = d.look().background().getRGB();
                assertTrue(inkInside(img, new Box(0, 0, img.getWidth(), img.getHeight()), bg) > 100, style + " drew almost nothing");
                if (style == DiagramStyle.OTHER) {
                    assertTrue(px.nodes().isEmpty());
                    continue;
                }
                assertFalse(px.nodes().isEmpty(), style + " has no nodes");
                for (FigureTruth.NodeBox n : px.nodes()) {
                    Box b = n.box();
                    assertTrue(b.x() >= -0.5 && b.y() >= -0.5 && b.x() + b.w() <= img.getWidth() + 0.5 && b.y() + b.h() <= img.getHeight() + 0.5,
                            style + " node " + n.layer() + " " + b + " outside " + img.getWidth() + "x" + img.getHeight());
                    assertTrue(inkInside(img, b, bg) > 0, style + " node " + n.layer() + " box " + b + " is empty");
                }
                Set<String> layers = d.graph().layers().stream().map(Layer::name).collect(Collectors.toSet());
                px.nodes().forEach(n -> assertTrue(layers.contains(n.layer()), n.layer()));
                px.edges().forEach(e -> assertTrue(layers.contains(e.from()) && layers.contains(e.to()), e.from() + "->" + e.to()));
                assertFalse(px.labels().isEmpty(), style + " has no labels");
                // one box per drawn layer, never two
                assertEquals(px.nodes().size(), px.nodes().stream().map(FigureTruth.NodeBox::layer).distinct().count());
            }
        }
    }

    @Test
    void labelsUseThePaperPhrasings() {
        org.paper2code.graph.Graph vgg = RealModels.load("vgg-16");
        var shapes = new org.paper2code.graph.GraphValidator().check(vgg);
        Layer conv = vgg.layer("conv1_1").orElseThrow();
        assertEquals("conv 3x3, 64", LabelPhrasing.label(conv, shapes.get("conv1_1"), LabelPhrasing.Phrasing.PAPER));
        assertEquals("Conv2D(64, (3,3))", LabelPhrasing.label(conv, shapes.get("conv1_1"), LabelPhrasing.Phrasing.CODE));
        assertEquals("conv3-64", LabelPhrasing.label(conv, shapes.get("conv1_1"), LabelPhrasing.Phrasing.VGG));
        assertEquals("FC-4096", LabelPhrasing.label(vgg.layer("fc6").orElseThrow(), shapes.get("fc6"), LabelPhrasing.Phrasing.CAPS));
        assertEquals("dropout 0.5", LabelPhrasing.label(vgg.layer("drop6").orElseThrow(), shapes.get("drop6"), LabelPhrasing.Phrasing.PAPER));
    }
}
