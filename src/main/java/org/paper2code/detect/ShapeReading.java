package org.paper2code.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One drawn layer shape as read by a shape parser (a deck of sheets, a cuboid): its label text, the parsed
 * label, the type and parameters made of it, and the stated spatial size and depth. Mutable while the parser
 * reads and infers; turned into a {@link ParsedLabel} at the end.
 */
class ShapeReading {
    String text = "";
    ParsedLabel parsed;
    String type;
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> inferred = new ArrayList<>();
    int spatial = -1;
    int depth = -1;
    /** a thin bar: a vector (Dense units), not a feature map */
    boolean flat;

    ParsedLabel label(double confidenceWhenUnparsed) {
        return new ParsedLabel(type, params, inferred, parsed == null ? confidenceWhenUnparsed : parsed.confidence(),
                List.of(), null);
    }

    /** Sets an inferred parameter unless the label stated it; a value the label grammar only guessed gives way. */
    void infer(String key, Object value) {
        if (!params.containsKey(key) || (parsed != null && parsed.inferredKeys().contains(key) && !inferred.contains(key))) {
            params.put(key, value);
            if (!inferred.contains(key)) {
                inferred.add(key);
            }
        }
    }

    /** Pooling windows are small: a wider ratio of two stated sizes is a misread size ("206" for "56"), not a window. */
    static final int MAX_POOL_WINDOW = 4;

    /**
     * The pooling window two stated map sizes imply (before / after, when it divides evenly), or 0 where they imply
     * none: an unknown size, no shrinking, or a ratio past {@link #MAX_POOL_WINDOW}.
     */
    static int poolWindow(int before, int after) {
        if (before <= 0 || after <= 0 || before <= after || before % after != 0) {
            return 0;
        }
        int k = before / after;
        return k <= MAX_POOL_WINDOW ? k : 0;
    }
}
