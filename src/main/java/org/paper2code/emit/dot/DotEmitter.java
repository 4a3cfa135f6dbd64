package org.paper2code.emit.dot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.Emitter;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;

/**
 * Writes a graph as a Graphviz DOT digraph ({@code graph.dot}) for drawing with {@code dot -Tsvg}.
 * Nodes get generated ids (n0, n1, ...) so a layer name never becomes DOT syntax; every label
 * goes through {@link #quoted}. Shapes are shown when the graph validates; an invalid graph is
 * still drawn (the report shows broken graphs too), just without shapes.
 */
public final class DotEmitter implements Emitter {
    /** Longest label line kept; paper text can be arbitrarily long. */
    private static final int MAX_LABEL = 60;

    @Override
    public String target() {
        return "dot";
    }

    @Override
    public List<Artifact> emit(Graph graph) {
        return List.of(new Artifact("graph.dot", dot(graph)));
    }

    public static String dot(Graph graph) {
        Map<String, Shape> shapes = shapes(graph);
        StringBuilder sb = new StringBuilder();
        sb.append("digraph ").append(quoted(graph.name() == null || graph.name().isBlank() ? "model" : graph.name())).append(" {\n");
        sb.append("  graph [rankdir=TB, fontname=\"Helvetica\", nodesep=0.25, ranksep=0.3];\n");
        sb.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", color=\"#4a6fa5\", fontname=\"Helvetica\", fontsize=10];\n");
        sb.append("  edge [color=\"#555555\", arrowsize=0.6];\n");
        Map<String, String> ids = new HashMap<>();
        List<Layer> layers = graph.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String id = "n" + i;
            ids.putIfAbsent(l.name(), id);
            StringBuilder label = new StringBuilder(clip(l.name())).append('\n').append(clip(l.type()));
            Shape s = shapes.get(l.name());
            if (s != null) {
                label.append('\n').append(clip(s.toString()));
            }
            sb.append("  ").append(id).append(" [label=").append(quoted(label.toString()));
            if (l.from().isEmpty()) {
                sb.append(", fillcolor=\"#fdf1d6\"");
            }
            sb.append("];\n");
        }
        for (Layer l : layers) {
            for (String from : l.from()) {
                String src = ids.get(from);
                if (src != null) {
                    sb.append("  ").append(src).append(" -> ").append(ids.get(l.name())).append(";\n");
                }
            }
        }
        return sb.append("}\n").toString();
    }

    private static Map<String, Shape> shapes(Graph graph) {
        try {
            return new GraphValidator().check(graph);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static String clip(String s) {
        String t = s == null ? "" : s;
        return t.length() <= MAX_LABEL ? t : t.substring(0, MAX_LABEL - 1) + "\u2026";
    }

    /**
     * A DOT double-quoted string that shows exactly the given text: backslash and quote are
     * escaped (a lone backslash would start a DOT escape such as \N or \G), a line break
     * becomes DOT's centred line break, other control characters become spaces.
     */
    public static String quoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return sb.append('"').toString();
    }
}
