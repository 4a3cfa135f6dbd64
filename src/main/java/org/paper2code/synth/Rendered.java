package org.paper2code.synth;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.paper2code.eval.Box;
import org.paper2code.eval.FigureTruth;

/**
 * A drawn figure: the vector {@link Scene} (in the renderer's units) and where each node,
 * edge and label is. {@link #raster(double)} gives the image; {@link #scaled(double)} the
 * boxes at the same scale.
 *
 * @param undrawn per layer name, the parameters the figure does not draw and nothing drawn determines ({@link Undrawn})
 */
public record Rendered(Scene scene, List<FigureTruth.NodeBox> nodes, List<FigureTruth.EdgeBox> edges,
                       List<FigureTruth.LabelBox> labels, Map<String, List<String>> undrawn) {

    public Rendered {
        undrawn = Map.copyOf(undrawn);
    }

    public BufferedImage raster(double scale) {
        return Rasterizer.paint(scene, scale);
    }

    public Rendered scaled(double s) {
        return new Rendered(scene,
                nodes.stream().map(n -> new FigureTruth.NodeBox(n.layer(), scale(n.box(), s))).toList(),
                edges.stream().map(e -> new FigureTruth.EdgeBox(e.from(), e.to(), scale(e.box(), s))).toList(),
                labels.stream().map(l -> new FigureTruth.LabelBox(l.text(), scale(l.box(), s), l.layer())).toList(), undrawn);
    }

    static Box scale(Box b, double s) {
        return new Box(b.x() * s, b.y() * s, b.w() * s, b.h() * s);
    }
}
