package org.paper2code.emit.keras;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paper2code.emit.ImportException;
import org.paper2code.emit.Importer;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphSource;

/**
 * Reads a Keras model config ({@code model.to_json()}) into the graph: Sequential and
 * Functional models, Keras 1 layouts (config as a bare list, {@code nb_filter},
 * {@code border_mode}, {@code subsample}, {@code output_dim}), Keras 2 nested-list and Keras 3
 * {@code args}/{@code keras_history} inbound nodes, nested models flattened, tfjs
 * {@code model.json} ({@code modelTopology}). Shapes become channels-first; Lambda code is
 * never read.
 */
public final class KerasImporter implements Importer {
    private static final Set<String> MODEL_CLASSES = Set.of("Sequential", "Model", "Functional");

    @Override
    public String format() {
        return "keras";
    }

    @Override
    public Graph read(String text, String sourceName) {
        JsonNode root;
        try {
            root = GraphJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ImportException(sourceName + ": malformed Keras JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ImportException(sourceName + ": a Keras model JSON is an object with class_name and config");
        }
        if (root.has("modelTopology")) {
            root = root.get("modelTopology");
        }
        if (root.has("model_config")) {
            root = root.get("model_config");
        }
        if (!root.has("config")) {
            throw new ImportException(sourceName + ": no \"config\": not a Keras model JSON");
        }
        Reader r = new Reader(sourceName, usesChannelsFirst(root));
        r.model(root, List.of());
        JsonNode cfg = root.get("config");
        String name = cfg.isObject() && cfg.hasNonNull("name") ? cfg.get("name").asText() : null;
        return new Graph(name, GraphSource.ofFile(sourceName), r.conv.layers(), null);
    }

    /** Keras 1 "th" ordering or data_format channels_first anywhere: images stay channels-first. */
    private static boolean usesChannelsFirst(JsonNode root) {
        for (JsonNode n : root.findValues("data_format")) {
            if ("channels_first".equals(n.asText())) {
                return true;
            }
        }
        for (JsonNode n : root.findValues("dim_ordering")) {
            if ("th".equals(n.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Walks (possibly nested) models; the converter does the layers. */
    private static final class Reader {
        final String source;
        final boolean channelsFirst;
        final KerasLayerConverter conv;

        Reader(String source, boolean channelsFirst) {
            this.source = source;
            this.channelsFirst = channelsFirst;
            this.conv = new KerasLayerConverter(source);
        }

        ImportException fail(String reason) {
            return new ImportException(source + ": " + reason);
        }

        /** Imports a model fed by the given tensors (none for the top model); returns its outputs. */
        List<KerasTensor> model(JsonNode node, List<KerasTensor> inputs) {
            String cls = node.path("class_name").asText("");
            JsonNode cfg = node.get("config");
            if (cfg == null || cfg.isNull()) {
                throw fail("model '" + cls + "' has no config");
            }
            if (cfg.isArray()) {
                return sequential(cfg, inputs);
            }
            if (cls.equals("Sequential")) {
                return sequential(cfg.path("layers"), inputs);
            }
            if (cls.equals("Model") || cls.equals("Functional")) {
                return functional(cfg, inputs);
            }
            throw fail("top-level class '" + cls + "' is not a Keras model (Sequential, Model, Functional)");
        }

        static String layerName(JsonNode layer) {
            JsonNode n = layer.get("name");
            if (n == null || n.isNull()) {
                n = layer.path("config").get("name");
            }
            return n == null || n.isNull() ? null : n.asText();
        }

        List<KerasTensor> sequential(JsonNode layers, List<KerasTensor> inputs) {
            if (!layers.isArray() || layers.isEmpty()) {
                throw fail("a Sequential model without layers");
            }
            List<KerasTensor> prev = inputs;
            for (JsonNode layer : layers) {
                String cls = layer.path("class_name").asText("");
                String name = layerName(layer);
                JsonNode cfg = layer.path("config");
                if (MODEL_CLASSES.contains(cls)) {
                    prev = model(layer, prev);
                    continue;
                }
                if (cls.equals("InputLayer")) {
                    if (prev.isEmpty()) {
                        prev = List.of(input(name, cfg, cls, layers.size() > 1 ? layers.get(1).path("class_name").asText() : ""));
                    }
                    continue;
                }
                if (prev.isEmpty()) {
                    prev = List.of(input(name + "_input", cfg, cls, cls));
                }
                prev = List.of(conv.convert(cls, name, cfg, prev));
            }
            return prev;
        }

        /** An Input from InputLayer or a first layer's batch_input_shape / batch_shape / input_shape / input_dim. */
        KerasTensor input(String name, JsonNode cfg, String cls, String firstConsumer) {
            List<Integer> shape = null;
            for (String key : List.of("batch_input_shape", "batch_shape")) {
                JsonNode s = cfg.get(key);
                if (s != null && s.isArray() && !s.isEmpty()) {
                    shape = dims(s, 1);
                    break;
                }
            }
            if (shape == null && cfg.path("input_shape").isArray()) {
                shape = dims(cfg.get("input_shape"), 0);
            }
            if (shape == null && cfg.hasNonNull("shape") && cfg.get("shape").isArray()) {
                shape = dims(cfg.get("shape"), 0);
            }
            if (shape == null && cfg.hasNonNull("input_dim") && !cls.equals("Embedding")) {
                shape = List.of(cfg.get("input_dim").asInt());
            }
            if (shape == null && cls.equals("Embedding")) {
                shape = List.of(cfg.hasNonNull("input_length") ? cfg.get("input_length").asInt() : -1);
            }
            if (shape == null) {
                throw fail("layer '" + name + "' (" + cls + ") starts the model but gives no input shape "
                        + "(batch_input_shape, batch_shape or input_shape)");
            }
            return conv.addInput(name, shape, channelsFirst, KerasLayerConverter.SIGNAL_CONSUMERS.contains(firstConsumer));
        }

        private static List<Integer> dims(JsonNode s, int skip) {
            List<Integer> out = new ArrayList<>();
            for (int i = skip; i < s.size(); i++) {
                out.add(s.get(i).isNull() ? -1 : s.get(i).asInt());
            }
            return out;
        }

        List<KerasTensor> functional(JsonNode cfg, List<KerasTensor> outerInputs) {
            JsonNode layers = cfg.path("layers");
            if (!layers.isArray() || layers.isEmpty()) {
                throw fail("a functional model without layers");
            }
            List<String> inputNames = refNames(cfg.path("input_layers"));
            Map<String, List<KerasTensor>> outputs = new HashMap<>();
            Map<String, Set<String>> consumers = new HashMap<>();
            for (JsonNode layer : layers) {
                for (TensorRef ref : inbound(layer)) {
                    consumers.computeIfAbsent(ref.layer, k -> new HashSet<>()).add(layer.path("class_name").asText());
                }
            }
            for (JsonNode layer : layers) {
                String cls = layer.path("class_name").asText("");
                String name = layerName(layer);
                JsonNode lc = layer.path("config");
                if (cls.equals("InputLayer")) {
                    int idx = inputNames.indexOf(name);
                    if (!outerInputs.isEmpty() && idx >= 0 && idx < outerInputs.size()) {
                        outputs.put(name, List.of(outerInputs.get(idx)));
                    } else {
                        boolean signal = consumers.getOrDefault(name, Set.of()).stream()
                                .anyMatch(KerasLayerConverter.SIGNAL_CONSUMERS::contains);
                        outputs.put(name, List.of(input(name, lc, cls, signal ? "Conv1D" : "")));
                    }
                    continue;
                }
                JsonNode nodes = layer.path("inbound_nodes");
                if (nodes.size() > 1) {
                    throw fail("layer '" + name + "' (" + cls + ") is called " + nodes.size()
                            + " times (shared weights); the graph has one call per layer");
                }
                List<KerasTensor> in = new ArrayList<>();
                for (TensorRef ref : inbound(layer)) {
                    List<KerasTensor> src = outputs.get(ref.layer);
                    if (src == null) {
                        throw fail("layer '" + name + "' (" + cls + ") reads '" + ref.layer
                                + "', which is not defined before it");
                    }
                    if (ref.tensor >= src.size()) {
                        throw fail("layer '" + name + "' reads output " + ref.tensor + " of '" + ref.layer + "', which has "
                                + src.size());
                    }
                    in.add(src.get(ref.tensor));
                }
                if (MODEL_CLASSES.contains(cls)) {
                    outputs.put(name, model(layer, in));
                } else {
                    outputs.put(name, List.of(conv.convert(cls, name, lc, in)));
                }
            }
            List<KerasTensor> result = new ArrayList<>();
            for (String out : refNames(cfg.path("output_layers"))) {
                List<KerasTensor> t = outputs.get(out);
                if (t == null) {
                    throw fail("output layer '" + out + "' is not a layer of the model");
                }
                result.addAll(t);
            }
            return result;
        }

        record TensorRef(String layer, int tensor) {
        }

        /** Layer names of input_layers/output_layers: [["a",0,0],...] or a single ["a",0,0]. */
        private static List<String> refNames(JsonNode refs) {
            List<String> out = new ArrayList<>();
            if (refs.isArray() && !refs.isEmpty() && refs.get(0).isTextual()) {
                out.add(refs.get(0).asText());
            } else {
                refs.forEach(r -> out.add(r.get(0).asText()));
            }
            return out;
        }

        /** The tensors a layer reads, in call order: positional tensors, then value and key (attention). */
        List<TensorRef> inbound(JsonNode layer) {
            List<TensorRef> refs = new ArrayList<>();
            JsonNode nodes = layer.path("inbound_nodes");
            if (!nodes.isArray() || nodes.isEmpty()) {
                return refs;
            }
            JsonNode node = nodes.get(0);
            if (node.isObject()) { // Keras 3: {"args": [...], "kwargs": {...}}
                collectKeras3(node.path("args"), refs);
                for (String k : List.of("value", "key")) {
                    collectKeras3(node.path("kwargs").path(k), refs);
                }
                return refs;
            }
            for (JsonNode entry : node) { // Keras 1/2: [name, node_index, tensor_index(, kwargs)]
                refs.add(new TensorRef(entry.get(0).asText(), entry.path(2).asInt(0)));
                JsonNode kwargs = entry.path(3);
                for (String k : List.of("value", "key")) {
                    JsonNode t = kwargs.path(k);
                    if (t.isArray() && t.size() >= 3 && t.get(0).isTextual()) {
                        refs.add(new TensorRef(t.get(0).asText(), t.get(2).asInt()));
                    }
                }
            }
            return refs;
        }

        private static void collectKeras3(JsonNode n, List<TensorRef> refs) {
            if (n.isArray()) {
                n.forEach(x -> collectKeras3(x, refs));
            } else if (n.isObject()) {
                JsonNode h = n.path("config").path("keras_history");
                if ("__keras_tensor__".equals(n.path("class_name").asText()) && h.isArray()) {
                    refs.add(new TensorRef(h.get(0).asText(), h.path(2).asInt(0)));
                }
            }
        }
    }
}
