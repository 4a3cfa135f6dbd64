package org.paper2code.graph;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the graph document ({@code paper2code-graph/1}): the seed's layer
 * objects ({@code layer_type}, {@code layer_name}, {@code layer_params}, {@code from_layers})
 * inside an envelope with optional {@code source} and {@code training}. A bare JSON list of
 * layer objects (the seed's own form) is read too.
 */
public final class GraphJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private GraphJson() {
    }

    /** Parses a graph document; errors name the line and column or the layer. */
    public static Graph read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new GraphException("malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new GraphException("empty document");
        }
        return fromTree(root);
    }

    public static boolean looksLikeGraph(JsonNode root) {
        if (root.isArray()) {
            return root.size() > 0 && root.get(0).has("layer_type");
        }
        return root.has("layers") && root.get("layers").isArray()
                && (root.has("format") || (root.get("layers").size() > 0 && root.get("layers").get(0).has("layer_type")));
    }

    public static Graph fromTree(JsonNode root) {
        JsonNode layersNode;
        GraphSource source = null;
        Training training = null;
        String name = null;
        if (root.isArray()) {
            layersNode = root;
        } else if (root.isObject()) {
            String format = root.path("format").asText(Graph.FORMAT);
            if (!format.equals(Graph.FORMAT)) {
                throw new GraphException("unsupported format '" + format + "' (expected " + Graph.FORMAT + ")");
            }
            layersNode = root.get("layers");
            if (layersNode == null || !layersNode.isArray()) {
                throw new GraphException("the document has no \"layers\" array");
            }
            name = root.hasNonNull("name") ? root.get("name").asText() : null;
            if (root.hasNonNull("source")) {
                source = readSource(root.get("source"));
            }
            if (root.hasNonNull("training")) {
                if (!root.get("training").isObject()) {
                    throw new GraphException("\"training\" must be an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) toJava(root.get("training"));
                training = new Training(values);
            }
        } else {
            throw new GraphException("a graph document is a JSON object or a list of layers");
        }
        List<Layer> layers = new ArrayList<>();
        int i = 0;
        for (JsonNode l : layersNode) {
            layers.add(readLayer(l, i++));
        }
        return new Graph(name, source, layers, training);
    }

    private static Layer readLayer(JsonNode node, int index) {
        String where = "layers[" + index + "]";
        if (!node.isObject()) {
            throw new GraphException(where + " is not an object");
        }
        JsonNode type = node.get("layer_type");
        JsonNode name = node.get("layer_name");
        if (type == null || !type.isTextual()) {
            throw new GraphException(where + ": \"layer_type\" is missing or not a string");
        }
        if (name == null || !(name.isTextual() || name.isNumber())) {
            throw new GraphException(where + " (" + type.asText() + "): \"layer_name\" is missing or not a string");
        }
        where = "layer '" + name.asText() + "'";
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode p = node.get("layer_params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new GraphException(where + ": \"layer_params\" must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    params.put(e.getKey(), toJava(e.getValue()));
                }
            }
        }
        List<String> from = new ArrayList<>();
        JsonNode f = node.get("from_layers");
        if (f != null && !f.isNull()) {
            if (f.isTextual()) {
                from.add(f.asText());
            } else if (f.isArray()) {
                for (JsonNode x : f) {
                    if (!x.isTextual()) {
                        throw new GraphException(where + ": \"from_layers\" must hold layer names (strings)");
                    }
                    from.add(x.asText());
                }
            } else {
                throw new GraphException(where + ": \"from_layers\" must be a list of layer names");
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!List.of("layer_type", "layer_name", "layer_params", "from_layers").contains(k)) {
                throw new GraphException(where + ": unknown key \"" + k + "\" (a layer has layer_type, layer_name, layer_params, from_layers)");
            }
        }
        return new Layer(type.asText(), name.asText(), params, from);
    }

    private static GraphSource readSource(JsonNode s) {
        if (!s.isObject()) {
            throw new GraphException("\"source\" must be an object");
        }
        return new GraphSource(text(s, "paper"), s.hasNonNull("page") ? s.get("page").asInt() : null,
                text(s, "figure"), text(s, "table"), text(s, "configuration"), text(s, "diagram_type"),
                s.hasNonNull("confidence") ? s.get("confidence").asDouble() : null);
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : null;
    }

    /** Converts a JSON value to plain Java values: Integer/Long/Double/Boolean/String/List/Map. */
    public static Object toJava(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.canConvertToInt() ? (Object) n.intValue() : (Object) n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(x -> list.add(toJava(x)));
            return list;
        }
        if (n.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        return null;
    }

    public static ObjectNode toTree(Graph graph) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", Graph.FORMAT);
        if (graph.name() != null) {
            root.put("name", graph.name());
        }
        if (graph.source() != null) {
            GraphSource s = graph.source();
            ObjectNode src = root.putObject("source");
            putIf(src, "paper", s.paper());
            if (s.page() != null) {
                src.put("page", s.page());
            }
            putIf(src, "figure", s.figure());
            putIf(src, "table", s.table());
            putIf(src, "configuration", s.configuration());
            putIf(src, "diagram_type", s.diagramType());
            if (s.confidence() != null) {
                src.put("confidence", s.confidence());
            }
        }
        ArrayNode layers = root.putArray("layers");
        for (Layer l : graph.layers()) {
            ObjectNode ln = layers.addObject();
            ln.put("layer_type", l.type());
            ln.put("layer_name", l.name());
            ln.set("layer_params", MAPPER.valueToTree(l.params()));
            ArrayNode from = ln.putArray("from_layers");
            l.from().forEach(from::add);
        }
        if (graph.training() != null && !graph.training().isEmpty()) {
            root.set("training", MAPPER.valueToTree(graph.training().values()));
        }
        return root;
    }

    private static void putIf(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }

    public static String write(Graph graph) {
        try {
            return MAPPER.writeValueAsString(toTree(graph)) + "\n";
        } catch (JsonProcessingException e) {
            throw new GraphException("cannot write graph: " + e.getOriginalMessage(), e);
        }
    }
}
