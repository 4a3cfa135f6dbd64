package org.paper2code.emit.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.paper2code.emit.onnx.proto.OnnxProto.ModelProto;
import org.paper2code.emit.onnx.proto.OnnxProto.NodeProto;
import org.paper2code.emit.onnx.proto.OnnxProto.StringStringEntryProto;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphSource;
import org.paper2code.graph.Layer;

/**
 * Layer names come from untrusted papers. In ONNX they are data (node and tensor names,
 * metadata strings), never code: hostile names survive byte for byte, the model still runs
 * with our shapes, and (in {@link OnnxCheckerTest}) the checker accepts it.
 */
class OnnxInjectionTest {
    static final String PY = "x\"); import os; os.system(\"id";
    static final String NAMES = "conv/W";  // collides with the helper tensor names of a layer named "conv"

    static Graph injected() {
        return new Graph("net\"; rm -rf /", new GraphSource("paper'); DROP TABLE papers;--", null, null, null, null, null, null), List.of(
                Layer.of("Input", PY, Map.of("output_shape", List.of(3, 8, 8))),
                Layer.of("Conv2D", "conv", Map.of("filters", 4, "kernel_row", 3, "pad_row", 1), PY),
                Layer.of("Activation", NAMES, Map.of("function", "relu"), "conv"),
                Layer.of("Conv2D", "</script>\n\u001b[31m", Map.of("filters", 4, "kernel_row", 1), NAMES),
                Layer.of("Add", "${jndi:ldap://x}", Map.of(), "</script>\n\u001b[31m", "conv"),
                Layer.of("Flatten", "' OR 1=1 --", Map.of(), "${jndi:ldap://x}"),
                Layer.of("Dense", "名前 \\u0000", Map.of("units", 5), "' OR 1=1 --")), null);
    }

    @Test
    void hostileNamesAreDataAndTheModelRuns() throws InvalidProtocolBufferException {
        Graph g = injected();
        ModelProto m = ModelProto.parseFrom(new OnnxExporter().export(g).bytes());
        Set<String> outputs = m.getGraph().getNodeList().stream().flatMap(n -> n.getOutputList().stream()).collect(Collectors.toSet());
        Set<String> nodeNames = m.getGraph().getNodeList().stream().map(NodeProto::getName).collect(Collectors.toSet());
        for (Layer l : g.layers()) {
            if (!l.type().equals("Input")) {
                assertTrue(outputs.contains(l.name()), "tensor named " + l.name());
                assertTrue(nodeNames.contains(l.name()), "node named " + l.name());
            }
        }
        assertEquals(PY, m.getGraph().getInput(0).getName());
        assertEquals("net\"; rm -rf /", m.getGraph().getName());
        // tensor names stay unique although a layer is named like another layer's weight
        List<String> all = new java.util.ArrayList<>(outputs);
        m.getGraph().getInitializerList().forEach(t -> all.add(t.getName()));
        assertEquals(all.size(), Set.copyOf(all).size(), "tensor names are unique");

        String graphJson = meta(m, OnnxExporter.META_GRAPH);
        assertEquals(GraphJson.write(g), graphJson);
        assertEquals(g, GraphJson.read(graphJson));
        assertTrue(meta(m, OnnxExporter.META_LAYERS).contains(GraphJson.MAPPER.valueToTree(PY).toString()));

        OnnxVerifier.Report r = new OnnxVerifier().verify(g);
        assertTrue(r.ok(), () -> r.toString());
    }

    static String meta(ModelProto m, String key) {
        return m.getMetadataPropsList().stream().filter(e -> e.getKey().equals(key)).map(StringStringEntryProto::getValue)
                .findFirst().orElseThrow();
    }
}
