package org.paper2code.emit.caffe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paper2code.emit.ImportException;
import org.paper2code.emit.Importer;
import org.paper2code.emit.caffe.CaffeText.ParsedNet;
import org.paper2code.emit.caffe.proto.CaffeProto.BlobShape;
import org.paper2code.emit.caffe.proto.CaffeProto.LayerParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.NetParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.Phase;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphSource;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerCatalogue;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;
import org.paper2code.graph.ShapeRules;

/**
 * Reads a Caffe net prototxt (parsed by protobuf's TextFormat against caffe.proto) into a graph.
 *
 * <ul>
 * <li><b>Phase</b>: the TRAIN net by default ({@link #CaffeImporter(Phase)} for TEST); layers
 *     whose include/exclude rules rule them out are skipped, so a train_val file's TEST-only
 *     Accuracy and TEST data layer are dropped.</li>
 * <li><b>Names</b>: every graph layer is named after its Caffe layer. Blobs are not layers:
 *     a bottom refers to the latest layer that wrote the blob, so in-place layers (ReLU, Dropout,
 *     BatchNorm, Scale writing their own bottom) chain up into a proper DAG and keep their own
 *     names; "conv1" is the convolution's output, "relu1" the activation after it.</li>
 * <li><b>Inputs</b>: {@code input:}+{@code input_shape}/{@code input_dim} and Input layers give
 *     Input layers (named after the layer, or after each top when a layer has several); data
 *     layers (Data, ImageData, HDF5Data, ...) give one Input layer per top, named after the top,
 *     shaped by {@link DataShapes}.</li>
 * <li><b>Folding</b>: a BatchNorm whose only reader is a per-channel Scale (or Bias) becomes one
 *     BatchNorm with scale/center set from it, named after the BatchNorm; a BatchNorm alone has
 *     scale=false, center=false. Split layers vanish (their tops alias the bottom).</li>
 * <li><b>InnerProduct</b> on a rank &gt; 1 input gets an explicit Flatten named
 *     {@code <layer>_flatten} in front of its Dense.</li>
 * </ul>
 */
public final class CaffeImporter implements Importer {
    private final Phase phase;

    public CaffeImporter() {
        this(Phase.TRAIN);
    }

    public CaffeImporter(Phase phase) {
        this.phase = phase;
    }

    @Override
    public String format() {
        return "caffe";
    }

    @Override
    public Graph read(String text, String sourceName) {
        ParsedNet parsed = CaffeText.parseNet(text, sourceName);
        return new Reader(parsed, sourceName, new NetStateFilter(phase)).read();
    }

    /** One import: the blob table, the layers so far and their shapes. */
    private static final class Reader {
        private final ParsedNet parsed;
        private final NetParameter net;
        private final String source;
        private final NetStateFilter filter;
        private final LayerCatalogue catalogue = LayerCatalogue.standard();
        private final Map<String, Layer> layers = new LinkedHashMap<>();
        private final Map<String, Shape> shapes = new HashMap<>();
        private final Map<String, String> producer = new HashMap<>();
        private final Map<String, String> where = new HashMap<>();
        private final Set<String> names = new HashSet<>();

        Reader(ParsedNet parsed, String source, NetStateFilter filter) {
            this.parsed = parsed;
            this.net = parsed.net();
            this.source = source;
            this.filter = filter;
        }

        Graph read() {
            if (net.getLayerCount() > 0 && net.getLayersCount() > 0) {
                throw error("", "the net mixes 'layer' and the old 'layers' syntax");
            }
            legacyInputs();
            boolean v1 = net.getLayersCount() > 0;
            int count = v1 ? net.getLayersCount() : net.getLayerCount();
            for (int i = 0; i < count; i++) {
                String loc = parsed.where(v1 ? NetParameter.LAYERS_FIELD_NUMBER : NetParameter.LAYER_FIELD_NUMBER, i);
                LayerParameter lp;
                try {
                    lp = v1 ? V1Upgrade.upgrade(net.getLayers(i)) : net.getLayer(i);
                } catch (IllegalArgumentException e) {
                    throw error(loc, e.getMessage());
                }
                if (!filter.includes(lp.getIncludeList(), lp.getExcludeList())) {
                    continue;
                }
                try {
                    layer(lp, loc);
                } catch (IllegalArgumentException e) {
                    throw error(loc, "layer '" + lp.getName() + "' (" + lp.getType() + "): " + e.getMessage());
                }
            }
            if (layers.isEmpty()) {
                throw error("", "the net has no layers");
            }
            List<Layer> folded = new BatchNormFolding(new ArrayList<>(layers.values())).fold(
                    (name, msg) -> error(where.getOrDefault(name, ""), "layer '" + name + "': " + msg));
            return new Graph(net.hasName() ? net.getName() : null, GraphSource.ofFile(source), folded, null);
        }

        private ImportException error(String loc, String msg) {
            return new ImportException(source + ": " + (loc.isEmpty() ? "" : loc + ": ") + msg);
        }

        private void legacyInputs() {
            int n = net.getInputCount();
            for (int i = 0; i < n; i++) {
                String blob = net.getInput(i);
                List<Integer> dims;
                if (net.getInputShapeCount() > 0) {
                    if (net.getInputShapeCount() != n) {
                        throw error("", n + " inputs but " + net.getInputShapeCount() + " input_shape entries");
                    }
                    dims = DataShapes.withoutBatch(net.getInputShape(i));
                } else if (net.getInputDimCount() == 4 * n) {
                    dims = new ArrayList<>();
                    for (int d = 1; d < 4; d++) {
                        dims.add(net.getInputDim(4 * i + d));
                    }
                } else {
                    throw error("", "input '" + blob + "' needs input_shape or 4 input_dim values per input");
                }
                input(blob, blob, dims, "");
            }
        }

        private void layer(LayerParameter lp, String loc) {
            String type = lp.getType();
            if (type.equals("Input")) {
                var ip = lp.getInputParam();
                int tops = lp.getTopCount();
                if (ip.getShapeCount() != 1 && ip.getShapeCount() != tops) {
                    throw new IllegalArgumentException("input_param needs one shape, or one per top");
                }
                for (int t = 0; t < tops; t++) {
                    BlobShape s = ip.getShape(ip.getShapeCount() == 1 ? 0 : t);
                    input(tops == 1 ? lp.getName() : lp.getTop(t), lp.getTop(t), DataShapes.withoutBatch(s), loc);
                }
                return;
            }
            if (DataShapes.TYPES.contains(type)) {
                for (int t = 0; t < lp.getTopCount(); t++) {
                    input(lp.getTopCount() == 1 ? lp.getName() : lp.getTop(t), lp.getTop(t), DataShapes.shape(lp, t), loc);
                }
                return;
            }
            if (type.equals("Silence")) {
                return;
            }
            List<String> from = new ArrayList<>();
            List<Shape> in = new ArrayList<>();
            for (String bottom : lp.getBottomList()) {
                String p = producer.get(bottom);
                if (p == null) {
                    throw new IllegalArgumentException("bottom '" + bottom + "' is not produced by any earlier layer or input");
                }
                from.add(p);
                in.add(shapes.get(p));
            }
            if (type.equals("Split")) {
                for (String top : lp.getTopList()) {
                    producer.put(top, from.get(0));
                }
                return;
            }
            if (lp.getTopCount() > 1) {
                throw new IllegalArgumentException("layers with " + lp.getTopCount() + " tops are not supported");
            }
            List<Layer> made = CaffeLayerReader.read(lp, unique(lp.getName()), from, in, this::unique);
            for (Layer l : made) {
                add(l, loc);
            }
            if (lp.getTopCount() == 1) {
                producer.put(lp.getTop(0), made.get(made.size() - 1).name());
            }
        }

        private void input(String name, String blob, List<Integer> dims, String loc) {
            Layer l = new Layer("Input", unique(name), Map.of("output_shape", dims), List.of());
            add(l, loc);
            producer.put(blob, l.name());
        }

        private String unique(String name) {
            String n = name.isEmpty() ? "layer" : name;
            for (int i = 2; names.contains(n); i++) {
                n = name + "_" + i;
            }
            return n;
        }

        private void add(Layer l, String loc) {
            names.add(l.name());
            layers.put(l.name(), l);
            where.put(l.name(), loc);
            shapes.put(l.name(), shapeOf(l));
        }

        /** The layer's output shape, or null when it cannot be known yet (the validator reports why later). */
        private Shape shapeOf(Layer l) {
            var spec = catalogue.spec(l.type()).orElse(null);
            if (spec == null) {
                return null;
            }
            List<Shape> in = new ArrayList<>();
            for (String f : l.from()) {
                Shape s = shapes.get(f);
                if (s == null) {
                    return null;
                }
                in.add(s);
            }
            try {
                return ShapeRules.require(spec.shapeRule()).apply(new LayerParams(l, catalogue), in);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
