package org.paper2code.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Throwaway: real vectors (features + embedding) and folds, in train-classifier-linear.py's input format. */
public final class DumpReal {
    public static void main(String[] a) throws Exception {
        Path root = Path.of(a[0]);
        OpenCvNative.load();
        TrainClassifier t = new TrainClassifier(1, root.resolve("target/classifier-cache"), root.resolve("models/classifier/figure-cnn.onnx"));
        RealFigures real = new RealFigures(root);
        List<RealFigures.Sample> samples = real.load();
        TrainClassifier.Set s = t.real(samples);
        int[] fold = TrainClassifier.folds(s, samples, 10);
        Path dir = Path.of(a[1]);
        Files.createDirectories(dir);
        try (var o = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("features.f32"))))) {
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < s.size(); i++) {
                for (float v : s.x()[i]) o.writeFloat(v);
                rows.append("real\t").append(s.ids()[i]).append('\t').append(s.y()[i]).append('\t').append(fold[i]).append('\t')
                        .append(samples.get(i).image()).append('\t').append(samples.get(i).group()).append('\n');
            }
            Files.writeString(dir.resolve("rows.tsv"), rows);
        }
        System.err.println("dumped " + s.size());
    }
}
