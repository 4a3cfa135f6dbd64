package org.paper2code.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paper2code.graph.Training;

/**
 * What the text states about training: per canonical key the chosen value with its sentence and
 * page, the other values the paper also states for that key (several models or experiments:
 * {@link Mined#ambiguous()}), the datasets named and the reported metrics.
 */
public record MinedHyperparameters(Map<String, Mined> hyperparameters, List<Dataset> datasets, List<Metric> metrics) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public MinedHyperparameters {
        hyperparameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        datasets = List.copyOf(datasets);
        metrics = List.copyOf(metrics);
    }

    /** One stated value. */
    public record Evidence(Object value, String sentence, int page) {
    }

    /** The value chosen for a key and the differing values stated elsewhere in the paper. */
    public record Mined(Evidence chosen, List<Evidence> alternatives) {
        public Mined {
            alternatives = List.copyOf(alternatives);
        }

        public Object value() {
            return chosen.value();
        }

        public boolean ambiguous() {
            return !alternatives.isEmpty();
        }
    }

    /** A dataset the paper names; roles "train"/"eval" when the sentence says so. */
    public record Dataset(String name, List<String> roles, int mentions, String sentence, int page) {
        public Dataset {
            roles = List.copyOf(roles);
        }
    }

    /** A reported metric value as written (percent values stay percent). */
    public record Metric(String metric, double value, boolean percent, String sentence, int page) {
    }

    /** The graph's {@code training} block: canonical keys to the chosen values. */
    public Training toTraining() {
        Map<String, Object> m = new LinkedHashMap<>();
        hyperparameters.forEach((k, v) -> m.put(k, v.value()));
        return new Training(m);
    }

    /** Canonical key to value, as the evaluation scores it. */
    public Map<String, Object> values() {
        return toTraining().values();
    }

    /** {@code {"hyperparameters": {KEY: {value, sentence, page[, ambiguous, alternatives]}}, "datasets": [...], "metrics": [...]}}. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode hp = root.putObject("hyperparameters");
        hyperparameters.forEach((k, v) -> {
            ObjectNode o = evidence(v.chosen());
            if (v.ambiguous()) {
                o.put("ambiguous", true);
                ArrayNode alt = o.putArray("alternatives");
                v.alternatives().forEach(e -> alt.add(evidence(e)));
            }
            hp.set(k, o);
        });
        ArrayNode ds = root.putArray("datasets");
        for (Dataset d : datasets) {
            ObjectNode o = ds.addObject();
            o.put("name", d.name());
            ArrayNode roles = o.putArray("roles");
            d.roles().forEach(roles::add);
            o.put("mentions", d.mentions());
            o.put("sentence", d.sentence());
            o.put("page", d.page());
        }
        ArrayNode ms = root.putArray("metrics");
        for (Metric m : metrics) {
            ObjectNode o = ms.addObject();
            o.put("metric", m.metric());
            o.set("value", number(m.value()));
            if (m.percent()) {
                o.put("unit", "%");
            }
            o.put("sentence", m.sentence());
            o.put("page", m.page());
        }
        return root;
    }

    private static ObjectNode evidence(Evidence e) {
        ObjectNode o = JSON.createObjectNode();
        o.set("value", JSON.valueToTree(e.value()));
        o.put("sentence", e.sentence());
        o.put("page", e.page());
        return o;
    }

    private static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return JSON.getNodeFactory().numberNode((long) d);
        }
        return JSON.getNodeFactory().numberNode(d);
    }
}
