package org.paper2code.classify;

import java.io.*;
import java.nio.file.*;
import org.paper2code.eval.DiagramStyle;

/** Throwaway: the committed three-model average's probabilities on a cached synthetic set (id, truth, six probabilities). */
public final class DumpHeld {
    public static void main(String[] a) throws Exception {
        OpenCvNative.load();
        StyleClassifier c = StyleClassifier.load(Path.of(a[0]).resolve("style-model.xml.gz"));
        StyleClassifier u = new StyleClassifier(c.model(), c.net(), c.linear(), c.embedding());
        StringBuilder out = new StringBuilder();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(a[1]))))) {
            int n = in.readInt();
            int d = in.readInt();
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                int y = in.readInt();
                float[] x = new float[d];
                for (int j = 0; j < d; j++) x[j] = in.readFloat();
                var p = u.probabilities(x);
                out.append(id).append('\t').append(y);
                for (DiagramStyle s : DiagramStyle.values()) out.append('\t').append(p.get(s));
                out.append('\n');
            }
        }
        Files.writeString(Path.of(a[2]), out);
    }
}
