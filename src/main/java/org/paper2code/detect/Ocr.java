package org.paper2code.detect;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.paper2code.pdf.TesseractThreads;

/**
 * Tesseract through Tess4J's C API (TessAPI), fed 8-bit grey pixels directly (Tess4J 5.20's BufferedImage path needs a newer
 * Leptonica than Debian ships). One instance per thread: Tesseract handles are not thread-safe.
 * The data path comes from {@code -Dp2c.tessdata}, else {@code TESSDATA_PREFIX}, else the usual Debian folders.
 */
public final class Ocr implements AutoCloseable {
    /** Page segmentation modes used here. */
    public static final int PSM_BLOCK = 6;
    public static final int PSM_LINE = 7;
    public static final int PSM_SPARSE = 11;

    private static final ThreadLocal<Ocr> PER_THREAD = new ThreadLocal<>();
    private static final List<String> KNOWN = List.of("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
            "/usr/share/tessdata", "/usr/local/share/tessdata");

    // the interface mapping binds functions lazily: Debian's libtesseract 5.3 lacks some that TessAPI1 registers eagerly
    private static final TessAPI API = loadApi();
    private final TessBaseAPI handle;

    /** One word Tesseract found: text, pixel box in the image given, confidence 0..100, and its line id. */
    public record Word(String text, Rect box, double conf, String line) {
    }

    private Ocr(String datapath) {
        handle = API.TessBaseAPICreate();
        if (API.TessBaseAPIInit3(handle, datapath, "eng") != 0) {
            API.TessBaseAPIDelete(handle);
            throw new IllegalStateException("Tesseract could not load 'eng' from " + datapath);
        }
        API.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        // figures have dark text on light boxes (TextSheet binarises them so): skip Tesseract's second, inverted pass
        API.TessBaseAPISetVariable(handle, "tessedit_do_invert", "0");
    }

    private static TessAPI loadApi() {
        TesseractThreads.limitToOne(); // before libtesseract (and its libgomp) load
        return TessAPI.INSTANCE;
    }

    /** This thread's OCR engine. */
    public static Ocr current() {
        Ocr o = PER_THREAD.get();
        if (o == null) {
            o = new Ocr(datapath().orElseThrow(() -> new IllegalStateException(
                    "no tessdata folder with eng.traineddata found: install tesseract-ocr-eng (scripts/setup) or set TESSDATA_PREFIX")));
            PER_THREAD.set(o);
        }
        return o;
    }

    /** Where eng.traineddata is, if anywhere. */
    public static Optional<String> datapath() {
        List<String> candidates = new ArrayList<>();
        String prop = System.getProperty("p2c.tessdata");
        if (prop != null) {
            candidates.add(prop);
        }
        String env = System.getenv("TESSDATA_PREFIX");
        if (env != null) {
            candidates.add(env);
            candidates.add(env + "/tessdata");
        }
        candidates.addAll(KNOWN);
        return candidates.stream().filter(c -> Files.isRegularFile(Path.of(c, "eng.traineddata"))).findFirst();
    }

    /** Words in an 8-bit single-channel image, with boxes in its pixel coordinates. */
    public synchronized List<Word> words(Mat grey, int psm) {
        setImage(grey, psm);
        Pointer p = API.TessBaseAPIGetTsvText(handle, 0);
        if (p == null) {
            return List.of();
        }
        String tsv = p.getString(0, StandardCharsets.UTF_8.name());
        API.TessDeleteText(p);
        List<Word> out = new ArrayList<>();
        for (String row : tsv.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5")) {
                continue;
            }
            String text = f[11].trim();
            double conf = Double.parseDouble(f[10]);
            if (text.isEmpty() || conf < 0) {
                continue;
            }
            Rect box = new Rect(Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9]));
            out.add(new Word(text, box, conf, f[2] + "." + f[3] + "." + f[4]));
        }
        return out;
    }

    /** The text of an 8-bit single-channel image, lines joined by newlines. */
    public synchronized String text(Mat grey, int psm) {
        setImage(grey, psm);
        Pointer p = API.TessBaseAPIGetUTF8Text(handle);
        if (p == null) {
            return "";
        }
        String s = p.getString(0, StandardCharsets.UTF_8.name());
        API.TessDeleteText(p);
        return s.strip();
    }

    /**
     * The words of an image that holds only a number (a dimension label), read as one line with Tesseract limited to
     * digits: a letter read there ("$12", "S12" for "512") is always a misread digit.
     */
    public synchronized List<Word> digits(Mat grey) {
        API.TessBaseAPISetVariable(handle, "tessedit_char_whitelist", "0123456789");
        try {
            return words(grey, PSM_LINE);
        } finally {
            API.TessBaseAPISetVariable(handle, "tessedit_char_whitelist", "");
        }
    }

    private void setImage(Mat grey, int psm) {
        if (grey.type() != org.opencv.core.CvType.CV_8UC1) {
            throw new IllegalArgumentException("OCR needs an 8-bit grey image");
        }
        int w = grey.cols();
        int h = grey.rows();
        byte[] px = new byte[w * h];
        Mat cont = grey.isContinuous() ? grey : grey.clone();
        cont.get(0, 0, px);
        ByteBuffer buf = ByteBuffer.allocateDirect(px.length);
        buf.put(px).flip();
        API.TessBaseAPISetPageSegMode(handle, psm);
        API.TessBaseAPISetImage(handle, buf, w, h, 1, w);
    }

    @Override
    public void close() {
        API.TessBaseAPIEnd(handle);
        API.TessBaseAPIDelete(handle);
        if (PER_THREAD.get() == this) {
            PER_THREAD.remove();
        }
    }
}
