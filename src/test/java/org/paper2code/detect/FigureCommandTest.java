package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.CliRunner;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;

class FigureCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesGraphOverlayCodeAndMex() throws Exception {
        Path png = dir.resolve("fig.png");
        ImageIO.write(FigureParserTest.chain("input 32x32x3", "conv 3x3, 16", "max pool /2", "fc 10"), "png", png.toFile());
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("figure", png.toString(), "--style", "2d-box", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        Graph g = GraphJson.read(Files.readString(out.resolve("graph.json")));
        assertTrue(g.layers().size() >= 4, g.layers().toString());
        assertTrue(ImageIO.read(out.resolve("overlay.png").toFile()) != null, "overlay.png is an image");
        assertTrue(Files.readString(out.resolve("mex.ttl")).contains("@prefix"));
        assertTrue(Files.exists(out.resolve("keras_model.py")));
        assertTrue(Files.exists(out.resolve("pytorch_model.py")));
        assertTrue(Files.exists(out.resolve("net.prototxt")));
        assertTrue(Files.readString(out.resolve("detection.json")).contains("layer_confidence"));
    }

    @Test
    void withoutStyleTheFigureIsClassifiedFirst() throws Exception {
        Path png = dir.resolve("fig.png");
        ImageIO.write(FigureParserTest.chain("input 32x32x3", "fc 10"), "png", png.toFile());
        CliRunner.Result r = CliRunner.run("figure", png.toString(), "-o", dir.resolve("o").toString());
        assertTrue(r.err().contains("paper2code figure: classified as "), r.err());
        assertTrue(r.exitCode() == 0 || r.err().contains("not an architecture figure"), r.err());
    }
}
