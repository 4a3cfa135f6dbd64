package org.paper2code.emit.caffe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Topology;

/**
 * Caffe splits batch normalisation in two: BatchNorm (normalise only) and Scale (gamma, and
 * beta with bias_term) or Bias (beta only). A graph has one BatchNorm with scale/center flags,
 * so a BatchNorm whose only reader is such a Scale/Bias absorbs it and takes over its readers.
 */
final class BatchNormFolding {
    private final List<Layer> layers;

    BatchNormFolding(List<Layer> layers) {
        this.layers = layers;
    }

    /** @param error builds the exception for a layer name and a reason (a Bias that cannot be folded) */
    List<Layer> fold(BiFunction<String, String, RuntimeException> error) {
        Map<String, List<String>> consumers = Topology.consumers(new Graph(layers));
        Map<String, Layer> byName = new HashMap<>();
        layers.forEach(l -> byName.put(l.name(), l));
        Map<String, String> replaced = new HashMap<>();
        Map<String, Layer> updated = new HashMap<>();
        for (Layer l : layers) {
            boolean scale = l.type().equals("Scale") && !LayerParams.of(l).isSet("axis");
            boolean bias = l.type().equals(CaffeLayerReader.BIAS);
            if (!scale && !bias) {
                continue;
            }
            Layer bn = updated.getOrDefault(l.from().get(0), byName.get(l.from().get(0)));
            boolean foldable = bn.type().equals("BatchNorm") && Boolean.FALSE.equals(bn.param("scale"))
                    && Boolean.FALSE.equals(bn.param("center")) && consumers.get(bn.name()).size() == 1;
            if (!foldable) {
                if (bias) {
                    throw error.apply(l.name(), "a Bias layer is supported only as the sole reader of a BatchNorm");
                }
                continue;
            }
            boolean center = bias || LayerParams.of(l).getBool("bias_term");
            updated.put(bn.name(), bn.withParam("scale", bias ? false : null).withParam("center", center ? null : false));
            replaced.put(l.name(), bn.name());
        }
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers) {
            if (replaced.containsKey(l.name())) {
                continue;
            }
            Layer u = updated.getOrDefault(l.name(), l);
            out.add(u.withFrom(u.from().stream().map(f -> replaced.getOrDefault(f, f)).toList()));
        }
        return out;
    }
}
