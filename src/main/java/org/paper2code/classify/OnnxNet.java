package org.paper2code.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.paper2code.emit.onnx.proto.OnnxProto.ModelProto;
import org.paper2code.emit.onnx.proto.OnnxProto.TensorShapeProto;

/**
 * An ONNX network run by OpenCV dnn, with the last dimension of its input read from the file (dnn does not expose
 * input shapes; 0 when the file leaves it open).
 */
record OnnxNet(Net net, int inputLastDim) {

    /**
     * Reads {@code file}; every failure is an IOException naming the file and {@code what} it should have been.
     *
     * @param missingHint appended to the message when the file does not exist (how to make it), or ""
     */
    static OnnxNet load(Path file, String what, String missingHint) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(what + " not found: " + file + missingHint);
        }
        int last;
        try {
            ModelProto m = ModelProto.parseFrom(Files.readAllBytes(file));
            TensorShapeProto shape = m.getGraph().getInput(0).getType().getTensorType().getShape();
            last = (int) shape.getDim(shape.getDimCount() - 1).getDimValue();
        } catch (IOException | RuntimeException e) {
            throw new IOException("not an ONNX " + what + ": " + file + ": " + e.getMessage(), e);
        }
        OpenCvNative.load();
        Net net;
        try {
            net = Dnn.readNetFromONNX(file.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            throw new IOException("OpenCV cannot read the " + what + " " + file + ": " + e.getMessage(), e);
        }
        if (net.empty()) {
            throw new IOException("not a usable " + what + ": " + file);
        }
        return new OnnxNet(net, last);
    }
}
