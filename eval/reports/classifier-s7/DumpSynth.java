package org.paper2code.classify;

import java.nio.file.Path;

/** Throwaway: features + embedding of corpus synth -n N --seed S, into the training cache (TrainClassifier.synthetic). */
public final class DumpSynth {
    public static void main(String[] a) throws Exception {
        Path root = Path.of(a[0]);
        OpenCvNative.load();
        TrainClassifier t = new TrainClassifier(2, root.resolve("target/classifier-cache"), root.resolve("models/classifier/figure-cnn.onnx"));
        TrainClassifier.Set s = t.synthetic(Integer.parseInt(a[1]), Long.parseLong(a[2]), true);
        System.err.println("synthetic rows " + s.size());
    }
}
