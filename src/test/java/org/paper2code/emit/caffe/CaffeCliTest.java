package org.paper2code.emit.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.Main;

/** {@code paper2code convert X.prototxt --to caffe} through the real CLI entry point. */
class CaffeCliTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void convertsAlexNetToCaffe() {
        Run r = run("convert", CaffeCorpus.file("bvlc_alexnet_deploy.prototxt").toString(), "--to", "caffe");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("name: \"AlexNet\""), r.out());
        assertTrue(r.out().contains("type: \"LRN\""), r.out());
        assertTrue(r.out().contains("group: 2"), r.out());
    }

    @Test
    void writesNetIntoAFolder() throws Exception {
        Path outDir = tmp.resolve("out");
        Run r = run("convert", CaffeCorpus.file("mnist_lenet.prototxt").toString(), "--to", "caffe", "-o", outDir.toString());
        assertEquals(0, r.code(), r.err());
        String net = Files.readString(outDir.resolve("net.prototxt"));
        assertEquals("LeNet", CaffeText.parseNet(net, "net.prototxt").net().getName());
    }

    @Test
    void badPrototxtExitsTwoWithTheLocation() throws Exception {
        Path bad = tmp.resolve("bad.prototxt");
        Files.writeString(bad, "name: \"broken\"\nlayer {\n  name: \"conv1\"\n  type: \"Convolution\"\n");
        Run r = run("convert", bad.toString(), "--to", "caffe");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("bad.prototxt: line 5, column 1: "), r.err());
    }
}
