package org.paper2code.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paper2code.graph.Layer;

/** The class a Keras plot_model figure prints for a layer must name the layer's type, or the truth asks for what no figure shows. */
class KerasClassNamesTest {
    /** LRN was drawn as "Lambda" while its truth says LRN; Keras models define an LRN layer class, printed by its name. */
    @Test
    void lrnIsDrawnAsItsOwnClass() {
        assertEquals("LRN", Box2DRenderer.kerasClass(Layer.of("LRN", "norm1", Map.of("local_size", 5), "conv1")));
        assertEquals("BatchNormalization", Box2DRenderer.kerasClass(Layer.of("BatchNorm", "bn1", Map.of(), "conv1")));
    }
}
