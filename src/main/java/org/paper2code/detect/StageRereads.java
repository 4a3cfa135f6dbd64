package org.paper2code.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * A pipeline stage's title that the one-sheet reading of all boxes garbled ("GILSTM(256)", "Oease( 256)", "su" for a
 * blurred "Global average pooling") is read again, box by box: alone on its crop (the sheet's neighbours sway
 * Tesseract), grey and binarised (blurred strokes read in grey, crisp ones binarised), at a few scales around the
 * sheet's. The type most readings name wins (the earliest reading of it gives the text); a box none of them reads
 * keeps its text. A box whose sheet text parses is read again too, since a garbled title often still parses as the
 * wrong kind; there the rereads must outvote the sheet's type ({@link #outvotes}). Only plain boxes with title-like
 * ink are read again: a picture's OCR is fragments at any scale.
 */
final class StageRereads {
    /** Scales tried, as multiples of the one the sheet used. */
    private static final double[] SCALE_FACTORS = {0.8, 1.2, 1.6};
    /** Largest side (px) a crop is enlarged to (a high-resolution figure's boxes need no enlarging, and OCR time grows with area). */
    private static final int MAX_SIDE = 1600;

    private StageRereads() {
    }

    /**
     * The texts of the regions that hold a title on a plain fill, each replaced by its best reading alone when
     * {@code label} reads nothing in it or the rereads outvote the type it reads.
     */
    static List<String> reread(Mat grey, List<Rect> regions, List<String> texts, Function<String, Optional<ParsedLabel>> label) {
        List<String> out = new ArrayList<>(texts);
        for (int i = 0; i < regions.size(); i++) {
            Rect r = Cv.clip(regions.get(i), grey);
            if (r.width < 8 || r.height < 8 || !UnreadStages.titleInk(grey, r)) {
                continue;
            }
            Optional<String> sheetType = label.apply(texts.get(i)).map(ParsedLabel::type);
            Map<String, String> firstByType = new LinkedHashMap<>();
            Map<String, Integer> votes = new LinkedHashMap<>();
            double base = TextSheet.scale(grey, r);
            rereads:
            for (double f : SCALE_FACTORS) {
                double scale = Math.min(base * f, (double) MAX_SIDE / Math.max(r.width, r.height));
                for (boolean inGrey : new boolean[] {true, false}) {
                    Mat crop = inGrey ? Cv.ocrCropGrey(grey, r, scale) : Cv.ocrCrop(grey, r, scale);
                    TextSheet.dropFrameSpecks(crop);
                    String text = Ocr.current().text(crop, Ocr.PSM_BLOCK).replaceAll("[ \\t]+", " ").strip();
                    Optional<ParsedLabel> read = label.apply(text);
                    if (System.getenv("P2C_DETECT_DEBUG") != null) {
                        System.err.printf("  reread %s x%.1f %s '%s' -> %s%n", r, scale, inGrey ? "grey" : "bin", text.replace('\n', '|'),
                                read.map(ParsedLabel::type).orElse("-"));
                    }
                    read.ifPresent(p -> {
                        firstByType.putIfAbsent(p.type(), text);
                        votes.merge(p.type(), 1, Integer::sum);
                    });
                    if (sheetType.isPresent() && votes.getOrDefault(sheetType.get(), 0) >= CONFIRMATIONS) {
                        break rereads; // the sheet read it right: OCR time is spent only on doubtful titles
                    }
                }
            }
            final int box = i;
            votes.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                    .filter(best -> sheetType.isEmpty() || outvotes(best, sheetType.get(), votes))
                    .ifPresent(best -> out.set(box, firstByType.get(best.getKey())));
        }
        return out;
    }

    /**
     * Whether the rereads' type overrules the type the sheet read: another type, named by at least half of the
     * rereads and more often than the sheet's type (the sheet's own reading counting as one): a garbled sheet title
     * still parses, often as the wrong kind ("fo 3), softms" a softmax for "fc 37, softmax", "RNN la model" a
     * recurrent layer for "RNN language model"), while one odd reread is no reason to doubt a clean one.
     */
    private static boolean outvotes(Map.Entry<String, Integer> best, String sheetType, Map<String, Integer> votes) {
        return !best.getKey().equals(sheetType) && 2 * best.getValue() >= READINGS && best.getValue() > votes.getOrDefault(sheetType, 0) + 1;
    }

    /** Rereads that, naming the type the sheet read, end the rereading of a box (its rereads can then hardly outvote it). */
    private static final int CONFIRMATIONS = 2;

    /** Readings of one box: each scale, grey and binarised. */
    private static final int READINGS = 2 * SCALE_FACTORS.length;
}
