package org.paper2code.emit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.paper2code.emit.caffe.CaffeEmitter;
import org.paper2code.emit.caffe.CaffeImporter;
import org.paper2code.emit.dot.DotEmitter;
import org.paper2code.emit.keras.KerasImporter;
import org.paper2code.emit.keras.KerasJsonEmitter;
import org.paper2code.emit.keras.KerasPythonEmitter;
import org.paper2code.emit.onnx.OnnxEmitter;
import org.paper2code.emit.pytorch.PyTorchEmitter;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.GraphJson;
import org.paper2code.mex.MexEmitter;

/** The emitters by target name and the importers by detected input format. */
public final class Formats {
    private static final Map<String, Function<EmitOptions, Emitter>> EMITTERS = new LinkedHashMap<>();

    static {
        EMITTERS.put("graph", o -> new GraphEmitter());
        EMITTERS.put("keras", KerasPythonEmitter::new);
        EMITTERS.put("keras-json", o -> new KerasJsonEmitter());
        EMITTERS.put("caffe", o -> new CaffeEmitter());
        EMITTERS.put("pytorch", PyTorchEmitter::new);
        EMITTERS.put("onnx", o -> new OnnxEmitter());
        EMITTERS.put("mex", o -> new MexEmitter(o, MexEmitter.Syntax.TURTLE));
        EMITTERS.put("mex-jsonld", o -> new MexEmitter(o, MexEmitter.Syntax.JSONLD));
        EMITTERS.put("dot", o -> new DotEmitter());
    }

    private Formats() {
    }

    public static List<String> targets() {
        return List.copyOf(EMITTERS.keySet());
    }

    public static Emitter emitter(String target, EmitOptions options) {
        Function<EmitOptions, Emitter> f = EMITTERS.get(target);
        if (f == null) {
            throw new IllegalArgumentException("unknown target '" + target + "' (one of " + targets() + ")");
        }
        return f.apply(options);
    }

    /**
     * Reads a graph document, a Caffe prototxt or a Keras model JSON, chosen by content.
     * @throws ImportException or GraphException naming the file and the reason
     */
    public static Graph read(String text, String sourceName) {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            JsonNode root;
            try {
                root = GraphJson.MAPPER.readTree(text);
            } catch (Exception e) {
                // let the graph reader produce the located message
                return GraphJson.read(text);
            }
            if (root != null && GraphJson.looksLikeGraph(root)) {
                return GraphJson.fromTree(root);
            }
            if (root != null && root.isObject() && (root.has("class_name") || root.has("config"))) {
                return new KerasImporter().read(text, sourceName);
            }
            throw new GraphException("neither a paper2code graph document nor a Keras model JSON");
        }
        return new CaffeImporter().read(text, sourceName);
    }
}
