package org.paper2code.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;

/**
 * The chain of layers that deck styles (stacked 2D sheets, 3D cuboids) draw: inputs,
 * convolutions, pooling and dense layers with their output shapes; layers that keep the
 * size (activations, dropout, normalisation, flatten) are folded into their neighbours.
 */
final class DeckModel {
    record Deck(Layer layer, Shape shape, String letter, int index) {
        boolean isMap() {
            return shape.rank() == 3;
        }

        int channels() {
            return shape.dim(0);
        }

        int height() {
            return isMap() ? shape.dim(1) : shape.last();
        }

        int width() {
            return isMap() ? shape.dim(2) : 1;
        }
    }

    final List<Deck> decks = new ArrayList<>();
    final int maxSide;

    DeckModel(Graph g) {
        Map<String, Shape> shapes = new GraphValidator().check(g);
        LayeredLayout lay = new LayeredLayout(g, l -> !LabelPhrasing.HIDDEN_IN_DECKS.contains(l.type()));
        if (!lay.isChain()) {
            throw new IllegalArgumentException("deck styles draw a chain of layers");
        }
        int i = 0;
        int side = 1;
        for (Layer l : lay.drawn) {
            String letter = switch (l.type()) {
                case "Conv2D", "Deconv2D" -> "C";
                case "Pooling2D" -> "S";
                case "Dense" -> "F";
                default -> "";
            };
            Shape s = shapes.get(l.name());
            decks.add(new Deck(l, s, letter, i++));
            if (s.rank() == 3) {
                side = Math.max(side, s.dim(1));
            }
        }
        maxSide = side;
    }

    /** What the arrow into a deck does, in the words figures use. */
    static String operation(Deck d, int variant) {
        LayerParams p = LayerParams.of(d.layer());
        return switch (d.layer().type()) {
            case "Conv2D" -> variant % 2 == 0 ? "Convolutions" : p.getInt("kernel_row") + "x" + p.getInt("kernel_row") + " convolution";
            case "Deconv2D" -> "Up-convolution";
            case "Pooling2D" -> variant % 2 == 0 ? "Subsampling" : p.getInt("kernel_row") + "x" + p.getInt("kernel_row")
                    + ("MAX".equals(p.getString("function")) ? " max-pooling" : " avg-pooling");
            case "Dense" -> "Full connection";
            default -> "";
        };
    }
}
