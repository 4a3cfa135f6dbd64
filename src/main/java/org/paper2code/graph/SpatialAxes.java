package org.paper2code.graph;

/**
 * The suffixes of per-axis parameters of sliding-window layers (kernel_row, stride_col,
 * pad_depth, ...) for 1, 2 and 3 spatial dimensions, in the order the shape's spatial
 * dimensions come (after channels).
 */
public final class SpatialAxes {
    private SpatialAxes() {
    }

    /** A fresh array, so no caller can change another's. */
    public static String[] of(int spatialDims) {
        return switch (spatialDims) {
            case 1 -> new String[] {"row"};
            case 2 -> new String[] {"row", "col"};
            case 3 -> new String[] {"depth", "row", "col"};
            default -> throw new IllegalArgumentException("1 to 3 spatial dimensions, not " + spatialDims);
        };
    }
}
