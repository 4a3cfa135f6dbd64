package org.paper2code.emit.onnx;

import org.paper2code.emit.onnx.proto.OnnxProto.ModelProto;
import org.paper2code.emit.onnx.proto.OnnxProto.TensorProto;

/**
 * The parameters of an exported model, counted from its initializers (each initializer's
 * doc_string says what it holds; constants such as shapes and axes are not parameters).
 * @param learned values training updates by gradient (kernels, biases, scales, shifts, slopes, embeddings)
 * @param statistics batch-norm running means and variances (state, not learned)
 */
public record ParameterCount(long learned, long statistics) {
    public long total() {
        return learned + statistics;
    }

    public static ParameterCount of(ModelProto model) {
        long learned = 0;
        long statistics = 0;
        for (TensorProto t : model.getGraph().getInitializerList()) {
            long n = 1;
            for (long d : t.getDimsList()) {
                n *= d;
            }
            if (t.getDocString().equals(OnnxBuilder.Kind.LEARNED.label())) {
                learned += n;
            } else if (t.getDocString().equals(OnnxBuilder.Kind.STATISTIC.label())) {
                statistics += n;
            }
        }
        return new ParameterCount(learned, statistics);
    }
}
