package org.paper2code.pdf;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the PDF stage.
 *
 * @param cropDpi        resolution of the figure and table crops (default 200)
 * @param overlayDpi     resolution of the per-page check overlays; 0 = none (default)
 * @param timeLimit      per-document wall-clock limit; past it the result is partial or an error
 * @param maxRenderPixels cap on any rendered image (crop, overlay, OCR page); larger requests are scaled down
 * @param maxMainMemoryBytes PDFBox keeps at most this much of the file's streams in memory, the rest in a temp file
 * @param ocr            OCR pages that have no text layer
 * @param tessdata       Tesseract data folder; null = $TESSDATA_PREFIX, then the Debian locations
 * @param ocrLanguage    Tesseract language (default eng)
 * @param password       user password for encrypted files; null tries the empty password
 * @param tableCrops     render table crops (off when only the cells are read: the crop costs a page render)
 */
public record PdfOptions(int cropDpi, int overlayDpi, Duration timeLimit, long maxRenderPixels, long maxMainMemoryBytes,
                         boolean ocr, Path tessdata, String ocrLanguage, String password,
                         boolean tableCrops) {
    public static final int DEFAULT_DPI = 200;

    public PdfOptions {
        if (cropDpi < 10 || cropDpi > 1200) {
            throw new IllegalArgumentException("crop DPI must be between 10 and 1200, not " + cropDpi);
        }
        if (overlayDpi < 0 || overlayDpi > 600) {
            throw new IllegalArgumentException("overlay DPI must be between 0 and 600, not " + overlayDpi);
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
        if (maxRenderPixels < 10_000) {
            throw new IllegalArgumentException("the render cap must be at least 10000 pixels");
        }
        ocrLanguage = ocrLanguage == null ? "eng" : ocrLanguage;
    }

    public static PdfOptions defaults() {
        return new PdfOptions(DEFAULT_DPI, 0, Duration.ofSeconds(120), 40_000_000L, 64L << 20, true, null, "eng", null, true);
    }

    public PdfOptions withCropDpi(int dpi) {
        return new PdfOptions(dpi, overlayDpi, timeLimit, maxRenderPixels, maxMainMemoryBytes, ocr, tessdata, ocrLanguage, password, tableCrops);
    }

    public PdfOptions withOverlayDpi(int dpi) {
        return new PdfOptions(cropDpi, dpi, timeLimit, maxRenderPixels, maxMainMemoryBytes, ocr, tessdata, ocrLanguage, password, tableCrops);
    }

    public PdfOptions withTimeLimit(Duration limit) {
        return new PdfOptions(cropDpi, overlayDpi, limit, maxRenderPixels, maxMainMemoryBytes, ocr, tessdata, ocrLanguage, password, tableCrops);
    }

    public PdfOptions withMaxRenderPixels(long pixels) {
        return new PdfOptions(cropDpi, overlayDpi, timeLimit, pixels, maxMainMemoryBytes, ocr, tessdata, ocrLanguage, password, tableCrops);
    }

    public PdfOptions withOcr(boolean on, Path data) {
        return new PdfOptions(cropDpi, overlayDpi, timeLimit, maxRenderPixels, maxMainMemoryBytes, on, data, ocrLanguage, password, tableCrops);
    }

    public PdfOptions withTableCrops(boolean on) {
        return new PdfOptions(cropDpi, overlayDpi, timeLimit, maxRenderPixels, maxMainMemoryBytes, ocr, tessdata, ocrLanguage, password, on);
    }

    public PdfOptions withPassword(String pw) {
        return new PdfOptions(cropDpi, overlayDpi, timeLimit, maxRenderPixels, maxMainMemoryBytes, ocr, tessdata, ocrLanguage, pw, tableCrops);
    }
}
