package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.testing.TestCanvas;

class FigureParserTest {
    @TempDir
    Path dir;

    /** A hand-drawn (Java2D) chain of four labelled boxes with arrows, top to bottom. */
    static BufferedImage chain(String... labels) {
        BufferedImage img = new BufferedImage(420, 130 * labels.length, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        for (int i = 0; i < labels.length; i++) {
            int y = 20 + 130 * i;
            g.setColor(new Color(180, 210, 250));
            g.fillRoundRect(60, y, 300, 60, 12, 12);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2));
            g.drawRoundRect(60, y, 300, 60, 12, 12);
            g.drawString(labels[i], 80, y + 38);
            if (i + 1 < labels.length) {
                g.drawLine(210, y + 61, 210, y + 130 - 14);
                g.fillPolygon(new int[] {201, 219, 210}, new int[] {y + 130 - 16, y + 130 - 16, y + 130 - 1}, 3);
            }
        }
        g.dispose();
        return img;
    }

    @Test
    void parsesADrawnChainOfBoxes() throws IOException {
        Path png = dir.resolve("chain.png");
        ImageIO.write(chain("input 32x32x3", "conv 3x3, 32", "max pool /2", "fc 10, softmax"), "png", png.toFile());
        DetectionResult r = new FigureParser().parse(png, DiagramStyle.BOX_2D);
        Graph g = r.graph();
        List<String> types = g.layers().stream().map(Layer::type).toList();
        assertEquals(List.of("Input", "Conv2D", "Pooling2D", "Flatten", "Dense"), types, "layers " + g.layers());
        assertTrue(r.repairs().stream().anyMatch(s -> s.contains("flatten")), "the Flatten is a recorded repair: " + r.repairs());
        Layer conv = g.layers().get(1);
        assertEquals(32, conv.param("filters"));
        assertEquals(3, conv.param("kernel_row"));
        assertEquals("softmax", g.layers().get(4).param("activation"));
        assertEquals(List.of(g.layers().get(0).name()), conv.from());
        assertTrue(new GraphValidator().validate(g).ok(), new GraphValidator().validate(g).summary());
        assertTrue(r.edgeConfidence().values().stream().allMatch(c -> c > 0.5), "arrow heads were seen: " + r.edgeConfidence());
        assertNotNull(r.overlay());
    }

    /** A fork into two branches joined again by a circled plus, drawn top-down with small arrow heads. */
    static BufferedImage forkAndSum() {
        BufferedImage img = new BufferedImage(520, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        g.setStroke(new BasicStroke(2));
        int[][] boxes = {{160, 20}, {30, 160}, {290, 160}};
        String[] labels = {"conv 3x3, 64", "conv 1x1, 32", "conv 5x5, 32"};
        for (int i = 0; i < 3; i++) {
            g.setColor(Color.BLACK);
            g.drawRect(boxes[i][0], boxes[i][1], 200, 56);
            g.drawString(labels[i], boxes[i][0] + 20, boxes[i][1] + 36);
        }
        // fork: top box to both branch boxes
        arrow(g, 260, 77, 130, 158);
        arrow(g, 260, 77, 390, 158);
        // join: both branches into the circled plus
        g.drawOval(245, 300, 30, 30);
        g.drawLine(250, 315, 270, 315);
        g.drawLine(260, 305, 260, 325);
        arrow(g, 130, 217, 248, 306);
        arrow(g, 390, 217, 272, 306);
        g.dispose();
        return img;
    }

    private static void arrow(Graphics2D g, int x0, int y0, int x1, int y1) {
        g.drawLine(x0, y0, x1, y1);
        double a = Math.atan2(y1 - y0, x1 - x0);
        int[] xs = {x1, (int) Math.round(x1 - 12 * Math.cos(a - 0.4)), (int) Math.round(x1 - 12 * Math.cos(a + 0.4))};
        int[] ys = {y1, (int) Math.round(y1 - 12 * Math.sin(a - 0.4)), (int) Math.round(y1 - 12 * Math.sin(a + 0.4))};
        g.fillPolygon(xs, ys, 3);
    }

    @Test
    void forkIntoBranchesAndASumSymbol() throws IOException {
        Path png = dir.resolve("fork.png");
        ImageIO.write(forkAndSum(), "png", png.toFile());
        Graph g = new FigureParser().parse(png, DiagramStyle.BOX_2D).graph();
        Layer add = g.layers().stream().filter(l -> l.type().equals("Add")).findFirst().orElse(null);
        assertNotNull(add, "the circled plus is an Add layer: " + g.layers());
        assertEquals(2, add.from().size(), "both branches enter the sum: " + g.layers());
        Layer top = g.layers().stream().filter(l -> Integer.valueOf(64).equals(l.param("filters"))).findFirst().orElseThrow();
        for (Layer l : g.layers()) {
            if (Integer.valueOf(32).equals(l.param("filters"))) {
                assertEquals(List.of(top.name()), l.from(), "each branch is fed by the forking layer only, not by its sibling: " + g.layers());
            }
        }
    }

    @Test
    void blankImageGivesEmptyGraphWithReason() throws IOException {
        Path png = dir.resolve("blank.png");
        BufferedImage img = TestCanvas.white(300, 200);
        Graphics2D g = TestCanvas.pen(img, false);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
        for (DiagramStyle s : DiagramStyle.values()) {
            DetectionResult r = new FigureParser().parse(png, s);
            assertTrue(r.empty(), s + " gave layers on a blank image");
            assertNotNull(r.reason(), s + " gave no reason");
            assertFalse(r.reason().isBlank());
        }
    }

    @Test
    void undecodableImageIsAClearError() throws IOException {
        Path bad = dir.resolve("not-an-image.png");
        Files.writeString(bad, "this is text, not pixels");
        IOException e = assertThrows(IOException.class, () -> new FigureParser().parse(bad, DiagramStyle.BOX_2D));
        assertTrue(e.getMessage().contains("cannot decode"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> new FigureParser().parse(dir.resolve("nope.png"), DiagramStyle.BOX_2D));
        assertTrue(missing.getMessage().contains("no such image"), missing.getMessage());
    }

    @Test
    void readsImageIoOnlyFormats() throws IOException {
        Path bmp = dir.resolve("chain.bmp");
        ImageIO.write(chain("input 28x28x1", "fc 10"), "bmp", bmp.toFile());
        DetectionResult r = new FigureParser().parse(bmp, DiagramStyle.BOX_2D);
        assertFalse(r.empty(), String.valueOf(r.reason()));
    }
}
