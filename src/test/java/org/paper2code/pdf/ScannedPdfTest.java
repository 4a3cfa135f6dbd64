package org.paper2code.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image-only PDF (page 1 of the generated paper rendered and wrapped) is detected and OCR'd. */
class ScannedPdfTest {
    @TempDir
    Path dir;

    @Test
    void scannedPageIsDetectedAndReadWithTesseract() throws Exception {
        boolean haveData = Ocr.dataPath(null, "eng") != null;
        if (!haveData) {
            assumeTrue("1".equals(System.getenv("P2C_ALLOW_MISSING_TOOLS")), "no tesseract-ocr-eng data (scripts/setup installs it)");
        }
        assertTrue(haveData, "Tesseract English data missing: apt-get install tesseract-ocr tesseract-ocr-eng");
        Paper p = new PaperReader().read(TestPdfs.write(dir, "scan.pdf", TestPdfs.scanned()), PdfOptions.defaults());
        assertTrue(p.scanned());
        assertEquals(Paper.TextSource.OCR, p.pages().get(0).source(), p.warnings().toString());
        String text = p.pages().get(0).text().toLowerCase(Locale.ROOT);
        assertTrue(text.contains("convolutional network learns hierarchical"), text);
        assertTrue(p.figures().isEmpty(), "the page image is not a figure");
    }

    @Test
    void withoutOcrTheScanIsFlaggedAndHasNoText() throws Exception {
        Paper p = new PaperReader().read(TestPdfs.write(dir, "scan.pdf", TestPdfs.scanned()), PdfOptions.defaults().withOcr(false, null));
        assertTrue(p.scanned());
        assertEquals(Paper.TextSource.NONE, p.pages().get(0).source());
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("scanned")), p.warnings().toString());
    }
}
