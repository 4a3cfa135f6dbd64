package org.paper2code.classify;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Session 8 gate experiment helper. "extract ROOT": the synthetic rows with the CNN embedding the gate experiment reads
 * (the first 1500 figures of `corpus synth --seed 11`, the figures TrainClassifier's gate takes, and the 600 held-out
 * figures of seed 12), into ROOT/target/classifier-cache exactly as TrainClassifier caches them.
 * "held ROOT MODELDIR": the classifier in MODELDIR (forest + MLP + regression [+ gate]) on the 600 held-out rows.
 */
public final class GateData {
    public static void main(String[] a) throws Exception {
        if (a[0].equals("digest")) {
            // the cache key of the compiled feature code (a change of training code alone changes it too)
            System.out.println(CodeDigest.of(TrainClassifier.class, java.util.List.of("org.paper2code.synth", "org.paper2code.graph", "org.paper2code.classify")));
            return;
        }
        Path root = Path.of(a[1]).toAbsolutePath();
        OpenCvNative.load();
        TrainClassifier t = new TrainClassifier(2, root.resolve("target/classifier-cache"), root.resolve("models/classifier/figure-cnn.onnx"));
        if (a[0].equals("extract")) {
            long t0 = System.nanoTime();
            t.synthetic(1500, 11, true);
            t.synthetic(600, 12, true);
            System.err.printf(Locale.ROOT, "extracted in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        } else {
            StyleClassifier c = StyleClassifier.load(Path.of(a[2]).resolve("style-model.xml.gz"));
            TrainClassifier.Set held = t.synthetic(600, 12, true);
            Confusion conf = TrainClassifier.evaluate(c, held);
            System.out.println("gate " + (c.gate() == null ? "none" : "weight " + c.gate().weight()) + ": held-out " + conf.summary());
            System.out.println(conf.markdown());
        }
    }
}
