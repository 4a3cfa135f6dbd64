package org.paper2code.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Checks a graph against the catalogue: known types, known and well-typed parameters,
 * required parameters, unique names, existing inputs, arity, no cycles, and shapes that fit.
 */
public final class GraphValidator {
    private final LayerCatalogue catalogue;

    public GraphValidator(LayerCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public GraphValidator() {
        this(LayerCatalogue.standard());
    }

    /** The outcome: every problem found, and the shapes when the graph is sound enough to infer them. */
    public record Report(List<Problem> problems, Map<String, Shape> shapes) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public String summary() {
            return String.join("\n", problems.stream().map(Problem::toString).toList());
        }
    }

    public Report validate(Graph graph) {
        List<Problem> problems = new ArrayList<>();
        if (graph.layers().isEmpty()) {
            problems.add(new Problem(null, "the graph has no layers"));
            return new Report(problems, Map.of());
        }
        Set<String> names = new HashSet<>();
        for (Layer layer : graph.layers()) {
            if (layer.name().isBlank()) {
                problems.add(new Problem(layer.name(), "layer_name is empty"));
            }
            if (!names.add(layer.name())) {
                problems.add(new Problem(layer.name(), "duplicate layer_name"));
            }
        }
        for (Layer layer : graph.layers()) {
            checkLayer(layer, names, problems);
        }
        if (problems.isEmpty()) {
            try {
                return new Report(problems, new ShapeInference(catalogue).infer(graph));
            } catch (GraphException e) {
                problems.add(new Problem(null, e.getMessage()));
            }
        } else {
            try {
                Topology.order(graph);
            } catch (GraphException e) {
                problems.add(new Problem(null, e.getMessage()));
            }
        }
        return new Report(problems, Map.of());
    }

    /** Validates and returns the shapes, or throws one exception listing every problem. */
    public Map<String, Shape> check(Graph graph) {
        Report r = validate(graph);
        if (!r.ok()) {
            throw new GraphException("invalid graph:\n  " + String.join("\n  ", r.problems().stream().map(Problem::toString).toList()));
        }
        return r.shapes();
    }

    private void checkLayer(Layer layer, Set<String> names, List<Problem> problems) {
        LayerSpec spec = catalogue.spec(layer.type()).orElse(null);
        if (spec == null) {
            problems.add(new Problem(layer.name(), "unknown layer type '" + layer.type() + "'" + suggestion(layer.type())));
            return;
        }
        for (Map.Entry<String, Object> e : layer.params().entrySet()) {
            ParamSpec ps = catalogue.param(layer.type(), e.getKey()).orElse(null);
            if (ps == null) {
                problems.add(new Problem(layer.name(), layer.type() + " has no parameter '" + e.getKey() + "' (it has "
                        + spec.params().keySet() + ")"));
                continue;
            }
            Object v = e.getValue();
            if (!ps.type().accepts(v)) {
                problems.add(new Problem(layer.name(), "parameter '" + e.getKey() + "' must be " + ps.type().label()
                        + " but is " + describe(v)));
                continue;
            }
            if (!ps.values().isEmpty() && !ps.values().contains(String.valueOf(v))) {
                problems.add(new Problem(layer.name(), "parameter '" + e.getKey() + "' is '" + v + "', not one of " + ps.values()));
            }
            if (ps.min() != null && v instanceof Number n && n.doubleValue() < ps.min().doubleValue()) {
                problems.add(new Problem(layer.name(), "parameter '" + e.getKey() + "' is " + v + ", below its minimum " + ps.min()));
            }
        }
        for (ParamSpec req : spec.requiredParams()) {
            if (!layer.params().containsKey(req.name())) {
                problems.add(new Problem(layer.name(), layer.type() + " needs parameter '" + req.name() + "'"));
            }
        }
        for (String src : layer.from()) {
            if (!names.contains(src)) {
                problems.add(new Problem(layer.name(), "from_layers names '" + src + "', which is not a layer of this graph"));
            } else if (src.equals(layer.name())) {
                problems.add(new Problem(layer.name(), "reads from itself"));
            }
        }
        int n = layer.from().size();
        if (n < spec.minInputs() || (spec.maxInputs() >= 0 && n > spec.maxInputs())) {
            problems.add(new Problem(layer.name(), layer.type() + " takes " + spec.arityText() + " input(s) but has " + n));
        }
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String s = v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
        return (s.length() > 60 ? s.substring(0, 60) + "..." : s) + " (" + v.getClass().getSimpleName().toLowerCase() + ")";
    }

    private String suggestion(String type) {
        String best = catalogue.all().stream().map(LayerSpec::type)
                .min(Comparator.comparingInt(t -> distance(t.toLowerCase(), type.toLowerCase()))).orElse(null);
        return best != null && distance(best.toLowerCase(), type.toLowerCase()) <= 3 ? "; did you mean '" + best + "'?" : "";
    }

    private static int distance(String a, String b) {
        return LevenshteinDistance.getDefaultInstance().apply(a, b);
    }
}
