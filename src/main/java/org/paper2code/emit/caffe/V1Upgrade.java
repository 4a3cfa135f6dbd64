package org.paper2code.emit.caffe;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Locale;
import java.util.Map;
import org.paper2code.emit.caffe.proto.CaffeProto.LayerParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.V1LayerParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.V1LayerParameter.LayerType;

/**
 * Upgrades the old {@code layers { type: CONVOLUTION ... }} syntax to {@code layer {}} the way
 * Caffe's {@code UpgradeV1LayerParameter} does: the enum type becomes its string name and
 * every field both messages share (name, bottom, top, include, the *_param messages, ...) is
 * copied by descriptor.
 */
final class V1Upgrade {
    private static final Map<LayerType, String> NAMES = Map.ofEntries(
            Map.entry(LayerType.ABSVAL, "AbsVal"), Map.entry(LayerType.ACCURACY, "Accuracy"),
            Map.entry(LayerType.ARGMAX, "ArgMax"), Map.entry(LayerType.BNLL, "BNLL"),
            Map.entry(LayerType.CONCAT, "Concat"), Map.entry(LayerType.CONTRASTIVE_LOSS, "ContrastiveLoss"),
            Map.entry(LayerType.CONVOLUTION, "Convolution"), Map.entry(LayerType.DATA, "Data"),
            Map.entry(LayerType.DECONVOLUTION, "Deconvolution"), Map.entry(LayerType.DROPOUT, "Dropout"),
            Map.entry(LayerType.DUMMY_DATA, "DummyData"), Map.entry(LayerType.EUCLIDEAN_LOSS, "EuclideanLoss"),
            Map.entry(LayerType.ELTWISE, "Eltwise"), Map.entry(LayerType.EXP, "Exp"),
            Map.entry(LayerType.FLATTEN, "Flatten"), Map.entry(LayerType.HDF5_DATA, "HDF5Data"),
            Map.entry(LayerType.HDF5_OUTPUT, "HDF5Output"), Map.entry(LayerType.HINGE_LOSS, "HingeLoss"),
            Map.entry(LayerType.IM2COL, "Im2col"), Map.entry(LayerType.IMAGE_DATA, "ImageData"),
            Map.entry(LayerType.INFOGAIN_LOSS, "InfogainLoss"), Map.entry(LayerType.INNER_PRODUCT, "InnerProduct"),
            Map.entry(LayerType.LRN, "LRN"), Map.entry(LayerType.MEMORY_DATA, "MemoryData"),
            Map.entry(LayerType.MULTINOMIAL_LOGISTIC_LOSS, "MultinomialLogisticLoss"), Map.entry(LayerType.MVN, "MVN"),
            Map.entry(LayerType.POOLING, "Pooling"), Map.entry(LayerType.POWER, "Power"),
            Map.entry(LayerType.RELU, "ReLU"), Map.entry(LayerType.SIGMOID, "Sigmoid"),
            Map.entry(LayerType.SIGMOID_CROSS_ENTROPY_LOSS, "SigmoidCrossEntropyLoss"),
            Map.entry(LayerType.SILENCE, "Silence"), Map.entry(LayerType.SOFTMAX, "Softmax"),
            Map.entry(LayerType.SOFTMAX_LOSS, "SoftmaxWithLoss"), Map.entry(LayerType.SPLIT, "Split"),
            Map.entry(LayerType.SLICE, "Slice"), Map.entry(LayerType.TANH, "TanH"),
            Map.entry(LayerType.WINDOW_DATA, "WindowData"), Map.entry(LayerType.THRESHOLD, "Threshold"));

    private V1Upgrade() {
    }

    /** @throws IllegalArgumentException for the even older V0 nesting ({@code layers { layer { ... } }}) */
    static LayerParameter upgrade(V1LayerParameter v1) {
        if (v1.hasLayer()) {
            throw new IllegalArgumentException("the V0 format (layers { layer { ... } }) is not supported; "
                    + "upgrade it with Caffe's upgrade_net_proto_text");
        }
        LayerParameter.Builder b = LayerParameter.newBuilder();
        for (Map.Entry<FieldDescriptor, Object> e : v1.getAllFields().entrySet()) {
            FieldDescriptor from = e.getKey();
            FieldDescriptor to = LayerParameter.getDescriptor().findFieldByName(from.getName());
            if (to != null && compatible(from, to)) {
                b.setField(to, e.getValue());
            }
        }
        String type = NAMES.get(v1.getType());
        b.setType(type != null ? type : v1.getType().name().toLowerCase(Locale.ROOT));
        return b.build();
    }

    private static boolean compatible(FieldDescriptor a, FieldDescriptor b) {
        if (a.getJavaType() != b.getJavaType() || a.isRepeated() != b.isRepeated()) {
            return false;
        }
        return a.getJavaType() != FieldDescriptor.JavaType.MESSAGE || a.getMessageType() == b.getMessageType();
    }
}
