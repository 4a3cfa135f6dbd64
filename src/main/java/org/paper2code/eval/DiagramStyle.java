package org.paper2code.eval;

import java.util.Arrays;
import java.util.List;

/** The five architecture diagram styles and {@code other}; identifiers as used everywhere in the project. */
public enum DiagramStyle {
    NEURONS("neurons"), BOX_2D("2d-box"), STACKED_2D_BOX("stacked-2d-box"), BOX_3D("3d-box"), PIPELINE("pipeline"), OTHER("other");

    private final String id;

    DiagramStyle(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isArchitecture() {
        return this != OTHER;
    }

    public static DiagramStyle fromId(String id) {
        for (DiagramStyle s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown diagram style '" + id + "' (one of " + ids() + ")");
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(DiagramStyle::id).toList();
    }
}
