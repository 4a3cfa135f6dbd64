package org.paper2code.emit.caffe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paper2code.emit.caffe.proto.CaffeProto.BlobShape;
import org.paper2code.emit.caffe.proto.CaffeProto.LayerParameter;
import org.paper2code.graph.Shape;

/**
 * Shapes (no batch, channels first) of the blobs a Caffe data layer produces. Database layers
 * do not state their image size, so the rule is, in order:
 * <ol>
 * <li>the second and later tops (labels) are one value per example: shape {@code ()};</li>
 * <li>{@code transform_param.crop_size} (or window_data_param's) gives C x crop x crop, C = 3
 *     (1 for ImageData with {@code is_color: false});</li>
 * <li>ImageData's new_height/new_width, MemoryData's channels/height/width and DummyData's
 *     shape are used as written;</li>
 * <li>a source path naming MNIST gives 1x28x28, one naming CIFAR gives 3x32x32;</li>
 * <li>otherwise an image of unknown size, 3x?x? (HDF5Data: a vector of unknown length).</li>
 * </ol>
 */
final class DataShapes {
    static final List<String> TYPES = List.of("Data", "ImageData", "HDF5Data", "MemoryData", "DummyData", "WindowData");

    private DataShapes() {
    }

    static List<Integer> shape(LayerParameter lp, int top) {
        String type = lp.getType();
        if (type.equals("DummyData")) {
            return dummy(lp, top);
        }
        if (top > 0) {
            return List.of();
        }
        int channels = type.equals("ImageData") && !lp.getImageDataParam().getIsColor() ? 1 : 3;
        int crop = lp.getTransformParam().getCropSize();
        if (crop == 0 && type.equals("WindowData")) {
            crop = lp.getWindowDataParam().getCropSize();
        }
        if (crop > 0) {
            return List.of(channels, crop, crop);
        }
        if (type.equals("ImageData") && lp.getImageDataParam().getNewHeight() > 0
                && lp.getImageDataParam().getNewWidth() > 0) {
            return List.of(channels, (int) lp.getImageDataParam().getNewHeight(), (int) lp.getImageDataParam().getNewWidth());
        }
        if (type.equals("MemoryData")) {
            var m = lp.getMemoryDataParam();
            return List.of((int) m.getChannels(), (int) m.getHeight(), (int) m.getWidth());
        }
        if (type.equals("HDF5Data")) {
            return List.of(Shape.UNKNOWN);
        }
        String source = (lp.getDataParam().getSource() + " " + lp.getImageDataParam().getSource()
                + " " + lp.getWindowDataParam().getSource()).toLowerCase(Locale.ROOT);
        if (source.contains("mnist")) {
            return List.of(1, 28, 28);
        }
        if (source.contains("cifar")) {
            return List.of(3, 32, 32);
        }
        return List.of(channels, Shape.UNKNOWN, Shape.UNKNOWN);
    }

    private static List<Integer> dummy(LayerParameter lp, int top) {
        var d = lp.getDummyDataParam();
        if (d.getShapeCount() > 0) {
            return withoutBatch(d.getShape(Math.min(top, d.getShapeCount() - 1)));
        }
        if (d.getChannelsCount() > 0) {
            int i = Math.min(top, d.getChannelsCount() - 1);
            return List.of((int) d.getChannels(i), (int) d.getHeight(Math.min(i, d.getHeightCount() - 1)),
                    (int) d.getWidth(Math.min(i, d.getWidthCount() - 1)));
        }
        return List.of();
    }

    /** Caffe's shape minus the batch dimension. */
    static List<Integer> withoutBatch(BlobShape shape) {
        List<Integer> dims = new ArrayList<>();
        for (int i = 1; i < shape.getDimCount(); i++) {
            dims.add((int) shape.getDim(i));
        }
        return dims;
    }
}
