package org.paper2code.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Topology;

/**
 * Ranks the drawn layers of a graph by longest path from the inputs; layers that are not
 * drawn are bridged, so an edge joins the nearest drawn ancestor to the drawn layer.
 */
final class LayeredLayout {
    final List<Layer> drawn = new ArrayList<>();
    final Map<String, Integer> rank = new HashMap<>();
    final List<List<Layer>> ranks = new ArrayList<>();
    final List<String[]> edges = new ArrayList<>();

    LayeredLayout(Graph g, Predicate<Layer> isDrawn) {
        Map<String, Set<String>> reach = new HashMap<>();
        for (Layer l : Topology.order(g)) {
            Set<String> preds = new LinkedHashSet<>();
            for (String f : l.from()) {
                preds.addAll(reach.getOrDefault(f, Set.of()));
            }
            if (isDrawn.test(l)) {
                int rk = 0;
                for (String p : preds) {
                    edges.add(new String[] {p, l.name()});
                    rk = Math.max(rk, rank.get(p) + 1);
                }
                rank.put(l.name(), rk);
                drawn.add(l);
                while (ranks.size() <= rk) {
                    ranks.add(new ArrayList<>());
                }
                ranks.get(rk).add(l);
                reach.put(l.name(), Set.of(l.name()));
            } else {
                reach.put(l.name(), preds);
            }
        }
    }

    boolean isChain() {
        return ranks.stream().allMatch(r -> r.size() == 1) && edges.size() == drawn.size() - 1
                && edges.stream().allMatch(e -> rank.get(e[1]) == rank.get(e[0]) + 1);
    }
}
