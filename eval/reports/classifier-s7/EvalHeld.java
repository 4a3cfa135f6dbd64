package org.paper2code.classify;

import java.io.*;
import java.nio.file.*;
import org.paper2code.eval.DiagramStyle;

/** Throwaway: a classifier dir (forest, MLP, regression, gate, CNN) scored on a cached synthetic held-out file. */
public final class EvalHeld {
    public static void main(String[] a) throws Exception {
        OpenCvNative.load();
        StyleClassifier c = StyleClassifier.load(Path.of(a[0]).resolve("style-model.xml.gz"));
        System.err.println("gate: " + (c.gate() != null));
        StyleClassifier u = new StyleClassifier(c.model(), c.net(), c.linear(), c.embedding());
        double[] ws = {0.0, 0.25, 0.5, 1.0};
        Confusion[] cs = new Confusion[ws.length];
        for (int k = 0; k < ws.length; k++) cs[k] = new Confusion();
        Confusion conf = new Confusion();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(a[1]))))) {
            int n = in.readInt();
            int d = in.readInt();
            for (int i = 0; i < n; i++) {
                in.readUTF();
                int y = in.readInt();
                float[] x = new float[d];
                for (int j = 0; j < d; j++) x[j] = in.readFloat();
                var p = u.probabilities(x);
                double q = c.gate().architectureProbability(x);
                for (int k = 0; k < ws.length; k++) {
                    double other = (1 - ws[k]) * p.get(DiagramStyle.OTHER) + ws[k] * (1 - q);
                    cs[k].add(DiagramStyle.values()[y], StyleModel.argmax(StyleClassifier.gatedWith(p, other)));
                }
            }
        }
        for (int k = 0; k < ws.length; k++) System.out.println("gate weight " + ws[k] + ": " + cs[k].summary());
    }
}
