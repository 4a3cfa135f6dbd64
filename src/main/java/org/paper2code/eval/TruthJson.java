package org.paper2code.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.GraphJson;

/**
 * Reads and writes the truth format ({@code paper2code-truth/1}), one format for synthetic
 * and hand-annotated data. A figure truth has {@code "kind": "figure"}, a paper truth
 * {@code "kind": "paper"}. Output is stable: same truth, same bytes.
 */
public final class TruthJson {
    public static final String FORMAT = "paper2code-truth/1";

    private TruthJson() {
    }

    public static String write(FigureTruth t) {
        ObjectNode root = header("figure");
        root.put("image", t.image());
        root.put("style", t.style().id());
        root.set("graph", t.graph() == null ? JsonNodeFactory.instance.nullNode() : GraphJson.toTree(t.graph()));
        ArrayNode nodes = root.putArray("nodes");
        for (FigureTruth.NodeBox n : t.nodes()) {
            ObjectNode o = nodes.addObject().put("layer", n.layer());
            box(o, n.box());
        }
        ArrayNode edges = root.putArray("edges");
        for (FigureTruth.EdgeBox e : t.edges()) {
            ObjectNode o = edges.addObject().put("from", e.from()).put("to", e.to());
            box(o, e.box());
        }
        ArrayNode labels = root.putArray("labels");
        for (FigureTruth.LabelBox l : t.labels()) {
            ObjectNode o = labels.addObject().put("text", l.text());
            box(o, l.box());
            if (l.layer() != null) {
                o.put("layer", l.layer());
            }
        }
        provenance(root, t.origin(), t.licence());
        return toString(root);
    }

    public static String write(PaperTruth t) {
        ObjectNode root = header("paper");
        root.put("pdf", t.pdf());
        ArrayNode figs = root.putArray("figures");
        for (PaperTruth.Figure f : t.figures()) {
            ObjectNode o = figs.addObject().put("page", f.page());
            box(o, f.bbox());
            o.put("label", f.label());
            o.put("caption", f.caption());
            o.put("style", f.style().id());
            o.set("graph", f.graph() == null ? JsonNodeFactory.instance.nullNode() : GraphJson.toTree(f.graph()));
        }
        ObjectNode hps = root.putObject("hyperparameters");
        for (Map.Entry<String, PaperTruth.HyperParameter> e : new TreeMap<>(t.hyperparameters()).entrySet()) {
            ObjectNode h = hps.putObject(e.getKey());
            h.set("value", GraphJson.MAPPER.valueToTree(e.getValue().value()));
            h.put("sentence", e.getValue().sentence());
            if (e.getValue().page() != null) {
                h.put("page", e.getValue().page());
            }
        }
        if (!t.tables().isEmpty()) {
            ArrayNode tables = root.putArray("tables");
            for (PaperTruth.Table tb : t.tables()) {
                ObjectNode o = tables.addObject().put("page", tb.page());
                o.put("label", tb.label());
                o.put("configuration", tb.configuration());
                o.set("graph", GraphJson.toTree(tb.graph()));
            }
        }
        provenance(root, t.origin(), t.licence());
        return toString(root);
    }

    public static FigureTruth readFigure(String json) {
        JsonNode root = parse(json, "figure");
        List<FigureTruth.NodeBox> nodes = new ArrayList<>();
        root.path("nodes").forEach(n -> nodes.add(new FigureTruth.NodeBox(n.path("layer").asText(), readBox(n))));
        List<FigureTruth.EdgeBox> edges = new ArrayList<>();
        root.path("edges").forEach(n -> edges.add(new FigureTruth.EdgeBox(n.path("from").asText(), n.path("to").asText(),
                n.has("bbox") ? readBox(n) : null)));
        List<FigureTruth.LabelBox> labels = new ArrayList<>();
        root.path("labels").forEach(n -> labels.add(new FigureTruth.LabelBox(n.path("text").asText(), readBox(n),
                n.hasNonNull("layer") ? n.get("layer").asText() : null)));
        return new FigureTruth(root.path("image").asText(), DiagramStyle.fromId(root.path("style").asText()),
                root.hasNonNull("graph") ? GraphJson.fromTree(root.get("graph")) : null, nodes, edges, labels,
                text(root, "origin"), text(root, "licence"));
    }

    public static PaperTruth readPaper(String json) {
        JsonNode root = parse(json, "paper");
        List<PaperTruth.Figure> figs = new ArrayList<>();
        for (JsonNode f : root.path("figures")) {
            figs.add(new PaperTruth.Figure(f.path("page").asInt(), readBox(f), text(f, "label"), text(f, "caption"),
                    DiagramStyle.fromId(f.path("style").asText("other")),
                    f.hasNonNull("graph") ? GraphJson.fromTree(f.get("graph")) : null));
        }
        Map<String, PaperTruth.HyperParameter> hps = new LinkedHashMap<>();
        root.path("hyperparameters").fields().forEachRemaining(e -> hps.put(e.getKey(), new PaperTruth.HyperParameter(
                GraphJson.toJava(e.getValue().path("value")), text(e.getValue(), "sentence"),
                e.getValue().hasNonNull("page") ? e.getValue().get("page").asInt() : null)));
        List<PaperTruth.Table> tables = new ArrayList<>();
        for (JsonNode t : root.path("tables")) {
            tables.add(new PaperTruth.Table(t.path("page").asInt(), text(t, "label"), text(t, "configuration"),
                    GraphJson.fromTree(t.get("graph"))));
        }
        return new PaperTruth(root.path("pdf").asText(), figs, hps, text(root, "origin"), text(root, "licence"), tables);
    }

    /** "figure" or "paper", or an exception when the text is not a truth document. */
    public static String kind(String json) {
        return parse(json, null).path("kind").asText();
    }

    private static JsonNode parse(String json, String expectedKind) {
        JsonNode root;
        try {
            root = GraphJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new GraphException("malformed truth JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new GraphException("not a truth document (\"format\" must be \"" + FORMAT + "\")");
        }
        if (expectedKind != null && !expectedKind.equals(root.path("kind").asText())) {
            throw new GraphException("truth document of kind '" + root.path("kind").asText() + "', expected '" + expectedKind + "'");
        }
        return root;
    }

    private static ObjectNode header(String kind) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("kind", kind);
        return root;
    }

    private static void provenance(ObjectNode root, String origin, String licence) {
        if (origin != null) {
            root.put("origin", origin);
        }
        if (licence != null) {
            root.put("licence", licence);
        }
    }

    private static void box(ObjectNode o, Box b) {
        if (b != null) {
            ArrayNode a = o.putArray("bbox");
            b.toList().forEach(v -> a.add(Math.round(v * 100) / 100.0));
        }
    }

    private static Box readBox(JsonNode n) {
        JsonNode b = n.get("bbox");
        if (b == null || !b.isArray()) {
            return null;
        }
        List<Double> l = new ArrayList<>();
        b.forEach(x -> l.add(x.asDouble()));
        return Box.of(l);
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : null;
    }

    private static String toString(ObjectNode root) {
        try {
            return GraphJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
