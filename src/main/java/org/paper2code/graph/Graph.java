package org.paper2code.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The abstract computational graph: a list of layers in the seed's JSON schema, an
 * optional source and optional training hyperparameters. Layers keep document order;
 * edges are the {@code from_layers} names.
 */
public record Graph(String name, GraphSource source, List<Layer> layers, Training training) {

    public static final String FORMAT = "paper2code-graph/1";

    public Graph {
        layers = List.copyOf(layers);
    }

    public Graph(List<Layer> layers) {
        this(null, null, layers, null);
    }

    public Optional<Layer> layer(String layerName) {
        return layers.stream().filter(l -> l.name().equals(layerName)).findFirst();
    }

    public Map<String, Layer> byName() {
        Map<String, Layer> map = new LinkedHashMap<>();
        for (Layer l : layers) {
            map.putIfAbsent(l.name(), l);
        }
        return map;
    }

    /** Layers that no other layer reads from: the model's outputs. */
    public List<Layer> outputs() {
        java.util.Set<String> consumed = new java.util.HashSet<>();
        layers.forEach(l -> consumed.addAll(l.from()));
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers) {
            if (!consumed.contains(l.name())) {
                out.add(l);
            }
        }
        return out;
    }

    public List<Layer> inputs() {
        return layers.stream().filter(l -> l.from().isEmpty()).toList();
    }

    public Graph withLayers(List<Layer> newLayers) {
        return new Graph(name, source, newLayers, training);
    }

    public Graph withTraining(Training newTraining) {
        return new Graph(name, source, layers, newTraining);
    }

    public Graph withSource(GraphSource newSource) {
        return new Graph(name, newSource, layers, training);
    }

    public Graph withName(String newName) {
        return new Graph(newName, source, layers, training);
    }
}
