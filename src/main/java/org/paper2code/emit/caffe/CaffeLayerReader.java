package org.paper2code.emit.caffe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.paper2code.emit.caffe.proto.CaffeProto.ConvolutionParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.EltwiseParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.LRNParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.LayerParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.PoolingParameter;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;

/**
 * Translates one computing Caffe layer (not data, Split or Silence) into graph layers. Errors
 * are IllegalArgumentExceptions with the reason only; the importer adds file and location.
 */
final class CaffeLayerReader {
    /** Caffe loss layer type -> the Loss layer's function. */
    static final Map<String, String> LOSSES = Map.of(
            "SoftmaxWithLoss", "softmax_cross_entropy",
            "SigmoidCrossEntropyLoss", "sigmoid_cross_entropy",
            "EuclideanLoss", "euclidean",
            "HingeLoss", "hinge",
            "ContrastiveLoss", "contrastive",
            "MultinomialLogisticLoss", "multinomial_logistic",
            "InfogainLoss", "infogain");

    /** Internal type for a Caffe Bias layer; the importer folds it into the BatchNorm before it. */
    static final String BIAS = "caffe:Bias";

    private static final String[][] AXES = {{"row"}, {"row", "col"}, {"depth", "row", "col"}};

    private CaffeLayerReader() {
    }

    /**
     * @param in input shapes, an entry null when unknown
     * @param unique makes a layer name unique in the graph
     * @return the graph layers, the last one producing the Caffe layer's output
     */
    static List<Layer> read(LayerParameter lp, String name, List<String> from, List<Shape> in, UnaryOperator<String> unique) {
        String t = lp.getType();
        Shape first = in.isEmpty() ? null : in.get(0);
        if (LOSSES.containsKey(t)) {
            CanonicalParams p = new CanonicalParams("Loss").put("function", LOSSES.get(t));
            if (lp.getLossWeightCount() > 0) {
                p.put("loss_weight", CanonicalParams.decimal(lp.getLossWeight(0)));
            }
            return one("Loss", name, p, from);
        }
        return switch (t) {
            case "Convolution" -> one(convType(first), name, conv(lp.getConvolutionParam(), rank(first) - 1, true), from);
            case "Deconvolution" -> one("Deconv2D", name, conv(lp.getConvolutionParam(), 2, false), from);
            case "Pooling" -> pooling(lp.getPoolingParam(), name, from);
            case "InnerProduct" -> innerProduct(lp, name, from, first, unique);
            case "ReLU" -> lp.getReluParam().getNegativeSlope() == 0f
                    ? activation(name, from, "relu", null)
                    : activation(name, from, "leaky_relu", CanonicalParams.decimal(lp.getReluParam().getNegativeSlope()));
            case "PReLU" -> activation(name, from, "prelu", null);
            case "ELU" -> activation(name, from, "elu", CanonicalParams.decimal(lp.getEluParam().getAlpha()));
            case "Sigmoid" -> activation(name, from, "sigmoid", null);
            case "TanH" -> activation(name, from, "tanh", null);
            case "BNLL" -> activation(name, from, "softplus", null);
            case "Dropout" -> one("Dropout", name,
                    new CanonicalParams("Dropout").put("rate", CanonicalParams.decimal(lp.getDropoutParam().getDropoutRatio())), from);
            case "LRN" -> one("LRN", name, lrn(lp.getLrnParam()), from);
            case "BatchNorm" -> one("BatchNorm", name, new CanonicalParams("BatchNorm")
                    .put("epsilon", CanonicalParams.decimal(lp.getBatchNormParam().getEps()))
                    .put("momentum", CanonicalParams.decimal(lp.getBatchNormParam().getMovingAverageFraction()))
                    .put("scale", false).put("center", false), from);
            case "Scale" -> scale(lp, name, from);
            case "Bias" -> bias(lp, name, from);
            case "Concat" -> one("Concat", name, new CanonicalParams("Concat").put("axis", ourAxis(
                    lp.getConcatParam().hasConcatDim() ? (int) lp.getConcatParam().getConcatDim() : lp.getConcatParam().getAxis())), from);
            case "Eltwise" -> eltwise(lp.getEltwiseParam(), name, from);
            case "Softmax" -> one("Softmax", name, new CanonicalParams("Softmax").put("axis", ourAxis(lp.getSoftmaxParam().getAxis())), from);
            case "Flatten" -> flatten(lp, name, from);
            case "Reshape" -> reshape(lp, name, from, first);
            case "Accuracy" -> one("Accuracy", name, new CanonicalParams("Accuracy").put("top_k", (int) lp.getAccuracyParam().getTopK()), from);
            default -> throw new IllegalArgumentException("unknown Caffe layer type '" + t + "' (paper2code reads "
                    + "Convolution, Deconvolution, Pooling, InnerProduct, ReLU, PReLU, ELU, Sigmoid, TanH, BNLL, Dropout, LRN, "
                    + "BatchNorm, Scale, Bias, Concat, Eltwise, Softmax, Flatten, Reshape, Split, Silence, Accuracy, "
                    + String.join(", ", LOSSES.keySet().stream().sorted().toList()) + ", Input and data layers)");
        };
    }

    private static List<Layer> one(String type, String name, CanonicalParams p, List<String> from) {
        return List.of(new Layer(type, name, p.map(), from));
    }

    private static List<Layer> activation(String name, List<String> from, String function, Double alpha) {
        CanonicalParams p = new CanonicalParams("Activation").force("function", function);
        if (alpha != null) {
            p.force("alpha", alpha);
        }
        return one("Activation", name, p, from);
    }

    static int rank(Shape s) {
        return s == null ? 3 : s.rank();
    }

    private static String convType(Shape in) {
        return switch (rank(in)) {
            case 2 -> "Conv1D";
            case 4 -> "Conv3D";
            default -> "Conv2D";
        };
    }

    /** Caffe axis (counting the batch) to ours (not counting it). */
    static int ourAxis(int caffeAxis) {
        if (caffeAxis == 0) {
            throw new IllegalArgumentException("axis 0 is the batch axis, which paper2code graphs do not model");
        }
        return caffeAxis > 0 ? caffeAxis - 1 : caffeAxis;
    }

    private static CanonicalParams conv(ConvolutionParameter cp, int spatial, boolean full) {
        if (spatial < 1 || spatial > 3) {
            spatial = 2;
        }
        if (cp.getAxis() != 1) {
            throw new IllegalArgumentException("convolution axis " + cp.getAxis() + " is not supported (only 1, channels)");
        }
        String[] axes = AXES[spatial - 1];
        String type = full ? (spatial == 1 ? "Conv1D" : spatial == 3 ? "Conv3D" : "Conv2D") : "Deconv2D";
        if (cp.getNumOutput() == 0) {
            throw new IllegalArgumentException("convolution_param.num_output is missing");
        }
        int[] kernel = perAxis("kernel_size", cp.getKernelSizeList(), cp.hasKernelH() || cp.hasKernelW(),
                (int) cp.getKernelH(), (int) cp.getKernelW(), spatial, -1);
        int[] stride = perAxis("stride", cp.getStrideList(), cp.hasStrideH() || cp.hasStrideW(),
                (int) cp.getStrideH(), (int) cp.getStrideW(), spatial, 1);
        int[] pad = perAxis("pad", cp.getPadList(), cp.hasPadH() || cp.hasPadW(),
                (int) cp.getPadH(), (int) cp.getPadW(), spatial, 0);
        int[] dilation = perAxis("dilation", cp.getDilationList(), false, 0, 0, spatial, 1);
        CanonicalParams p = new CanonicalParams(type).put("filters", (int) cp.getNumOutput());
        windowParams(p, axes, kernel, stride, pad);
        if (full) {
            for (int i = 0; i < axes.length; i++) {
                p.put("dilation_" + axes[i], dilation[i]);
            }
            p.put("groups", (int) cp.getGroup());
        } else if (cp.getGroup() != 1 || java.util.Arrays.stream(dilation).anyMatch(d -> d != 1)) {
            throw new IllegalArgumentException("Deconvolution with group or dilation is not supported");
        }
        return p.put("use_bias", cp.getBiasTerm());
    }

    /** kernel, stride and explicit padding; padding is stated only when some axis has any. */
    private static void windowParams(CanonicalParams p, String[] axes, int[] kernel, int[] stride, int[] pad) {
        for (int i = 0; i < axes.length; i++) {
            p.put("kernel_" + axes[i], kernel[i]);
        }
        for (int i = 0; i < axes.length; i++) {
            p.put("stride_" + axes[i], stride[i]);
        }
        if (java.util.Arrays.stream(pad).anyMatch(x -> x != 0)) {
            for (int i = 0; i < axes.length; i++) {
                p.put("pad_" + axes[i], pad[i]);
            }
        }
    }

    /** One value per spatial axis from Caffe's repeated field or its _h/_w pair. */
    private static int[] perAxis(String what, List<Integer> repeated, boolean hw, int h, int w, int spatial, int dflt) {
        int[] out = new int[spatial];
        if (hw) {
            if (spatial != 2) {
                throw new IllegalArgumentException(what + "_h/_w are only for 2D");
            }
            return new int[] {h, w};
        }
        if (repeated.isEmpty()) {
            if (dflt < 0) {
                throw new IllegalArgumentException(what + " is missing");
            }
            java.util.Arrays.fill(out, dflt);
        } else if (repeated.size() == 1) {
            java.util.Arrays.fill(out, repeated.get(0));
        } else if (repeated.size() == spatial) {
            for (int i = 0; i < spatial; i++) {
                out[i] = repeated.get(i);
            }
        } else {
            throw new IllegalArgumentException(what + " has " + repeated.size() + " values for " + spatial + " spatial axes");
        }
        return out;
    }

    private static List<Layer> pooling(PoolingParameter pp, String name, List<String> from) {
        String function = switch (pp.getPool()) {
            case MAX -> "MAX";
            case AVE -> "AVG";
            default -> throw new IllegalArgumentException("pooling method " + pp.getPool() + " is not supported");
        };
        if (pp.getGlobalPooling()) {
            // Caffe keeps the 1x1 spatial dims
            return one("GlobalPooling2D", name, new CanonicalParams("GlobalPooling2D").put("function", function)
                    .put("keep_dims", true), from);
        }
        boolean kh = pp.hasKernelH() || pp.hasKernelW();
        int[] kernel = kh ? new int[] {(int) pp.getKernelH(), (int) pp.getKernelW()} : both((int) pp.getKernelSize());
        if (kernel[0] == 0 || kernel[1] == 0) {
            throw new IllegalArgumentException("pooling_param needs kernel_size (or global_pooling)");
        }
        boolean sh = pp.hasStrideH() || pp.hasStrideW();
        int[] stride = sh ? new int[] {(int) pp.getStrideH(), (int) pp.getStrideW()} : both((int) pp.getStride());
        boolean ph = pp.hasPadH() || pp.hasPadW();
        int[] pad = ph ? new int[] {(int) pp.getPadH(), (int) pp.getPadW()} : both((int) pp.getPad());
        CanonicalParams p = new CanonicalParams("Pooling2D").put("function", function);
        windowParams(p, AXES[1], kernel, stride, pad);
        // Caffe rounds the output size up
        return one("Pooling2D", name, p.put("ceil_mode", true), from);
    }

    private static int[] both(int v) {
        return new int[] {v, v};
    }

    /** InnerProduct flattens from its axis on; a graph Dense needs that Flatten spelled out. */
    private static List<Layer> innerProduct(LayerParameter lp, String name, List<String> from, Shape in,
                                            UnaryOperator<String> unique) {
        var ip = lp.getInnerProductParam();
        if (ip.getNumOutput() == 0) {
            throw new IllegalArgumentException("inner_product_param.num_output is missing");
        }
        if (ip.getTranspose()) {
            throw new IllegalArgumentException("InnerProduct with transpose: true is not supported");
        }
        Layer dense = new Layer("Dense", name, new CanonicalParams("Dense").put("units", (int) ip.getNumOutput())
                .put("use_bias", ip.getBiasTerm()).map(), from);
        int axis = ip.getAxis();
        int rank = in == null ? -1 : in.rank();
        if (axis == -1 || (axis == rank && rank == 2)) {
            return List.of(dense);
        }
        if (axis != 1) {
            throw new IllegalArgumentException("InnerProduct axis " + axis + " is not supported (1, or the last axis)");
        }
        if (rank == 1) {
            return List.of(dense);
        }
        Layer flatten = new Layer("Flatten", unique.apply(name + "_flatten"), Map.of(), from);
        return List.of(flatten, dense.withFrom(List.of(flatten.name())));
    }

    private static CanonicalParams lrn(LRNParameter p) {
        return new CanonicalParams("LRN").put("local_size", (int) p.getLocalSize())
                .put("alpha", CanonicalParams.decimal(p.getAlpha()))
                .put("beta", CanonicalParams.decimal(p.getBeta()))
                .put("k", CanonicalParams.decimal(p.getK()))
                .put("norm_region", p.getNormRegion().name());
    }

    private static List<Layer> scale(LayerParameter lp, String name, List<String> from) {
        var sp = lp.getScaleParam();
        if (from.size() != 1 || sp.getNumAxes() != 1) {
            throw new IllegalArgumentException("only a learned per-channel Scale (one bottom, num_axes 1) is supported");
        }
        return one("Scale", name, new CanonicalParams("Scale").put("axis", ourAxis(sp.getAxis()))
                .put("bias_term", sp.getBiasTerm()), from);
    }

    private static List<Layer> bias(LayerParameter lp, String name, List<String> from) {
        var bp = lp.getBiasParam();
        if (from.size() != 1 || bp.getAxis() != 1 || bp.getNumAxes() != 1) {
            throw new IllegalArgumentException("only a learned per-channel Bias right after BatchNorm is supported");
        }
        return List.of(new Layer(BIAS, name, Map.of(), from));
    }

    private static List<Layer> eltwise(EltwiseParameter ep, String name, List<String> from) {
        if (ep.getCoeffList().stream().anyMatch(c -> c != 1f)) {
            throw new IllegalArgumentException("Eltwise coefficients other than 1 are not supported");
        }
        String type = switch (ep.getOperation()) {
            case SUM -> "Add";
            case PROD -> "Multiply";
            case MAX -> "Maximum";
            default -> throw new IllegalArgumentException("Eltwise operation " + ep.getOperation() + " is not supported");
        };
        return one(type, name, new CanonicalParams(type), from);
    }

    private static List<Layer> flatten(LayerParameter lp, String name, List<String> from) {
        var fp = lp.getFlattenParam();
        if (fp.getAxis() != 1 || fp.getEndAxis() != -1) {
            throw new IllegalArgumentException("Flatten is supported from axis 1 to the end only");
        }
        return one("Flatten", name, new CanonicalParams("Flatten"), from);
    }

    /** Caffe's shape includes the batch: its first dim must be 0 (copy); other 0s copy the input's dim. */
    private static List<Layer> reshape(LayerParameter lp, String name, List<String> from, Shape in) {
        var rp = lp.getReshapeParam();
        List<Long> dims = rp.getShape().getDimList();
        if (rp.getNumAxes() != -1 || rp.getAxis() != 0 || dims.isEmpty() || dims.get(0) != 0) {
            throw new IllegalArgumentException("Reshape must keep the batch: shape { dim: 0 ... } over all axes");
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i < dims.size(); i++) {
            long d = dims.get(i);
            if (d == 0) {
                if (in == null || in.rank() < i || in.dim(i - 1) == Shape.UNKNOWN) {
                    throw new IllegalArgumentException("Reshape copies dim " + i + " of an input whose shape is unknown");
                }
                d = in.dim(i - 1);
            }
            out.add((int) d);
        }
        return one("Reshape", name, new CanonicalParams("Reshape").force("output_shape", out), from);
    }
}
