package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.eval.TruthCorpus;
import org.paper2code.graph.Layer;

/**
 * A small rendered VGG-16 drawing (AlphaTree): planes outlined with faint anti-aliased 1 px lines (no dark ink at all),
 * red pooling and black convolution planes, and a colour legend below the chain. Before: no front face closed under the
 * dark-ink threshold, the solid-shape fallback found nine blobs and typed them dense (node F1 0.36). The dense layers
 * are flat bars too low to close a face, coloured as the legend's fully connected and softmax icons.
 */
class CuboidColourLegendTest {

    @Test
    void faintPlanesAreFoundAndTypedByTheLegendColours() throws Exception {
        TruthCorpus.FigureItem f = AnnotatedFigures.figure("alphatree_vgg16_3d");
        DetectionResult r = new FigureParser().parse(f.image(), f.truth().style());
        List<Layer> layers = r.graph().layers();
        long convs = layers.stream().filter(l -> l.type().equals("Conv2D")).count();
        long pools = layers.stream().filter(l -> l.type().equals("Pooling2D")).count();
        // the legend's four icons are not layers; every red plane is a max pooling
        assertTrue(convs >= 10 && convs <= 13, "convolutions: " + convs + " in " + layers);
        assertTrue(pools >= 3 && pools <= 5, "poolings: " + pools + " in " + layers);
        assertTrue(layers.stream().filter(l -> l.type().equals("Pooling2D")).allMatch(l -> "MAX".equals(l.params().get("function"))),
                "poolings typed by the legend's red icon: " + layers);
        GraphMatcher.Match m = new GraphMatcher().match(r.graph(), f.truth().graph());
        assertTrue(m.nodes().f1() >= 0.9, "nodes " + m.nodes());
        // the flat cyan bars after the last plane are the legend's fully connected layers, the orange one its softmax
        assertEquals(3, layers.stream().filter(l -> l.type().equals("Dense")).count(), "three cyan bars: " + layers);
        assertEquals("Softmax", layers.get(layers.size() - 1).type(), "the orange bar closes the chain: " + layers);
    }
}
