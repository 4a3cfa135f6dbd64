package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.GraphSource;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Topology;

/**
 * Detected elements and links to a graph: one layer per labelled element, edges from the links, then the
 * repairs a figure leaves implicit, each recorded: an Input in front of a headless graph, a link from the
 * reading-order predecessor for a layer nothing feeds, a Concat where several branches enter one layer,
 * a Flatten between feature maps and a dense layer.
 */
public final class Assembler {
    private static final Set<String> SPATIAL = Set.of("Conv2D", "Deconv2D", "Pooling2D", "Upsampling2D", "ZeroPadding2D", "Crop2D",
            "LRN", "RoIPooling");
    /** Value in the upstream map: nothing is drawn before this element in its column (it starts a branch). */
    public static final int NO_UPSTREAM = -2;
    private static final Set<String> MERGES = Set.of("Concat", "Add", "Multiply", "Maximum");

    /** The assembled graph and its bookkeeping. */
    public record Assembly(Graph graph, Map<String, Double> layerConfidence, Map<String, Double> edgeConfidence, List<String> repairs,
                           List<String> problems, Map<Integer, String> names) {
    }

    /**
     * @param elements   detected elements; those without a label become Lambda steps when they carry text, else are dropped
     * @param links      detected connections between elements
     * @param readingKey position of each element along the figure's reading direction (for order and fallbacks)
     */
    public Assembly assemble(String name, List<Element> elements, List<Link> links, Comparator<Integer> readingOrder) {
        return assemble(name, elements, links, readingOrder, Map.of());
    }

    /**
     * @param upstream for an element, the element drawn just before it in its own column or row (its likely input
     *                 when no connection reaches it); the reading-order predecessor is used when absent
     */
    public Assembly assemble(String name, List<Element> elements, List<Link> links, Comparator<Integer> readingOrder,
                             Map<Integer, Integer> upstream) {
        List<String> repairs = new ArrayList<>();
        Map<Integer, Layer> layers = new LinkedHashMap<>();
        Map<String, Integer> counters = new HashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<String, Double> layerConf = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            order.add(i);
        }
        order.sort(readingOrder);
        for (int i : order) {
            Element e = elements.get(i);
            String type;
            Map<String, Object> params = new LinkedHashMap<>();
            double conf;
            if (e.label().isPresent()) {
                ParsedLabel p = e.label().get();
                type = p.type();
                params.putAll(p.params());
                if (!p.inferredKeys().isEmpty()) {
                    params.put("inferred", new ArrayList<>(p.inferredKeys()));
                }
                conf = p.confidence() * e.shapeConfidence();
            } else if (e.text() != null && e.text().replaceAll("[^A-Za-z]", "").length() >= 3) {
                type = "Lambda";
                params.put("note", e.text().lines().findFirst().orElse("").strip());
                conf = 0.4 * e.shapeConfidence();
            } else {
                continue;
            }
            String n = uniqueName(type, counters, names);
            names.put(i, n);
            layers.put(i, new Layer(type, n, params, List.of()));
            layerConf.put(n, conf);
        }
        leadingStepAsInput(order, layers, links, names, layerConf, counters, repairs);
        // an Input is always a source: a link drawn into one was read against its direction
        List<Link> directed = new ArrayList<>();
        for (Link l : links) {
            boolean intoInput = layers.containsKey(l.to()) && layers.get(l.to()).type().equals("Input")
                    && layers.containsKey(l.from()) && !layers.get(l.from()).type().equals("Input");
            directed.add(intoInput ? new Link(l.to(), l.from(), l.confidence()) : l);
        }
        links = directed;
        Map<Integer, List<Integer>> inputs = new LinkedHashMap<>();
        Map<String, Double> edgeConf = new LinkedHashMap<>();
        for (Link l : links) {
            if (layers.containsKey(l.from()) && layers.containsKey(l.to()) && l.from() != l.to()) {
                List<Integer> in = inputs.computeIfAbsent(l.to(), k -> new ArrayList<>());
                if (!in.contains(l.from())) {
                    in.add(l.from());
                    edgeConf.put(names.get(l.from()) + "->" + names.get(l.to()), l.confidence());
                }
            }
        }
        List<Integer> present = order.stream().filter(layers::containsKey).toList();
        if (present.isEmpty()) {
            return new Assembly(new Graph(name, null, List.of(), null), Map.of(), Map.of(), repairs, List.of(), names);
        }
        breakCycles(present, inputs, names, repairs, edgeConf);
        // a layer nothing feeds (other than an Input) gets the layer drawn before it in its column, else (nothing
        // before it there: a first layer of a parallel branch) the figure's input, else its reading-order predecessor
        List<Integer> sources = new ArrayList<>();
        for (int k = 0; k < present.size(); k++) {
            int i = present.get(k);
            if (layers.get(i).type().equals("Input") || !inputs.getOrDefault(i, List.of()).isEmpty()) {
                continue;
            }
            if (k == 0) {
                sources.add(i);
                continue;
            }
            Integer near = upstream.get(i);
            if (near != null && near == NO_UPSTREAM) {
                sources.add(i);
                continue;
            }
            int prev = near != null && layers.containsKey(near) ? near : present.get(k - 1);
            inputs.computeIfAbsent(i, x -> new ArrayList<>()).add(prev);
            edgeConf.put(names.get(prev) + "->" + names.get(i), 0.4);
            repairs.add("linked " + names.get(prev) + " -> " + names.get(i) + " (no connection found; "
                    + (near != null && layers.containsKey(near) ? "the layer before it in its column)" : "reading order)"));
        }
        List<Layer> out = new ArrayList<>();
        Integer drawnInput = present.stream().filter(i -> layers.get(i).type().equals("Input")).findFirst().orElse(null);
        if (!sources.isEmpty() && drawnInput != null) {
            for (int i : sources) {
                inputs.computeIfAbsent(i, x -> new ArrayList<>()).add(drawnInput);
                edgeConf.put(names.get(drawnInput) + "->" + names.get(i), 0.4);
                repairs.add("linked " + names.get(drawnInput) + " -> " + names.get(i) + " (no connection found; the figure's input)");
            }
        } else if (!sources.isEmpty()) {
            Layer in = new Layer("Input", uniqueName("Input", counters, names), Map.of("output_shape", List.of(3, -1, -1),
                    "inferred", List.of("output_shape")), List.of());
            out.add(in);
            names.put(-1, in.name());
            layerConf.put(in.name(), 0.3);
            for (int i : sources) {
                inputs.computeIfAbsent(i, x -> new ArrayList<>()).add(-1);
                repairs.add("added input " + in.name() + " in front of " + names.get(i));
            }
        }
        for (int i : present) {
            Layer l = layers.get(i);
            List<String> from = inputs.getOrDefault(i, List.of()).stream().map(names::get).toList();
            out.add(l.withFrom(from));
        }
        out = concatMultipleInputs(out, repairs, counters, names, layerConf);
        out = mergesWithOneInput(out, repairs, layerConf, edgeConf);
        out = flattenBeforeDense(out, repairs, counters, names, layerConf);
        Graph g = new Graph(name, null, out, null);
        try {
            List<Layer> sorted = Topology.order(g);
            g = new Graph(name, null, sorted, null);
        } catch (GraphException e) {
            // keep document order; the problem is reported below
        }
        GraphValidator.Report report = new GraphValidator().validate(g);
        if (!report.ok()) {
            Graph same = samePadding(g);
            if (same != g) {
                GraphValidator.Report r2 = new GraphValidator().validate(same);
                if (r2.problems().size() < report.problems().size()) {
                    repairs.add("set border_mode 'same' on convolutions and poolings that state no padding (shapes did not fit)");
                    g = same;
                    report = r2;
                }
            }
        }
        return new Assembly(g, layerConf, edgeConf, repairs, report.problems().stream().map(Object::toString).toList(), names);
    }

    /**
     * A figure of a block often starts with the previous block's last step ("Relu activation" at the bottom of an
     * Inception-v4 module): an activation, normalisation or dropout that nothing feeds, first in reading order, in
     * a figure that draws no input, stands for that block's output, so it becomes the Input (recorded as a repair).
     */
    private static void leadingStepAsInput(List<Integer> order, Map<Integer, Layer> layers, List<Link> links, Map<Integer, String> names,
                                           Map<String, Double> layerConf, Map<String, Integer> counters, List<String> repairs) {
        if (layers.values().stream().anyMatch(l -> l.type().equals("Input"))) {
            return;
        }
        Integer first = order.stream().filter(layers::containsKey).findFirst().orElse(null);
        if (first == null || !Set.of("Activation", "BatchNorm", "Dropout").contains(layers.get(first).type())) {
            return;
        }
        boolean fed = links.stream().anyMatch(l -> l.to() == first && l.from() != first && layers.containsKey(l.from()));
        boolean feeds = links.stream().anyMatch(l -> l.from() == first && l.to() != first && layers.containsKey(l.to()));
        if (fed || !feeds) {
            return;
        }
        String old = names.get(first);
        String type = layers.get(first).type();
        String n = uniqueName("Input", counters, names);
        layers.put(first, new Layer("Input", n, Map.of("output_shape", List.of(-1, -1, -1), "inferred", List.of("output_shape")), List.of()));
        names.put(first, n);
        layerConf.put(n, layerConf.remove(old) * 0.8);
        repairs.add("read " + old + " as the figure's input " + n + " (a leading " + type + " nothing feeds)");
    }

    /** Convolutions without stated padding as 'same' (marked inferred): what residual and inception figures assume. */
    private static Graph samePadding(Graph g) {
        boolean changed = false;
        List<Layer> out = new ArrayList<>();
        for (Layer l : g.layers()) {
            if ((l.type().equals("Conv2D") || l.type().equals("Deconv2D")) && !l.has("border_mode") && !l.has("pad_row")) {
                List<Object> inferred = new ArrayList<>(l.param("inferred") instanceof List<?> li ? li : List.of());
                inferred.add("border_mode");
                out.add(l.withParam("border_mode", "same").withParam("inferred", inferred));
                changed = true;
            } else {
                out.add(l);
            }
        }
        return changed ? new Graph(g.name(), g.source(), out, g.training()) : g;
    }

    private static void breakCycles(List<Integer> present, Map<Integer, List<Integer>> inputs, Map<Integer, String> names,
                                    List<String> repairs, Map<String, Double> edgeConf) {
        Map<Integer, Integer> rank = new HashMap<>();
        for (int k = 0; k < present.size(); k++) {
            rank.put(present.get(k), k);
        }
        // an edge against reading order that closes a cycle is dropped (figures do not draw recurrences as layers)
        for (int guard = 0; guard < 50 && hasCycle(present, inputs); guard++) {
            Integer worstTo = null;
            Integer worstFrom = null;
            int worst = 0;
            for (Map.Entry<Integer, List<Integer>> e : inputs.entrySet()) {
                for (int f : e.getValue()) {
                    int back = rank.getOrDefault(f, 0) - rank.getOrDefault(e.getKey(), 0);
                    if (back > worst || worstTo == null) {
                        worst = back;
                        worstTo = e.getKey();
                        worstFrom = f;
                    }
                }
            }
            if (worstTo == null) {
                return;
            }
            inputs.get(worstTo).remove(worstFrom);
            edgeConf.remove(names.get(worstFrom) + "->" + names.get(worstTo));
            repairs.add("dropped " + names.get(worstFrom) + " -> " + names.get(worstTo) + " (closed a cycle)");
        }
    }

    private static boolean hasCycle(List<Integer> nodes, Map<Integer, List<Integer>> inputs) {
        Map<Integer, Integer> state = new HashMap<>();
        for (int n : nodes) {
            if (visit(n, inputs, state)) {
                return true;
            }
        }
        return false;
    }

    private static boolean visit(int n, Map<Integer, List<Integer>> inputs, Map<Integer, Integer> state) {
        Integer s = state.get(n);
        if (s != null) {
            return s == 1;
        }
        state.put(n, 1);
        for (int f : inputs.getOrDefault(n, List.of())) {
            if (visit(f, inputs, state)) {
                return true;
            }
        }
        state.put(n, 2);
        return false;
    }

    private static List<Layer> concatMultipleInputs(List<Layer> layers, List<String> repairs, Map<String, Integer> counters,
                                                    Map<Integer, String> names, Map<String, Double> conf) {
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers) {
            if (l.from().size() > 1 && !MERGES.contains(l.type()) && !l.type().equals("RoIPooling")
                    && !l.type().equals("MultiHeadAttention")) {
                String n = uniqueName("Concat", counters, names);
                out.add(new Layer("Concat", n, Map.of(), l.from()));
                conf.put(n, 0.4);
                repairs.add("added " + n + " joining " + l.from() + " in front of " + l.name());
                out.add(l.withFrom(List.of(n)));
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * A merge symbol that only one traced line reaches (a texture read as a circled x, a join whose other arm was not
     * traced) cannot merge anything, and no framework accepts it: it is dropped and its readers read its one input.
     */
    static List<Layer> mergesWithOneInput(List<Layer> layers, List<String> repairs, Map<String, Double> layerConf,
                                          Map<String, Double> edgeConf) {
        Map<String, String> bypass = new HashMap<>();
        for (Layer l : layers) {
            if (MERGES.contains(l.type()) && l.from().size() == 1) {
                bypass.put(l.name(), l.from().get(0));
                layerConf.remove(l.name());
                repairs.add("dropped " + l.name() + " (a " + l.type() + " with one input: " + l.from().get(0) + ")");
            }
        }
        if (bypass.isEmpty()) {
            return layers;
        }
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers) {
            if (bypass.containsKey(l.name())) {
                continue;
            }
            List<String> from = l.from().stream().map(f -> resolved(f, bypass)).distinct().toList();
            for (String f : l.from()) {
                if (bypass.containsKey(f)) {
                    // the new edge is only as sure as the two it replaces
                    double a = edgeConf.getOrDefault(bypass.get(f) + "->" + f, 0.4);
                    double b = edgeConf.getOrDefault(f + "->" + l.name(), 0.4);
                    edgeConf.put(resolved(f, bypass) + "->" + l.name(), Math.min(a, b));
                }
            }
            out.add(from.equals(l.from()) ? l : l.withFrom(from));
        }
        edgeConf.keySet().removeIf(e -> bypass.keySet().stream().anyMatch(m -> e.startsWith(m + "->") || e.endsWith("->" + m)));
        // a merge that read the dropped one and its input now has one input itself
        return mergesWithOneInput(out, repairs, layerConf, edgeConf);
    }

    /** Follows dropped merges back to the layer they stood for (a chain of them is followed to its end). */
    private static String resolved(String name, Map<String, String> bypass) {
        String n = name;
        while (bypass.containsKey(n)) {
            n = bypass.get(n);
        }
        return n;
    }

    private static List<Layer> flattenBeforeDense(List<Layer> layers, List<String> repairs, Map<String, Integer> counters,
                                                  Map<Integer, String> names, Map<String, Double> conf) {
        Map<String, Layer> byName = new HashMap<>();
        layers.forEach(l -> byName.put(l.name(), l));
        Map<String, Integer> rank = new HashMap<>();
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers) {
            if (l.type().equals("Dense") && l.from().size() == 1 && rank(l.from().get(0), byName, rank, new LinkedHashSet<>()) >= 3) {
                String n = uniqueName("Flatten", counters, names);
                out.add(new Layer("Flatten", n, Map.of(), l.from()));
                conf.put(n, 0.5);
                repairs.add("added " + n + " between " + l.from().get(0) + " and dense layer " + l.name());
                Layer fixed = l.withFrom(List.of(n));
                out.add(fixed);
                byName.put(n, out.get(out.size() - 2));
                byName.put(l.name(), fixed);
                rank.put(n, 1);
                rank.put(l.name(), 1);
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /** The rank of a layer's output without running shape inference (which stops at the first problem). */
    private static int rank(String name, Map<String, Layer> byName, Map<String, Integer> memo, Set<String> seen) {
        Integer known = memo.get(name);
        if (known != null) {
            return known;
        }
        Layer l = byName.get(name);
        if (l == null || !seen.add(name)) {
            return 1;
        }
        int r;
        if (l.type().equals("Input")) {
            // a shape only assumed (the figure states none, as Caffe's "input1 (Input)") tells no feature maps: a dense
            // layer right after such an input reads a vector (an MLP's), and a Flatten there would be invented
            boolean assumed = l.param("inferred") instanceof List<?> in && in.contains("output_shape");
            r = l.param("output_shape") instanceof List<?> s && !assumed ? s.size() : 1;
        } else if (SPATIAL.contains(l.type())) {
            r = 3;
        } else if (l.type().equals("Lambda")) {
            // an opaque step may reshape its input to anything: without a size written on it, no Flatten is owed
            r = l.param("output_shape") instanceof List<?> s ? s.size() : 1;
        } else if (Set.of("Flatten", "GlobalPooling2D", "LSTM", "GRU", "SimpleRNN", "Bidirectional").contains(l.type())) {
            r = l.type().equals("GlobalPooling2D") ? 1 : Boolean.TRUE.equals(l.param("return_sequences")) ? 2 : 1;
        } else if (l.type().equals("Embedding")) {
            r = 2;
        } else if (l.from().isEmpty()) {
            r = 1;
        } else {
            r = rank(l.from().get(0), byName, memo, seen);
        }
        memo.put(name, r);
        return r;
    }

    static String uniqueName(String type, Map<String, Integer> counters, Map<Integer, String> names) {
        String base = switch (type) {
            case "Conv2D" -> "conv";
            case "Deconv2D" -> "deconv";
            case "Pooling2D" -> "pool";
            case "GlobalPooling2D" -> "gpool";
            case "Dense" -> "fc";
            case "BatchNorm" -> "bn";
            case "Activation" -> "act";
            default -> type.toLowerCase(Locale.ROOT);
        };
        int k = counters.merge(base, 1, Integer::sum);
        return base + k;
    }
}
