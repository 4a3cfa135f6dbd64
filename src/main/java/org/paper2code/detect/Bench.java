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
        String overlays = System.getenv("P2C_BENCH_OVERLAYS");
        // P2C_BENCH_STYLES=2d-box,pipeline: only figures of these styles (to look at one parser at a time)
        String onlyStyles = System.getenv("P2C_BENCH_STYLES");
        List<String> styles = onlyStyles == null ? null : List.of(onlyStyles.split(","));
        int[] nodes = new int[3];
        int[] edges = new int[3];
        int exact = 0;
        int scored = 0;
        int[] params = new int[2];
        for (String a : args) {
            TruthCorpus corpus = TruthCorpus.load(Path.of(a), List.of(Path.of(a, "figures")));
            for (TruthCorpus.FigureItem f : corpus.figures()) {
                if (f.image() == null || !f.truth().style().isArchitecture()
                        || styles != null && !styles.contains(f.truth().style().id())) {
                    continue;
                }
                if (!warm) {
                    parser.parse(f.image(), f.truth().style());
                    warm = true;
                }
                long t0 = System.nanoTime();
                DetectionResult r = parser.parse(f.image(), f.truth().style());
                double s = (System.nanoTime() - t0) / 1e9;
                org.paper2code.eval.GraphMatcher.Match m = null;
                if (System.getenv("P2C_BENCH_SCORES") != null && f.truth().graph() != null) {
                    m = new org.paper2code.eval.GraphMatcher().match(r.graph(), f.truth().graph());
                    System.out.printf("%-40s %-15s nodes %2d/%2d F1 %.2f edges F1 %.2f %s%n", f.id(), f.truth().style().id(),
                            r.graph().layers().size(), f.truth().graph().layers().size(), m.nodes().f1(), m.edges().f1(),
                            r.reason() == null ? "" : r.reason());
                    nodes[0] += m.nodes().tp();
                    nodes[1] += m.nodes().fp();
                    nodes[2] += m.nodes().fn();
                    edges[0] += m.edges().tp();
                    edges[1] += m.edges().fp();
                    edges[2] += m.edges().fn();
                    exact += m.exact() ? 1 : 0;
                    params[0] += m.params().hits();
                    params[1] += m.params().total();
                    scored++;
                }
                if (overlays != null) {
                    String stem = f.id().replace('/', '_');
                    org.opencv.imgcodecs.Imgcodecs.imwrite(Path.of(overlays, stem + ".png").toString(), r.overlay());
                    java.nio.file.Files.writeString(Path.of(overlays, stem + ".graph.txt"), brief(r.graph()) + "\n" + String.join("\n", r.repairs())
                            + (m == null ? "" : "\n\n" + diff(r.graph(), f.truth().graph(), m)));
                }
                all.add(s);
                perStyle.computeIfAbsent(f.truth().style().id(), k -> new ArrayList<>()).add(s);
            }
        }
        if (scored > 0) {
            System.out.printf("micro node F1 %.3f, edge F1 %.3f, exact %d/%d, params %d/%d%n", f1(nodes), f1(edges), exact, scored,
                    params[0], params[1]);
        }
        System.out.printf("figures %d, median %.3f s, mean %.3f s, p90 %.3f s%n", all.size(), median(all),
                all.stream().mapToDouble(Double::doubleValue).average().orElse(0), quantile(all, 0.9));
        perStyle.forEach((k, v) -> System.out.printf("  %-15s n=%3d median %.3f s%n", k, v.size(), median(v)));
    }

    /** One line per layer: name, type, inputs (for reading a prediction next to its truth). */
    private static String brief(org.paper2code.graph.Graph g) {
        StringBuilder b = new StringBuilder();
        for (var l : g.layers()) {
            b.append(l.name()).append(' ').append(l.type()).append(' ').append(l.from()).append('\n');
        }
        return b.toString();
    }

    /** Which layers paired with which, and the edges only one side has (truth layer names). */
    private static String diff(org.paper2code.graph.Graph p, org.paper2code.graph.Graph t, org.paper2code.eval.GraphMatcher.Match m) {
        StringBuilder b = new StringBuilder("pairs " + m.pairs() + "\n");
        java.util.Set<String> te = new java.util.LinkedHashSet<>();
        for (var l : t.layers()) {
            l.from().forEach(f -> te.add(f + " -> " + l.name()));
        }
        java.util.Set<String> pe = new java.util.LinkedHashSet<>();
        for (var l : p.layers()) {
            for (String f : l.from()) {
                String a = m.pairs().getOrDefault(f, "?" + f);
                String c = m.pairs().getOrDefault(l.name(), "?" + l.name());
                pe.add(a + " -> " + c);
            }
        }
        b.append("unpaired truth ").append(t.layers().stream().map(l -> l.name() + ":" + l.type())
                .filter(s -> !m.pairs().containsValue(s.substring(0, s.indexOf(':')))).toList()).append('\n');
        pe.stream().filter(e -> !te.contains(e)).forEach(e -> b.append("extra ").append(e).append('\n'));
        te.stream().filter(e -> !pe.contains(e)).forEach(e -> b.append("missed ").append(e).append('\n'));
        // scored parameters that differ (the truth's value, then the prediction's)
        var pBy = p.byName();
        var tBy = t.byName();
        m.pairs().forEach((pn, tn) -> {
            var tl = tBy.get(tn);
            for (String key : org.paper2code.eval.GraphMatcher.PARAM_KEYS) {
                Object want = tl.param(key);
                Object got = org.paper2code.graph.LayerParams.of(pBy.get(pn)).get(key);
                boolean scored = !(tl.param("inferred") instanceof List<?> inf && inf.contains(key));
                if (want != null && scored && !String.valueOf(want).equals(String.valueOf(got))) {
                    b.append("param ").append(tn).append('.').append(key).append(" truth ").append(want).append(" got ").append(got).append('\n');
                }
            }
        });
        return b.toString();
    }

    private static double f1(int[] tpFpFn) {
        double d = 2.0 * tpFpFn[0] + tpFpFn[1] + tpFpFn[2];
        return d == 0 ? 0 : 2.0 * tpFpFn[0] / d;
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
