package org.paper2code.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.paper2code.eval.TruthCorpus;

/**
 * Times the diagram parser (image decoding, shapes, OCR, assembly; not JVM start) on every architecture figure
 * of the truth folders given, with the truth style, after one warm-up figure. Prints the median and per-style
 * medians in seconds. Used by scripts/bench-detect.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<Double> all = new ArrayList<>();
        Map<String, List<Double>> perStyle = new TreeMap<>();
        FigureParser parser = new FigureParser();
        boolean warm = false;
        for (String a : args) {
            TruthCorpus corpus = TruthCorpus.load(Path.of(a), List.of(Path.of(a, "figures")));
            for (TruthCorpus.FigureItem f : corpus.figures()) {
                if (f.image() == null || !f.truth().style().isArchitecture()) {
                    continue;
                }
                if (!warm) {
                    parser.parse(f.image(), f.truth().style());
                    warm = true;
                }
                long t0 = System.nanoTime();
                DetectionResult r = parser.parse(f.image(), f.truth().style());
                double s = (System.nanoTime() - t0) / 1e9;
                if (System.getenv("P2C_BENCH_SCORES") != null && f.truth().graph() != null) {
                    var m = new org.paper2code.eval.GraphMatcher().match(r.graph(), f.truth().graph());
                    System.out.printf("%-40s %-15s nodes %2d/%2d F1 %.2f edges F1 %.2f %s%n", f.id(), f.truth().style().id(),
                            r.graph().layers().size(), f.truth().graph().layers().size(), m.nodes().f1(), m.edges().f1(),
                            r.reason() == null ? "" : r.reason());
                }
                all.add(s);
                perStyle.computeIfAbsent(f.truth().style().id(), k -> new ArrayList<>()).add(s);
            }
        }
        System.out.printf("figures %d, median %.3f s, mean %.3f s, p90 %.3f s%n", all.size(), median(all),
                all.stream().mapToDouble(Double::doubleValue).average().orElse(0), quantile(all, 0.9));
        perStyle.forEach((k, v) -> System.out.printf("  %-15s n=%3d median %.3f s%n", k, v.size(), median(v)));
    }

    static double median(List<Double> v) {
        return quantile(v, 0.5);
    }

    static double quantile(List<Double> v, double q) {
        if (v.isEmpty()) {
            return 0;
        }
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.floor(q * s.size())));
    }
}
