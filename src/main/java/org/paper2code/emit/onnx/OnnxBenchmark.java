package org.paper2code.emit.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import org.paper2code.emit.Formats;
import org.paper2code.graph.Graph;

/**
 * In-JVM timing of export + verify (used by scripts/bench-onnx): for each model file, a cold
 * first round, then warm rounds; prints milliseconds per phase.
 * Usage: {@code OnnxBenchmark ROUNDS FILE...}
 */
public final class OnnxBenchmark {
    private OnnxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        for (int a = 1; a < args.length; a++) {
            Path file = Path.of(args[a]);
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                Graph g = Formats.read(Files.readString(file), file.getFileName().toString());
                long t1 = System.nanoTime();
                OnnxVerifier.Report r = new OnnxVerifier().verify(g);
                long t2 = System.nanoTime();
                OnnxVerifier.Timings t = r.timings();
                System.out.printf("%s round %d: read %d ms, build %d ms, serialise %d ms, session %d ms, run %d ms, total %d ms;"
                                + " %s, %d layers, %,d learned parameters, %,d bytes%n", file.getFileName(), i + 1, (t1 - t0) / 1_000_000,
                        t.build(), t.serialise(), t.session(), t.run(), (t2 - t0) / 1_000_000,
                        r.ok() ? "shapes agree" : "MISMATCH " + r.error(), r.layers().size(), r.parameters().learned(), r.modelBytes());
            }
        }
    }
}
