package org.paper2code.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/** Bulk pixel access for the crops (BufferedImage.getRGB converts pixel by pixel through the colour model). */
final class Pixels {
    private Pixels() {
    }

    /** Row y as 0xRRGGBB ints (the top byte is not meaningful), read straight from the array of int RGB images. */
    static void rgbRow(BufferedImage image, int y, int[] row) {
        int w = row.length;
        if ((image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt data
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model) {
            WritableRaster raster = image.getRaster();
            int offset = data.getOffset() + model.getOffset(-raster.getSampleModelTranslateX(), y - raster.getSampleModelTranslateY());
            System.arraycopy(data.getData(), offset, row, 0, w);
        } else {
            image.getRGB(0, y, w, 1, row, 0, w);
        }
    }
}
