package org.paper2code.emit.onnx;

import java.util.List;
import org.paper2code.emit.onnx.proto.OnnxProto.AttributeProto;
import org.paper2code.emit.onnx.proto.OnnxProto.AttributeProto.AttributeType;

/** Short constructors for ONNX node attributes. */
final class Attr {
    private Attr() {
    }

    static AttributeProto i(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    static AttributeProto f(String name, double value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF((float) value).build();
    }

    static AttributeProto s(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto ints(String name, List<? extends Number> values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        values.forEach(v -> b.addInts(v.longValue()));
        return b.build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }
}
