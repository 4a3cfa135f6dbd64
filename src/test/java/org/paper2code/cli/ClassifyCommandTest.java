package org.paper2code.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.GraphJson;
import org.paper2code.synth.FigureFactory;

/** {@code paper2code classify}: one line per figure, the JSON shape, and bad files named without stopping the rest. */
class ClassifyCommandTest {
    private static Path figure(Path dir, DiagramStyle s, long seed) throws Exception {
        FigureFactory.Figure f = new FigureFactory().make(s.id() + "-" + seed, s, seed, "test");
        Path p = dir.resolve(f.fileName());
        Files.write(p, f.bytes());
        return p;
    }

    @Test
    void jsonArrayHasFileLabelAndAProbabilityPerStyle(@TempDir Path tmp) throws Exception {
        Path a = figure(tmp, DiagramStyle.NEURONS, 901);
        Path b = figure(tmp, DiagramStyle.BOX_3D, 902);
        CliRunner.Result r = CliRunner.run("classify", "--json", a.toString(), b.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = GraphJson.MAPPER.readTree(r.out());
        assertTrue(j.isArray());
        assertEquals(2, j.size());
        assertEquals(a.toString(), j.get(0).get("file").asText());
        assertEquals(b.toString(), j.get(1).get("file").asText());
        for (JsonNode o : j) {
            String label = o.get("label").asText();
            DiagramStyle.fromId(label);
            JsonNode p = o.get("probabilities");
            assertEquals(DiagramStyle.ids().size(), p.size());
            double sum = 0;
            double best = -1;
            String arg = null;
            for (Iterator<String> it = p.fieldNames(); it.hasNext();) {
                String k = it.next();
                DiagramStyle.fromId(k);
                sum += p.get(k).asDouble();
                if (p.get(k).asDouble() > best) {
                    best = p.get(k).asDouble();
                    arg = k;
                }
            }
            assertEquals(1.0, sum, 1e-3);
            assertEquals(arg, label, "label is the most probable style");
            assertTrue(o.get("millis").get("features").asDouble() >= 0);
        }
    }

    @Test
    void plainOutputIsFileLabelConfidence(@TempDir Path tmp) throws Exception {
        Path a = figure(tmp, DiagramStyle.OTHER, 903);
        CliRunner.Result r = CliRunner.run("classify", a.toString());
        assertEquals(0, r.exitCode(), r.err());
        String[] cols = r.out().trim().split("\t");
        assertEquals(3, cols.length, r.out());
        assertEquals(a.toString(), cols[0]);
        DiagramStyle.fromId(cols[1]);
        double p = Double.parseDouble(cols[2]);
        assertTrue(p > 0 && p <= 1, r.out());
    }

    @Test
    void badImagesAreNamedAndTheOthersStillClassified(@TempDir Path tmp) throws Exception {
        Path good = figure(tmp, DiagramStyle.BOX_2D, 904);
        Path empty = tmp.resolve("empty.png");
        Files.write(empty, new byte[0]);
        Path text = tmp.resolve("readme.jpg");
        Files.writeString(text, "not an image");
        CliRunner.Result r = CliRunner.run("classify", "--json", empty.toString(), good.toString(), text.toString(),
                tmp.resolve("missing.png").toString());
        assertEquals(Main.SOME_FAILED, r.exitCode());
        assertTrue(r.err().contains("empty.png"), r.err());
        assertTrue(r.err().contains("readme.jpg"), r.err());
        assertTrue(r.err().contains("missing.png"), r.err());
        JsonNode j = GraphJson.MAPPER.readTree(r.out());
        assertEquals(1, j.size());
        assertEquals(good.toString(), j.get(0).get("file").asText());
        assertFalse(r.err().contains("Exception"), "errors are messages, not stack traces: " + r.err());
    }

    @Test
    void missingModelIsAUsageError(@TempDir Path tmp) throws Exception {
        Path a = figure(tmp, DiagramStyle.OTHER, 905);
        CliRunner.Result r = CliRunner.run("classify", "--model", tmp.resolve("none.xml.gz").toString(), a.toString());
        assertEquals(Main.USAGE, r.exitCode());
        assertTrue(r.err().contains("none.xml.gz"), r.err());
    }
}
