package org.paper2code.emit.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.Emitter;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.GraphJson;

/**
 * The model config in the layout Keras 2's {@code model.to_json()} writes (class "Functional",
 * {@code inbound_nodes} [[["name", 0, 0, {}]]], {@code batch_input_shape}), channels-last.
 * This is the layout TensorFlow.js {@code tf.models.modelFromJSON} loads (it refuses Keras 3's).
 * Layer names are kept as they are, as JSON data. Two entries need help to load: "LRN" is a
 * custom layer (Keras has none) and "Lambda" carries no function (the graph never holds
 * code); the Python emitter writes both as code.
 */
public final class KerasJsonEmitter implements Emitter {
    static final String KERAS_VERSION = "2.15.0";

    @Override
    public String target() {
        return "keras-json";
    }

    @Override
    public List<Artifact> emit(Graph graph) {
        KerasPlan plan = KerasPlan.of(graph);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("class_name", "Functional");
        ObjectNode config = root.putObject("config");
        config.put("name", graph.name() == null ? "model" : graph.name());
        ArrayNode layers = config.putArray("layers");
        for (KerasOp op : plan.ops) {
            layers.add(layer(op));
        }
        ArrayNode ins = config.putArray("input_layers");
        plan.inputs.forEach(i -> ins.addArray().add(i).add(0).add(0));
        ArrayNode outs = config.putArray("output_layers");
        plan.outputs.forEach(o -> outs.addArray().add(o).add(0).add(0));
        root.put("keras_version", KERAS_VERSION);
        root.put("backend", "tensorflow");
        try {
            return List.of(new Artifact("keras_model.json", GraphJson.MAPPER.writeValueAsString(root) + "\n"));
        } catch (JsonProcessingException e) {
            throw new GraphException("cannot write the Keras config: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode layer(KerasOp op) {
        ObjectNode l = JsonNodeFactory.instance.objectNode();
        l.put("class_name", op.cls());
        ObjectNode c = l.putObject("config");
        c.put("name", op.name());
        c.put("trainable", true);
        if (op.cls().equals("InputLayer")) {
            List<Object> shape = new ArrayList<>();
            shape.add(null);
            shape.addAll((List<?>) op.config().get("shape"));
            c.set("batch_input_shape", GraphJson.MAPPER.valueToTree(shape));
            c.put("dtype", (String) op.config().get("dtype"));
            c.put("sparse", false);
            c.put("ragged", false);
        } else {
            c.put("dtype", "float32");
            for (Map.Entry<String, Object> e : op.config().entrySet()) {
                c.set(e.getKey(), GraphJson.MAPPER.valueToTree(e.getValue()));
            }
            if (op.cls().equals("Lambda")) {
                c.putNull("function");
                c.put("function_type", "lambda");
                c.putObject("arguments");
            }
        }
        l.put("name", op.name());
        ArrayNode nodes = l.putArray("inbound_nodes");
        if (!op.inputs().isEmpty()) {
            ArrayNode node = nodes.addArray();
            if (op.cls().equals("MultiHeadAttention")) {
                ArrayNode q = node.addArray().add(op.inputs().get(0)).add(0).add(0);
                ObjectNode kwargs = q.addObject();
                kwargs.putArray("value").add(op.inputs().get(1)).add(0).add(0);
                if (op.inputs().size() > 2) {
                    kwargs.putArray("key").add(op.inputs().get(2)).add(0).add(0);
                }
            } else {
                for (String in : op.inputs()) {
                    node.addArray().add(in).add(0).add(0).addObject();
                }
            }
        }
        return l;
    }
}
