package org.paper2code.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Topology;

/**
 * Matches a predicted graph against a truth graph <em>without looking at layer names</em>
 * (a figure calls a layer "conv3-64", a paper "C1", a parser "layer_4").
 *
 * <p>Method:
 * <ol>
 * <li>Each layer gets a <b>depth</b>: the longest path from an input in the topologically
 *     ordered graph, divided by the graph's largest depth (so 0 = first layer, 1 = last;
 *     parallel branches of an Inception module share a depth). A graph with a cycle (a
 *     broken prediction) falls back to document order.</li>
 * <li>The <b>cost</b> of pairing predicted layer p with truth layer t is infinite (forbidden)
 *     when the types differ; otherwise
 *     {@code 0.5 * |depth(p) - depth(t)| + 0.25 * paramDisagreement + 0.25 * (1 - neighbourhoodSimilarity)},
 *     each term in [0, 1]. paramDisagreement is the share of the keys {@link #PARAM_KEYS} set
 *     by either layer whose values (with catalogue defaults) differ; neighbourhoodSimilarity is
 *     the multiset Jaccard of the two layers' neighbour types ("in:Conv2D", "out:Pooling2D").</li>
 * <li>The assignment with minimum total cost is found optimally with the {@link Hungarian}
 *     algorithm; pairs of different types are then dropped. Up to three more rounds add
 *     {@code 0.1 * (1 - edgeAgreement)}: the share of the two layers' neighbours that the previous round
 *     paired with each other, so twins (the identical 1x1 convolutions opening two Inception branches) pair
 *     by what they feed; without it an exact copy of the truth could score below 1. Then two predicted layers trade
 *     truth partners when that costs nothing by the cost above and more predicted edges hold (the rounds re-pair a
 *     chain of twins all at once and can end crosswise). Each kept pair is a node true
 *     positive; unpaired predicted layers are false positives, unpaired truth layers false negatives.</li>
 * <li>A predicted edge a&rarr;b is correct when a and b are paired with truth layers A and B
 *     and the truth has the edge A&rarr;B. Edges are counted once per distinct pair.</li>
 * <li>Parameter accuracy: over paired layers, each key of {@link #PARAM_KEYS} that the truth
 *     layer sets explicitly, and does not list in its {@code inferred} parameter (a value the
 *     annotator had to supply because the figure does not state it), is correct when the
 *     prediction's value (catalogue defaults applied, so an unset stride counts as 1) is
 *     numerically equal.</li>
 * <li>The graph is <b>exact</b> when every node and edge is matched with no extras.</li>
 * </ol>
 */
public final class GraphMatcher {
    /** The parameters whose agreement is measured. */
    public static final List<String> PARAM_KEYS = List.of("filters", "units", "kernel_row", "kernel_col", "stride_row", "stride_col");

    static final double W_DEPTH = 0.5;
    static final double W_PARAMS = 0.25;
    static final double W_NEIGHBOURS = 0.25;
    /** Weight of edge agreement with the previous round's pairing (a tie-breaker, below the other terms). */
    static final double W_EDGES = 0.1;
    private static final int EDGE_ROUNDS = 3;
    private static final double FORBIDDEN = 1e6;

    /** The outcome: predicted layer name to truth layer name, and the counts. */
    public record Match(Map<String, String> pairs, Prf nodes, Prf edges, Ratio params, boolean exact) {
    }

    public Match match(Graph predicted, Graph truth) {
        List<Layer> p = predicted.layers();
        List<Layer> t = truth.layers();
        Map<String, Double> dp = depths(predicted);
        Map<String, Double> dt = depths(truth);
        Map<String, Map<String, Integer>> np = neighbourhoods(predicted);
        Map<String, Map<String, Integer>> nt = neighbourhoods(truth);

        Map<String, String> pairs = new LinkedHashMap<>();
        if (!p.isEmpty() && !t.isEmpty()) {
            double[][] base = new double[p.size()][t.size()];
            for (int i = 0; i < p.size(); i++) {
                for (int j = 0; j < t.size(); j++) {
                    base[i][j] = cost(p.get(i), t.get(j), dp, dt, np, nt);
                }
            }
            pairs = assign(p, t, base);
            // twins (same type, params, depth and neighbour types, e.g. the 1x1 convs opening two inception
            // branches) cost the same either way round; what their neighbours were paired with tells them apart
            Map<String, Set<String>> adjP = adjacency(predicted);
            Map<String, Set<String>> adjT = adjacency(truth);
            for (int round = 0; round < EDGE_ROUNDS; round++) {
                double[][] cost = new double[p.size()][t.size()];
                for (int i = 0; i < p.size(); i++) {
                    for (int j = 0; j < t.size(); j++) {
                        cost[i][j] = base[i][j] >= FORBIDDEN ? FORBIDDEN
                                : base[i][j] + W_EDGES * (1 - agreement(p.get(i).name(), t.get(j).name(), pairs, adjP, adjT));
                    }
                }
                Map<String, String> next = assign(p, t, cost);
                if (next.equals(pairs)) {
                    break;
                }
                pairs = next;
            }
            pairs = swapTwins(p, t, base, pairs, edges(predicted), edges(truth));
        }
        Prf nodes = new Prf(pairs.size(), p.size() - pairs.size(), t.size() - pairs.size());

        Set<List<String>> pe = edges(predicted);
        Set<List<String>> te = edges(truth);
        int edgeTp = holding(pe, pairs, te);
        Prf edgeScore = new Prf(edgeTp, pe.size() - edgeTp, te.size() - edgeTp);

        Ratio params = Ratio.ZERO;
        Map<String, Layer> pByName = predicted.byName();
        Map<String, Layer> tByName = truth.byName();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            Layer pl = pByName.get(e.getKey());
            Layer tl = tByName.get(e.getValue());
            for (String key : PARAM_KEYS) {
                if (tl.has(key) && !inferred(tl).contains(key)) {
                    params = params.plus(sameNumber(LayerParams.of(pl).get(key), tl.param(key)));
                }
            }
        }
        boolean exact = nodes.fp() == 0 && nodes.fn() == 0 && edgeScore.fp() == 0 && edgeScore.fn() == 0;
        return new Match(pairs, nodes, edgeScore, params, exact);
    }

    /**
     * Twins the rounds can leave crosswise: re-pairing every layer at once by the previous round's pairing swaps a
     * chain of twins (two inputs and the two streams they feed) together, round after round. Two predicted layers
     * trade truth partners when that costs nothing by the base cost and more predicted edges then hold; repeated
     * until no trade helps (each trade adds an edge, so it ends).
     */
    private static Map<String, String> swapTwins(List<Layer> p, List<Layer> t, double[][] base, Map<String, String> pairs,
                                                 Set<List<String>> pe, Set<List<String>> te) {
        Map<String, Integer> pi = new HashMap<>();
        Map<String, Integer> ti = new HashMap<>();
        for (int i = 0; i < p.size(); i++) {
            pi.put(p.get(i).name(), i);
        }
        for (int j = 0; j < t.size(); j++) {
            ti.put(t.get(j).name(), j);
        }
        Map<String, List<List<String>>> incident = new HashMap<>();
        for (List<String> e : pe) {
            incident.computeIfAbsent(e.get(0), k -> new ArrayList<>()).add(e);
            if (!e.get(1).equals(e.get(0))) {
                incident.computeIfAbsent(e.get(1), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, String> out = new LinkedHashMap<>(pairs);
        List<String> paired = new ArrayList<>(out.keySet());
        boolean traded = true;
        while (traded) {
            traded = false;
            for (int x = 0; x < paired.size(); x++) {
                for (int y = x + 1; y < paired.size(); y++) {
                    String a = paired.get(x);
                    String b = paired.get(y);
                    int i = pi.get(a);
                    int k = pi.get(b);
                    int ja = ti.get(out.get(a));
                    int jb = ti.get(out.get(b));
                    if (base[i][jb] >= FORBIDDEN || base[k][ja] >= FORBIDDEN
                            || base[i][jb] + base[k][ja] > base[i][ja] + base[k][jb] + 1e-9) {
                        continue;
                    }
                    Set<List<String>> touched = new LinkedHashSet<>(incident.getOrDefault(a, List.of()));
                    touched.addAll(incident.getOrDefault(b, List.of()));
                    int before = holding(touched, out, te);
                    String partnerOfA = out.get(a);
                    out.put(a, out.get(b));
                    out.put(b, partnerOfA);
                    if (holding(touched, out, te) > before) {
                        traded = true;
                    } else {
                        out.put(b, out.get(a));
                        out.put(a, partnerOfA);
                    }
                }
            }
        }
        return out;
    }

    /** How many of the predicted edges hold in the truth under the pairing. */
    private static int holding(Set<List<String>> predictedEdges, Map<String, String> pairs, Set<List<String>> te) {
        int n = 0;
        for (List<String> e : predictedEdges) {
            String a = pairs.get(e.get(0));
            String b = pairs.get(e.get(1));
            if (a != null && b != null && te.contains(List.of(a, b))) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, String> assign(List<Layer> p, List<Layer> t, double[][] cost) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int[] assigned = Hungarian.solve(cost);
        for (int i = 0; i < p.size(); i++) {
            int j = assigned[i];
            if (j >= 0 && cost[i][j] < FORBIDDEN) {
                pairs.put(p.get(i).name(), t.get(j).name());
            }
        }
        return pairs;
    }

    /** Share of the two layers' directed neighbours that the current pairing maps onto each other (1 when neither has any). */
    private static double agreement(String a, String b, Map<String, String> pairs, Map<String, Set<String>> adjP,
                                    Map<String, Set<String>> adjT) {
        Set<String> na = adjP.getOrDefault(a, Set.of());
        Set<String> nb = adjT.getOrDefault(b, Set.of());
        if (na.isEmpty() && nb.isEmpty()) {
            return 1;
        }
        int same = 0;
        for (String n : na) {
            String dir = n.substring(0, n.indexOf(':') + 1);
            String partner = pairs.get(n.substring(dir.length()));
            if (partner != null && nb.contains(dir + partner)) {
                same++;
            }
        }
        return (double) same / Math.max(na.size(), nb.size());
    }

    /** Per layer, its neighbours as "in:name" and "out:name". */
    private static Map<String, Set<String>> adjacency(Graph g) {
        Map<String, Set<String>> out = new HashMap<>();
        Set<String> names = g.byName().keySet();
        for (Layer l : g.layers()) {
            for (String src : l.from()) {
                if (names.contains(src)) {
                    out.computeIfAbsent(l.name(), k -> new LinkedHashSet<>()).add("in:" + src);
                    out.computeIfAbsent(src, k -> new LinkedHashSet<>()).add("out:" + l.name());
                }
            }
        }
        return out;
    }

    private double cost(Layer a, Layer b, Map<String, Double> da, Map<String, Double> db,
                        Map<String, Map<String, Integer>> na, Map<String, Map<String, Integer>> nb) {
        if (!a.type().equals(b.type())) {
            return FORBIDDEN;
        }
        double depth = Math.abs(da.get(a.name()) - db.get(b.name()));
        return W_DEPTH * depth + W_PARAMS * paramDisagreement(a, b)
                + W_NEIGHBOURS * (1 - jaccard(na.get(a.name()), nb.get(b.name())));
    }

    static double paramDisagreement(Layer a, Layer b) {
        int compared = 0;
        int differ = 0;
        for (String key : PARAM_KEYS) {
            if (a.has(key) || b.has(key)) {
                compared++;
                if (!sameNumber(LayerParams.of(a).get(key), LayerParams.of(b).get(key))) {
                    differ++;
                }
            }
        }
        return compared == 0 ? 0 : (double) differ / compared;
    }

    /** The parameter names a layer marks as inferred (common parameter {@code inferred}). */
    static List<String> inferred(Layer l) {
        return l.param("inferred") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    static boolean sameNumber(Object x, Object y) {
        if (x instanceof Number a && y instanceof Number b) {
            return Math.abs(a.doubleValue() - b.doubleValue()) < 1e-9;
        }
        return x != null && x.equals(y);
    }

    private static double jaccard(Map<String, Integer> a, Map<String, Integer> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        if (keys.isEmpty()) {
            return 1;
        }
        int min = 0;
        int max = 0;
        for (String k : keys) {
            int x = a.getOrDefault(k, 0);
            int y = b.getOrDefault(k, 0);
            min += Math.min(x, y);
            max += Math.max(x, y);
        }
        return (double) min / max;
    }

    /** Longest path from an input, normalised to [0, 1]. */
    static Map<String, Double> depths(Graph g) {
        List<Layer> order;
        boolean acyclic = true;
        try {
            order = Topology.order(g);
        } catch (GraphException e) {
            order = g.layers();
            acyclic = false;
        }
        Map<String, Integer> depth = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            Layer l = order.get(i);
            int d = 0;
            if (acyclic) {
                for (String src : l.from()) {
                    Integer ds = depth.get(src);
                    if (ds != null) {
                        d = Math.max(d, ds + 1);
                    }
                }
            } else {
                d = i;
            }
            depth.putIfAbsent(l.name(), d);
        }
        int max = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<String, Double> out = new HashMap<>();
        depth.forEach((k, v) -> out.put(k, max == 0 ? 0.0 : (double) v / max));
        return out;
    }

    private static Map<String, Map<String, Integer>> neighbourhoods(Graph g) {
        Map<String, Layer> byName = g.byName();
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (Layer l : g.layers()) {
            out.putIfAbsent(l.name(), new HashMap<>());
        }
        for (Layer l : g.layers()) {
            for (String src : l.from()) {
                Layer s = byName.get(src);
                if (s != null) {
                    out.get(l.name()).merge("in:" + s.type(), 1, Integer::sum);
                    out.get(s.name()).merge("out:" + l.type(), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    /** Distinct (from, to) pairs whose ends both exist. */
    static Set<List<String>> edges(Graph g) {
        Set<String> names = g.byName().keySet();
        Set<List<String>> out = new LinkedHashSet<>();
        for (Layer l : g.layers()) {
            for (String src : l.from()) {
                if (names.contains(src)) {
                    out.add(List.of(src, l.name()));
                }
            }
        }
        return out;
    }
}
