package org.paper2code.detect;

import java.util.List;
import java.util.Map;

/**
 * A layer label read into a catalogue type and parameters.
 *
 * @param type         catalogue layer type ("Conv2D", "Pooling2D", ...)
 * @param params       parameters read or implied (catalogue names); includes inferred ones
 * @param inferredKeys parameters the label does not state but the type requires (filled with a plausible value)
 * @param confidence   0..1: 1 for a full keyword match with every required value stated
 * @param mapShape     feature-map size the label states ({@code 6@28x28} gives [6, 28, 28]; empty when none)
 * @param tag          the short layer tag in front ("C1" in {@code C1: feature maps 6@28x28}), or null
 */
public record ParsedLabel(String type, Map<String, Object> params, List<String> inferredKeys, double confidence,
                          List<Integer> mapShape, String tag) {
    public ParsedLabel {
        params = Map.copyOf(params);
        inferredKeys = List.copyOf(inferredKeys);
        mapShape = List.copyOf(mapShape);
    }
}
