package org.paper2code.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;

/** Layer labels in the phrasings papers use ({@code conv 3x3, 64}, {@code Conv2D(64, (3,3))}, {@code FC-4096}, ...). */
public final class LabelPhrasing {

    public enum Phrasing { PAPER, CODE, RESNET, CAPS, VGG, WORDS }

    private LabelPhrasing() {
    }

    public static String label(Layer l, Shape out, Phrasing p) {
        LayerParams lp = LayerParams.of(l);
        String t = l.type();
        return switch (t) {
            case "Input" -> input(out, p);
            case "Conv2D", "Deconv2D" -> conv(lp, t.equals("Deconv2D"), p);
            case "Pooling2D" -> pool(lp, p);
            case "GlobalPooling2D" -> switch (p) {
                case CODE -> "GlobalAveragePooling2D()";
                case CAPS -> "GAP";
                case WORDS -> "Global average pooling";
                default -> "global avg pool";
            };
            case "Dense" -> dense(lp.getInt("units"), lp.getString("activation"), p);
            case "Dropout" -> switch (p) {
                case CODE -> "Dropout(" + num(lp.getDouble("rate")) + ")";
                case CAPS -> "DROPOUT " + num(lp.getDouble("rate"));
                case WORDS -> "Dropout (p = " + num(lp.getDouble("rate")) + ")";
                default -> "dropout " + num(lp.getDouble("rate"));
            };
            case "BatchNorm" -> p == Phrasing.CODE ? "BatchNormalization()" : p == Phrasing.WORDS ? "Batch normalization" : p == Phrasing.CAPS ? "BN" : "batch norm";
            case "LRN" -> p == Phrasing.CODE ? "LRN(size=" + lp.getInt("local_size") + ")" : p == Phrasing.CAPS ? "LRN" : "local response norm";
            case "LayerNorm" -> p == Phrasing.CODE ? "LayerNormalization()" : p == Phrasing.CAPS ? "LN" : "Layer norm";
            case "Activation" -> p == Phrasing.CODE ? "Activation('" + lp.getString("function") + "')"
                    : p == Phrasing.CAPS ? lp.getString("function").toUpperCase(Locale.ROOT) : pretty(lp.getString("function"));
            case "Softmax" -> p == Phrasing.CODE ? "Softmax()" : p == Phrasing.CAPS ? "SOFTMAX" : "softmax";
            case "Flatten" -> p == Phrasing.CODE ? "Flatten()" : p == Phrasing.CAPS ? "FLATTEN" : "flatten";
            case "Reshape" -> (p == Phrasing.CODE ? "Reshape(" : "reshape ") + shape(out, "x") + (p == Phrasing.CODE ? ")" : "");
            case "Concat" -> p == Phrasing.CODE ? "Concatenate()" : p == Phrasing.CAPS ? "CONCAT" : p == Phrasing.WORDS ? "Concatenation" : "concat";
            case "Add" -> p == Phrasing.CODE ? "Add()" : p == Phrasing.CAPS ? "+" : p == Phrasing.WORDS ? "Addition" : "add";
            case "Embedding" -> p == Phrasing.CODE ? "Embedding(" + lp.getInt("input_dim") + ", " + lp.getInt("output_dim") + ")"
                    : "embedding " + lp.getInt("output_dim");
            case "SimpleRNN", "LSTM", "GRU" -> rnn(t.equals("SimpleRNN") ? "RNN" : t, lp.getInt("units"), p);
            case "Bidirectional" -> rnn("Bi" + lp.getString("layer"), lp.getInt("units"), p);
            case "MultiHeadAttention" -> p == Phrasing.CODE ? "MultiHeadAttention(" + lp.getInt("num_heads") + ", " + lp.getInt("key_dim") + ")"
                    : "multi-head attention, " + lp.getInt("num_heads") + " heads";
            case "Upsampling2D" -> p == Phrasing.CODE ? "UpSampling2D((" + lp.getInt("size_row") + "," + lp.getInt("size_row") + "))"
                    : "upsample x" + lp.getInt("size_row");
            case "RoIPooling" -> p == Phrasing.CAPS ? "ROI POOLING" : "RoI pooling " + lp.getInt("pooled_row") + "x" + lp.getInt("pooled_row");
            case "Lambda" -> lp.getString("note") != null ? lp.getString("note") : "Lambda";
            default -> t;
        };
    }

    private static String pretty(String f) {
        return switch (f) {
            case "relu" -> "ReLU";
            case "leaky_relu" -> "LeakyReLU";
            case "tanh" -> "tanh";
            case "sigmoid" -> "sigmoid";
            case "elu" -> "ELU";
            case "gelu" -> "GELU";
            default -> f;
        };
    }

    static String input(Shape s, Phrasing p) {
        if (s.rank() == 3) {
            int c = s.dim(0);
            int h = s.dim(1);
            int w = s.dim(2);
            return switch (p) {
                case CODE -> "Input((" + h + ", " + w + ", " + c + "))";
                case CAPS -> "INPUT " + h + "x" + w + "x" + c;
                case RESNET -> "image " + h + "x" + w;
                case WORDS -> "Input image " + h + " × " + w + " × " + c;
                default -> "input " + h + "x" + w + "x" + c;
            };
        }
        return switch (p) {
            case CODE -> "Input((" + shape(s, ", ") + (s.rank() == 1 ? ",))" : "))");
            case CAPS -> "INPUT " + shape(s, "x");
            case WORDS -> "Input (" + shape(s, " × ") + ")";
            default -> "input " + shape(s, "x");
        };
    }

    static String shape(Shape s, String sep) {
        return String.join(sep, s.dims().stream().map(d -> d < 0 ? "?" : String.valueOf(d)).toList());
    }

    private static String conv(LayerParams lp, boolean deconv, Phrasing p) {
        int f = lp.getInt("filters");
        int k = lp.getInt("kernel_row");
        int kc = lp.getInt("kernel_col");
        int s = lp.getInt("stride_row");
        String ks = k == kc ? k + "x" + k : k + "x" + kc;
        String name = deconv ? "deconv" : "conv";
        return switch (p) {
            case PAPER -> name + " " + ks + ", " + f + (s > 1 ? ", stride " + s : "");
            case CODE -> (deconv ? "Conv2DTranspose(" : "Conv2D(") + f + ", (" + k + "," + kc + ")" + (s > 1 ? ", strides=" + s : "") + ")";
            case RESNET -> ks + " " + name + ", " + f + (s > 1 ? ", /" + s : "");
            case CAPS -> name.toUpperCase(Locale.ROOT) + k + "-" + f + (s > 1 ? "/" + s : "");
            case VGG -> name + k + "-" + f + (s > 1 ? " /" + s : "");
            case WORDS -> (deconv ? "Transposed conv " : "Convolution ") + k + " × " + kc + " (" + f + ")" + (s > 1 ? ", stride " + s : "");
        };
    }

    private static String pool(LayerParams lp, Phrasing p) {
        boolean max = "MAX".equals(lp.getString("function"));
        int k = lp.getInt("kernel_row");
        int s = lp.getInt("stride_row");
        return switch (p) {
            case PAPER -> (max ? "max pool " : "avg pool ") + k + "x" + k + (s != k ? ", /" + s : "");
            case CODE -> (max ? "MaxPooling2D((" : "AveragePooling2D((") + k + "," + k + ")" + (s != k ? ", strides=" + s : "") + ")";
            case RESNET -> (max ? "max pool, /" : "avg pool, /") + s + (k != s ? " (" + k + "x" + k + ")" : "");
            case CAPS -> (max ? "MAXPOOL " : "AVGPOOL ") + k + "x" + k + (s != k ? "/" + s : "");
            case VGG -> (max ? "maxpool" : "avgpool") + (k != 2 || s != 2 ? " " + k + "x" + k + "/" + s : "");
            case WORDS -> (max ? "Max pooling " : "Average pooling ") + k + " × " + k + (s != k ? ", stride " + s : "");
        };
    }

    private static String dense(int units, String act, Phrasing p) {
        String suffix = "softmax".equals(act) ? switch (p) {
            case CODE -> "";
            case CAPS, VGG -> "";
            default -> ", softmax";
        } : "";
        return switch (p) {
            case PAPER -> "fc " + units + suffix;
            case CODE -> "Dense(" + units + (act != null && !act.equals("linear") ? ", '" + act + "'" : "") + ")";
            case RESNET -> "fc " + units + suffix;
            case CAPS -> "FC-" + units;
            case VGG -> "FC-" + units;
            case WORDS -> "Fully connected (" + units + ")" + suffix;
        };
    }

    private static String rnn(String cell, int units, Phrasing p) {
        return switch (p) {
            case CODE -> cell + "(" + units + ")";
            case CAPS -> cell.toUpperCase(Locale.ROOT) + "-" + units;
            case WORDS -> cell + " (" + units + " units)";
            default -> cell + " " + units;
        };
    }

    static String num(double v) {
        if (v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Layer types that decks (stacked 2D, 3D) and neuron columns do not draw: they change no map size. */
    public static final List<String> HIDDEN_IN_DECKS = List.of("Flatten", "Dropout", "LRN", "BatchNorm", "Activation", "Softmax",
            "Output", "LayerNorm");

    /**
     * The graph a deck figure or a layer table shows: without the layers they leave out (activations, dropout,
     * normalisation, softmax: {@link #HIDDEN_IN_DECKS}), each one's input passed on to its consumers; Flatten stays,
     * the glue a reader inserts before a dense layer, as the annotations do.
     */
    public static Graph withoutHiddenLayers(Graph g) {
        Map<String, String> alias = new HashMap<>();
        List<Layer> out = new ArrayList<>();
        for (Layer l : g.layers()) {
            List<String> from = l.from().stream().map(f -> alias.getOrDefault(f, f)).toList();
            if (!l.type().equals("Flatten") && HIDDEN_IN_DECKS.contains(l.type()) && from.size() == 1) {
                alias.put(l.name(), from.get(0));
                continue;
            }
            out.add(l.withFrom(from));
        }
        return g.withLayers(out);
    }
}
