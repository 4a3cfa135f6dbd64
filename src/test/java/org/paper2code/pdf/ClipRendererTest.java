package org.paper2code.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.junit.jupiter.api.Test;

/**
 * Crops drawn under a clip (only the crop boxes of the page rendered, what lies outside them
 * skipped) are pixel for pixel the crops cut from a whole-page render, on real pages with vector
 * figures, transparency groups, raster images and running text cut by the box edge.
 */
class ClipRendererTest {
    private static final int DPI = PdfOptions.DEFAULT_DPI;

    @Test
    void clippedCropsEqualWholePageCrops() throws Exception {
        // EfficientNet p. 4: a page-wide plot and a column plot; a box across body text lines
        check("efficientnet_tan2019_arxiv1905.11946_annotated.pdf", 4,
                List.of(new Rect(54, 47, 488, 161), new Rect(324, 274, 208, 166), new Rect(60, 300, 230, 40)));
        // YOLOv7 p. 4: a vector plot beside a wide raster strip
        check("yolov7_wang2022.pdf", 4, List.of(new Rect(313, 241, 229, 169), new Rect(54, 73, 485, 93)));
        // Mask R-CNN p. 5: photographs with drawn masks
        check("mask_rcnn_he2017_iccv.pdf", 5, List.of(new Rect(51, 71, 494, 259)));
    }

    private static void check(String name, int page, List<Rect> boxes) throws Exception {
        Path pdf = RealPapersTest.pdf(name);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDRectangle size = doc.getPage(page - 1).getCropBox();
            ClipRenderer pdfRenderer = new ClipRenderer(doc);
            pdfRenderer.setSubsamplingAllowed(true);
            Renderer renderer = new Renderer(pdfRenderer, PdfOptions.defaults().maxRenderPixels());
            double s = renderer.scale(boxes.get(0).w(), boxes.get(0).h(), DPI);
            BufferedImage whole = pdfRenderer.render(page - 1, (float) s, ImageType.RGB, null);
            long inked = 0;
            for (Rect box : boxes) {
                BufferedImage clipped = renderer.crop(page - 1, box, boxes, DPI, size.getWidth(), size.getHeight()).image();
                int x0 = (int) Math.floor(box.x() * s);
                int y0 = (int) Math.floor(box.y() * s);
                assertEquals((int) Math.ceil(box.w() * s), clipped.getWidth(), name + " " + box);
                assertEquals((int) Math.ceil(box.h() * s), clipped.getHeight(), name + " " + box);
                int differ = 0;
                for (int y = 0; y < clipped.getHeight(); y++) {
                    for (int x = 0; x < clipped.getWidth(); x++) {
                        int want = whole.getRGB(x0 + x, y0 + y);
                        differ += clipped.getRGB(x, y) == want ? 0 : 1;
                        inked += (want & 0xffffff) == 0xffffff ? 0 : 1;
                    }
                }
                assertEquals(0, differ, name + " p. " + page + " " + box + ": pixels differing from the whole-page render");
            }
            assertTrue(inked > 10_000, name + ": the boxes hold a drawing (" + inked + " inked pixels)");
        }
    }
}
