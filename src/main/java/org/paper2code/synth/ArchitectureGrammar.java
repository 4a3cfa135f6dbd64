package org.paper2code.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;

/**
 * A seeded generator of valid architecture graphs, one family at a time, with realistic
 * parameters. Every graph passes {@code GraphValidator.check}.
 */
public final class ArchitectureGrammar {

    /** Families of architectures the grammar knows, plus the classic models shipped as JSON. */
    public enum Family {
        MLP, LENET, VGG, RESNET, INCEPTION, UNET, AUTOENCODER, RECURRENT, ATTENTION, GAN_GENERATOR, REAL, PIPELINE
    }

    /** Families each style can draw faithfully (stacked and 3D decks need a chain of maps). */
    public static List<Family> familiesFor(DiagramStyle style) {
        return switch (style) {
            case NEURONS -> List.of(Family.MLP, Family.MLP, Family.AUTOENCODER);
            case BOX_2D -> List.of(Family.MLP, Family.LENET, Family.VGG, Family.RESNET, Family.INCEPTION, Family.UNET,
                    Family.AUTOENCODER, Family.RECURRENT, Family.ATTENTION, Family.GAN_GENERATOR, Family.REAL);
            case STACKED_2D_BOX -> List.of(Family.LENET, Family.LENET, Family.VGG, Family.REAL);
            case BOX_3D -> List.of(Family.LENET, Family.VGG, Family.VGG, Family.REAL);
            case PIPELINE -> List.of(Family.PIPELINE);
            case OTHER -> List.of();
        };
    }

    public Graph generate(Family family, DiagramStyle style, Random r) {
        return switch (family) {
            case MLP -> mlp(r, style == DiagramStyle.NEURONS);
            case LENET -> lenet(r);
            case VGG -> vgg(r, style == DiagramStyle.BOX_2D);
            case RESNET -> resnet(r);
            case INCEPTION -> inception(r);
            case UNET -> unet(r);
            case AUTOENCODER -> style == DiagramStyle.NEURONS || r.nextBoolean() ? denseAutoencoder(r, style == DiagramStyle.NEURONS)
                    : convAutoencoder(r);
            case RECURRENT -> recurrent(r);
            case ATTENTION -> attention(r);
            case GAN_GENERATOR -> ganGenerator(r);
            case REAL -> RealModels.pick(r, style);
            case PIPELINE -> PipelineGraphs.generate(r);
        };
    }

    private static String act(Random r) {
        return Pick.chance(r, 0.8) ? "relu" : Pick.one(r, "tanh", "sigmoid", "elu", "leaky_relu");
    }

    private static int classes(Random r) {
        return Pick.oneInt(r, 10, 10, 2, 5, 20, 100, 1000);
    }

    Graph mlp(Random r, boolean small) {
        GraphBuilder b = new GraphBuilder();
        int in = small ? Pick.oneInt(r, 2, 3, 4, 5, 8, 16, 784) : Pick.oneInt(r, 784, 3072, 100, 64, 20, 1024);
        b.input(in);
        int hidden = Pick.between(r, 1, small ? 3 : 4);
        String a = act(r);
        boolean dropout = !small && Pick.chance(r, 0.4);
        double rate = rate(r);
        for (int i = 0; i < hidden; i++) {
            int units = small ? Pick.oneInt(r, 3, 4, 5, 6, 8, 10, 16, 64, 128, 256) : Pick.oneInt(r, 64, 128, 256, 512, 1024, 2048, 4096);
            b.dense(units, a);
            if (dropout) {
                b.add("Dropout", "drop", GraphBuilder.params("rate", rate));
            }
        }
        int out = small ? Pick.oneInt(r, 1, 2, 3, 4, 10) : classes(r);
        b.dense(out, out == 1 ? "sigmoid" : "softmax");
        return b.build("mlp");
    }


    private static double rate(Random r) {
        return Pick.one(r, 0.2, 0.25, 0.3, 0.4, 0.5, 0.5);
    }

    Graph lenet(Random r) {
        GraphBuilder b = new GraphBuilder();
        int size = Pick.oneInt(r, 28, 32, 32, 48, 64);
        b.input(Pick.oneInt(r, 1, 1, 3), size, size);
        int blocks = size >= 48 ? Pick.between(r, 2, 3) : 2;
        int filters = Pick.oneInt(r, 6, 8, 16, 20, 32);
        String a = Pick.one(r, "relu", "relu", "tanh", "sigmoid");
        boolean avg = Pick.chance(r, 0.3);
        for (int i = 0; i < blocks; i++) {
            int k = b.size >= 20 ? Pick.oneInt(r, 5, 5, 3) : 3;
            b.conv(filters, k, 1, Pick.chance(r, 0.3), a);
            b.pool(avg ? "AVG" : "MAX", 2, 2, false);
            filters = Math.min(filters * 2 + (filters == 6 ? 4 : 0), 128);
        }
        b.add("Flatten", "flatten", GraphBuilder.params());
        int fcs = Pick.between(r, 1, 2);
        int units = Pick.oneInt(r, 120, 128, 256, 500, 512);
        for (int i = 0; i < fcs; i++) {
            b.dense(units, a);
            units = units == 120 ? 84 : Math.max(64, units / 2);
        }
        b.dense(Pick.oneInt(r, 10, 10, 43, 100), "softmax");
        return b.build("lenet");
    }

    Graph vgg(Random r, boolean explicitLayers) {
        GraphBuilder b = new GraphBuilder();
        int size = Pick.oneInt(r, 32, 64, 96, 224, 224);
        b.input(3, size, size);
        int blocks = Math.min(size >= 224 ? 5 : size >= 64 ? 4 : 3, Pick.between(r, 3, 5));
        int filters = Pick.oneInt(r, 16, 32, 64, 64);
        boolean bn = explicitLayers && Pick.chance(r, 0.35);
        int convs = Pick.between(r, 1, 3);
        for (int i = 0; i < blocks; i++) {
            for (int c = 0; c < convs; c++) {
                if (bn) {
                    b.conv(filters, 3, 1, true, "linear");
                    b.add("BatchNorm", "bn", GraphBuilder.params());
                    b.add("Activation", "relu", GraphBuilder.params("function", "relu"));
                } else {
                    b.conv(filters, 3, 1, true, "relu");
                }
            }
            b.pool("MAX", 2, 2, false);
            filters = Math.min(filters * 2, 512);
        }
        b.add("Flatten", "flatten", GraphBuilder.params());
        int units = size >= 224 ? 4096 : Pick.oneInt(r, 256, 512, 1024);
        boolean drop = explicitLayers && Pick.chance(r, 0.6);
        double rate = rate(r);
        for (int i = 0; i < Pick.between(r, 1, 2); i++) {
            b.dense(units, "relu");
            if (drop) {
                b.add("Dropout", "drop", GraphBuilder.params("rate", rate));
            }
        }
        b.dense(size >= 224 ? 1000 : classes(r), "softmax");
        return b.build("vgg");
    }

    Graph resnet(Random r) {
        GraphBuilder b = new GraphBuilder();
        int size = Pick.oneInt(r, 32, 64, 224);
        b.input(3, size, size);
        int filters = size >= 224 ? 64 : Pick.oneInt(r, 16, 32);
        b.conv(filters, size >= 224 ? 7 : 3, size >= 224 ? 2 : 1, true, "linear");
        b.add("BatchNorm", "bn", GraphBuilder.params());
        b.add("Activation", "relu", GraphBuilder.params("function", "relu"));
        if (size >= 224) {
            b.pool("MAX", 3, 2, true);
        }
        int stages = Pick.between(r, 2, 3);
        int blocks = Pick.between(r, 1, 2);
        for (int s = 0; s < stages; s++) {
            for (int k = 0; k < blocks; k++) {
                int stride = s > 0 && k == 0 ? 2 : 1;
                int outFilters = s > 0 && k == 0 ? filters * 2 : filters;
                String in = b.last();
                int inSize = b.size;
                b.conv(outFilters, 3, stride, true, "linear");
                b.add("BatchNorm", "bn", GraphBuilder.params());
                b.add("Activation", "relu", GraphBuilder.params("function", "relu"));
                b.conv(outFilters, 3, 1, true, "linear");
                String main = b.add("BatchNorm", "bn", GraphBuilder.params());
                String shortcut = in;
                if (outFilters != filters || stride != 1) {
                    int keep = b.size;
                    b.size = inSize;
                    shortcut = b.conv(outFilters, 1, stride, true, "linear", in);
                    b.size = keep;
                }
                b.add("Add", "add", GraphBuilder.params(), main, shortcut);
                b.add("Activation", "relu", GraphBuilder.params("function", "relu"));
                filters = outFilters;
            }
        }
        b.add("GlobalPooling2D", "gap", GraphBuilder.params());
        b.dense(size >= 224 ? 1000 : classes(r), "softmax");
        return b.build("resnet");
    }

    Graph inception(Random r) {
        GraphBuilder b = new GraphBuilder();
        int size = Pick.oneInt(r, 32, 64, 224);
        b.input(3, size, size);
        b.conv(Pick.oneInt(r, 32, 64), size >= 224 ? 7 : 3, size >= 224 ? 2 : 1, true, "relu");
        b.pool("MAX", 3, 2, true);
        int modules = Pick.between(r, 1, 3);
        for (int m = 0; m < modules; m++) {
            String in = b.last();
            int base = Pick.oneInt(r, 32, 64, 128);
            List<String> branches = new ArrayList<>();
            branches.add(b.conv(base, 1, 1, true, "relu", in));
            b.conv(base, 1, 1, true, "relu", in);
            branches.add(b.conv(base * 2, 3, 1, true, "relu"));
            if (Pick.chance(r, 0.8)) {
                b.conv(base / 2, 1, 1, true, "relu", in);
                branches.add(b.conv(base / 2, 5, 1, true, "relu"));
            }
            if (Pick.chance(r, 0.8)) {
                b.pool("MAX", 3, 1, true, in);
                branches.add(b.conv(base / 2, 1, 1, true, "relu"));
            }
            b.add("Concat", "concat", GraphBuilder.params(), branches.toArray(new String[0]));
            if (m < modules - 1 && b.size >= 8 && Pick.chance(r, 0.5)) {
                b.pool("MAX", 3, 2, true);
            }
        }
        b.add("GlobalPooling2D", "gap", GraphBuilder.params());
        if (Pick.chance(r, 0.5)) {
            b.add("Dropout", "drop", GraphBuilder.params("rate", rate(r)));
        }
        b.dense(size >= 224 ? 1000 : classes(r), "softmax");
        return b.build("inception");
    }

    Graph unet(Random r) {
        GraphBuilder b = new GraphBuilder();
        int size = Pick.oneInt(r, 64, 128, 256, 256, 512);
        b.input(Pick.oneInt(r, 1, 3), size, size);
        int depth = Pick.between(r, 2, 4);
        int filters = Pick.oneInt(r, 16, 32, 64);
        boolean deconv = Pick.chance(r, 0.6);
        List<String> skips = new ArrayList<>();
        List<Integer> skipFilters = new ArrayList<>();
        for (int d = 0; d < depth; d++) {
            b.conv(filters, 3, 1, true, "relu");
            skips.add(b.conv(filters, 3, 1, true, "relu"));
            skipFilters.add(filters);
            b.pool("MAX", 2, 2, false);
            filters *= 2;
        }
        b.conv(filters, 3, 1, true, "relu");
        b.conv(filters, 3, 1, true, "relu");
        for (int d = depth - 1; d >= 0; d--) {
            int f = skipFilters.get(d);
            if (deconv) {
                b.add("Deconv2D", "upconv", GraphBuilder.params("filters", f, "kernel_row", 2, "stride_row", 2, "border_mode", "same"));
            } else {
                b.add("Upsampling2D", "up", GraphBuilder.params());
            }
            b.size *= 2;
            b.add("Concat", "concat", GraphBuilder.params(), b.last(), skips.get(d));
            b.conv(f, 3, 1, true, "relu");
            b.conv(f, 3, 1, true, "relu");
        }
        int classes = Pick.oneInt(r, 1, 2, 3, 21);
        b.conv(classes, 1, 1, true, classes == 1 ? "sigmoid" : "linear");
        if (classes > 1) {
            b.add("Softmax", "softmax", GraphBuilder.params("axis", 0));
        }
        return b.build("unet");
    }

    Graph denseAutoencoder(Random r, boolean small) {
        GraphBuilder b = new GraphBuilder();
        int in = small ? Pick.oneInt(r, 4, 6, 8, 10, 16) : Pick.oneInt(r, 784, 1024, 3072);
        b.input(in);
        List<Integer> widths = new ArrayList<>();
        int w = small ? in / 2 + 1 : Pick.oneInt(r, 512, 1024);
        int layers = Pick.between(r, 1, small ? 2 : 3);
        String a = act(r);
        for (int i = 0; i < layers; i++) {
            widths.add(w);
            b.dense(w, a);
            w = Math.max(2, w / 2);
        }
        b.dense(small ? Math.max(2, w) : Pick.oneInt(r, 2, 16, 32, 64), "linear");
        for (int i = widths.size() - 1; i >= 0; i--) {
            b.dense(widths.get(i), a);
        }
        b.dense(in, "sigmoid");
        return b.build("autoencoder");
    }

    Graph convAutoencoder(Random r) {
        GraphBuilder b = new GraphBuilder();
        int size = Pick.oneInt(r, 28, 32, 64, 128);
        int ch = size == 28 ? 1 : 3;
        b.input(ch, size, size);
        int depth = size == 28 ? 2 : Pick.between(r, 2, 3);
        int filters = Pick.oneInt(r, 16, 32);
        List<Integer> fs = new ArrayList<>();
        for (int d = 0; d < depth; d++) {
            b.conv(filters, 3, 1, true, "relu");
            b.pool("MAX", 2, 2, false);
            fs.add(filters);
            filters *= 2;
        }
        for (int d = depth - 1; d >= 0; d--) {
            b.conv(fs.get(d), 3, 1, true, "relu");
            b.add("Upsampling2D", "up", GraphBuilder.params());
            b.size *= 2;
        }
        b.conv(ch, 3, 1, true, "sigmoid");
        return b.build("conv-autoencoder");
    }

    Graph recurrent(Random r) {
        GraphBuilder b = new GraphBuilder();
        int t = Pick.oneInt(r, 50, 100, 200, 400);
        b.input(t);
        b.add("Embedding", "embed", GraphBuilder.params("input_dim", Pick.oneInt(r, 5000, 10000, 20000, 50000),
                "output_dim", Pick.oneInt(r, 64, 100, 128, 256, 300)));
        String cell = Pick.one(r, "LSTM", "LSTM", "GRU", "SimpleRNN", "Bidirectional");
        int layers = Pick.between(r, 1, 3);
        boolean tagging = Pick.chance(r, 0.25);
        int units = Pick.oneInt(r, 64, 128, 256, 512);
        for (int i = 0; i < layers; i++) {
            boolean seq = tagging || i < layers - 1;
            Map<String, Object> p = GraphBuilder.params("units", units);
            if (cell.equals("Bidirectional")) {
                p = GraphBuilder.params("layer", Pick.one(r, "LSTM", "GRU"), "units", units);
            }
            if (seq) {
                p.put("return_sequences", true);
            }
            b.add(cell, cell.equals("Bidirectional") ? "bilstm" : cell.toLowerCase(), p);
            if (Pick.chance(r, 0.3)) {
                b.add("Dropout", "drop", GraphBuilder.params("rate", rate(r)));
            }
        }
        if (Pick.chance(r, 0.5)) {
            b.dense(Pick.oneInt(r, 64, 128, 256), "relu");
        }
        int classes = Pick.oneInt(r, 1, 2, 5, 9, 20);
        b.dense(classes, classes == 1 ? "sigmoid" : "softmax");
        return b.build("recurrent");
    }

    Graph attention(Random r) {
        GraphBuilder b = new GraphBuilder();
        int t = Pick.oneInt(r, 64, 128, 256, 512);
        b.input(t);
        int d = Pick.oneInt(r, 128, 256, 512);
        int heads = Pick.oneInt(r, 4, 8);
        b.add("Embedding", "embed", GraphBuilder.params("input_dim", Pick.oneInt(r, 8000, 16000, 32000), "output_dim", d));
        int blocks = Pick.between(r, 1, 2);
        for (int i = 0; i < blocks; i++) {
            String x = b.last();
            String att = b.add("MultiHeadAttention", "mha", GraphBuilder.params("num_heads", heads, "key_dim", d / heads), x);
            b.add("Add", "add", GraphBuilder.params(), x, att);
            String n1 = b.add("LayerNorm", "norm", GraphBuilder.params());
            b.dense(d * Pick.oneInt(r, 2, 4), Pick.one(r, "relu", "gelu"));
            b.dense(d, "linear");
            b.add("Add", "add", GraphBuilder.params(), n1, b.last());
            b.add("LayerNorm", "norm", GraphBuilder.params());
        }
        if (Pick.chance(r, 0.5)) {
            b.add("Flatten", "flatten", GraphBuilder.params());
            b.dense(classes(r), "softmax");
        } else {
            b.dense(Pick.oneInt(r, 8000, 16000, 32000), "softmax");
        }
        return b.build("transformer");
    }

    Graph ganGenerator(Random r) {
        GraphBuilder b = new GraphBuilder();
        b.input(Pick.oneInt(r, 64, 100, 128));
        int start = Pick.oneInt(r, 4, 7);
        int filters = Pick.oneInt(r, 256, 512, 1024);
        b.dense(start * start * filters, "linear");
        b.add("Reshape", "reshape", GraphBuilder.params("output_shape", List.of(filters, start, start)));
        b.add("BatchNorm", "bn", GraphBuilder.params());
        b.add("Activation", "relu", GraphBuilder.params("function", "relu"));
        int ups = start == 7 ? 2 : Pick.between(r, 2, 4);
        int outCh = start == 7 ? 1 : 3;
        int k = Pick.oneInt(r, 4, 5);
        for (int i = 0; i < ups - 1; i++) {
            filters /= 2;
            b.add("Deconv2D", "deconv", GraphBuilder.params("filters", filters, "kernel_row", k, "stride_row", 2, "border_mode", "same"));
            b.add("BatchNorm", "bn", GraphBuilder.params());
            b.add("Activation", "relu", GraphBuilder.params("function", "relu"));
        }
        b.add("Deconv2D", "deconv", GraphBuilder.params("filters", outCh, "kernel_row", k, "stride_row", 2, "border_mode", "same",
                "activation", "tanh"));
        return b.build("gan-generator");
    }
}
