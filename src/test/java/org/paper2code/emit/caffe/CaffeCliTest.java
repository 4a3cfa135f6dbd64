package org.paper2code.emit.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.paper2code.cli.CliRunner;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.Main;

/** {@code paper2code convert X.prototxt --to caffe} through the real CLI entry point. */
class CaffeCliTest {
    @TempDir
    Path tmp;

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    @Test
    void convertsAlexNetToCaffe() {
        CliRunner.Result r = run("convert", CaffeCorpus.file("bvlc_alexnet_deploy.prototxt").toString(), "--to", "caffe");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("name: \"AlexNet\""), r.out());
        assertTrue(r.out().contains("type: \"LRN\""), r.out());
        assertTrue(r.out().contains("group: 2"), r.out());
    }

    @Test
    void writesNetIntoAFolder() throws Exception {
        Path outDir = tmp.resolve("out");
        CliRunner.Result r = run("convert", CaffeCorpus.file("mnist_lenet.prototxt").toString(), "--to", "caffe", "-o", outDir.toString());
        assertEquals(0, r.exitCode(), r.err());
        String net = Files.readString(outDir.resolve("net.prototxt"));
        assertEquals("LeNet", CaffeText.parseNet(net, "net.prototxt").net().getName());
    }

    @Test
    void badPrototxtExitsTwoWithTheLocation() throws Exception {
        Path bad = tmp.resolve("bad.prototxt");
        Files.writeString(bad, "name: \"broken\"\nlayer {\n  name: \"conv1\"\n  type: \"Convolution\"\n");
        CliRunner.Result r = run("convert", bad.toString(), "--to", "caffe");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("bad.prototxt: line 5, column 1: "), r.err());
    }
}
