package org.paper2code.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** Orders layers so every layer comes after the layers it reads from. */
public final class Topology {
    private Topology() {
    }

    /**
     * Layers in dependency order, ties broken by document order (so a graph already in
     * order stays as it is). Dangling references are ignored here (the validator reports them).
     * @throws GraphException naming the layers on a cycle
     */
    public static List<Layer> order(Graph graph) {
        Map<String, Integer> index = new HashMap<>();
        List<Layer> layers = graph.layers();
        for (int i = 0; i < layers.size(); i++) {
            index.putIfAbsent(layers.get(i).name(), i);
        }
        int[] pending = new int[layers.size()];
        Map<Integer, List<Integer>> consumers = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String src : new java.util.LinkedHashSet<>(layers.get(i).from())) {
                Integer j = index.get(src);
                if (j != null) {
                    pending[i]++;
                    consumers.computeIfAbsent(j, k -> new ArrayList<>()).add(i);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < layers.size(); i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<Layer> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out.add(layers.get(i));
            for (int c : consumers.getOrDefault(i, List.of())) {
                if (--pending[c] == 0) {
                    ready.add(c);
                }
            }
        }
        if (out.size() < layers.size()) {
            List<String> onCycle = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                if (pending[i] > 0) {
                    onCycle.add(layers.get(i).name());
                }
            }
            throw new GraphException("the graph has a cycle through layers " + onCycle);
        }
        return out;
    }

    /** For each layer name, the names of the layers that read from it, in document order. */
    public static Map<String, List<String>> consumers(Graph graph) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Layer l : graph.layers()) {
            map.putIfAbsent(l.name(), new ArrayList<>());
        }
        for (Layer l : graph.layers()) {
            for (String src : l.from()) {
                map.computeIfAbsent(src, k -> new ArrayList<>()).add(l.name());
            }
        }
        return map;
    }
}
