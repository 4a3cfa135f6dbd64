package org.paper2code.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.TesseractException;

/**
 * Page OCR with Tess4J. Pixels go in as 8-bit grey through a direct buffer: Tess4J 5.20's
 * BufferedImage path needs a newer Leptonica than Debian ships (see DEPENDENCIES.md).
 */
final class Ocr {
    private static final List<Path> DEBIAN = List.of(Path.of("/usr/share/tesseract-ocr/5/tessdata"),
            Path.of("/usr/share/tesseract-ocr/4.00/tessdata"), Path.of("/usr/share/tessdata"));

    private final Tesseract tesseract;

    private Ocr(Tesseract t) {
        this.tesseract = t;
    }

    /** The data folder: the configured one, then $TESSDATA_PREFIX, then Debian's; null when none holds the language. */
    static Path dataPath(Path configured, String language) {
        String env = System.getenv("TESSDATA_PREFIX");
        List<Path> candidates = new java.util.ArrayList<>();
        if (configured != null) {
            candidates.add(configured);
        }
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
            candidates.add(Path.of(env, "tessdata"));
        }
        candidates.addAll(DEBIAN);
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve(language + ".traineddata"))) {
                return p;
            }
        }
        return null;
    }

    /** An OCR engine, or an exception saying what is missing. */
    static Ocr open(Path configured, String language) {
        Path data = dataPath(configured, language);
        if (data == null) {
            throw new IllegalStateException("no Tesseract data for '" + language + "' (set --tessdata or TESSDATA_PREFIX;"
                    + " Debian: apt-get install tesseract-ocr tesseract-ocr-" + language + ")");
        }
        TesseractThreads.limitToOne(); // before libtesseract (and its libgomp) load
        Tesseract t = new Tesseract();
        t.setDatapath(data.toString());
        t.setLanguage(language);
        t.setPageSegMode(3);
        return new Ocr(t);
    }

    String read(BufferedImage image) throws TesseractException {
        BufferedImage grey = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            grey.getGraphics().drawImage(image, 0, 0, null);
        }
        byte[] px = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int w = grey.getWidth();
        int h = grey.getHeight();
        ByteBuffer buf = ByteBuffer.allocateDirect(w * h);
        int stride = grey.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel c ? c.getScanlineStride() : w;
        for (int y = 0; y < h; y++) {
            buf.put(px, y * stride, w);
        }
        buf.flip();
        return tesseract.doOCR(w, h, buf, 8, null, null);
    }
}
