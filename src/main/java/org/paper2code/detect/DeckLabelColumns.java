package org.paper2code.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The size a stacked deck's label states ({@code 16@28x28} over a map deck, {@code 84} over a vector bar), read
 * again when the figure-wide OCR missed or garbled it. Labels of wide deck figures are often 5-7 px high: sparse
 * OCR of the whole figure drops or runs together their digits, while OCR of the deck's own label column, as a text
 * block, reads them at one scale or another. The column is read at several scales chosen from its glyph height and
 * the size most readings agree on wins (one garbled reading does not outvote the rest).
 */
final class DeckLabelColumns {
    /** Glyph heights (px) the column is enlarged to, one reading each: small labels read at one and garble at another. */
    private static final double[] GLYPH_TARGETS = {12, 16, 20, 25};
    private static final double MAX_SCALE = 6;
    private static final int PAD = 12;
    /** A map deck's size: count @ side x side (the side repeated; a lone side "64x64" is an input's). */
    private static final Pattern MAP_SIZE = Pattern.compile("(\\d{1,4})\\s*@\\s*(\\d{1,3})x(\\d{1,3})(?!\\d)");
    /** An input's side is larger than any kernel's ("3x3" over a deck is an operation, not an input size). */
    private static final int MIN_INPUT_SIDE = 12;
    private static final Pattern SIDE = Pattern.compile("(?<![\\d@])(\\d{1,3})x(\\d{1,3})(?![\\d@x])");
    /** A vector bar's size: the number the label ends in ("Fully connected 84", "F6: layer 84", "84 units"). */
    private static final Pattern VECTOR_SIZE = Pattern.compile("(?<![\\w.])(\\d{1,5})\\s*(?:units?)?\\s*$", Pattern.CASE_INSENSITIVE);
    /** A label token that is only a size, well read or garbled ("16@28x28", "25656056", "6GM4x44"); not a tag ("C1:"). */
    private static final Pattern SIZE_TOKEN = Pattern.compile("(?<![\\w@])\\d[\\w@«.]*(?![\\w:])");
    private static final List<Lexicon.Rewrite> GARBLED = rewrites(ModelFiles.json("/models/detect/decks.json", "deck words").path("garbledSizes"));

    private static List<Lexicon.Rewrite> rewrites(JsonNode list) {
        List<Lexicon.Rewrite> out = new ArrayList<>();
        list.forEach(n -> out.add(new Lexicon.Rewrite(Pattern.compile(n.path("pattern").asText()), n.path("replace").asText())));
        return out;
    }

    /** The deck label's text with the OCR confusions of deck sizes undone (lexicon first, then deck-only rules). */
    static String normalised(String text) {
        String s = Lexicon.standard().normalise(text);
        for (Lexicon.Rewrite r : GARBLED) {
            s = r.pattern().matcher(s).replaceAll(r.replace());
        }
        return s;
    }

    /** The size the label states, as text ("16@28x28", "64x64", "84"), or empty when it states none readably. */
    Optional<String> size(String label, boolean vector) {
        String s = normalised(label);
        if (vector) {
            Matcher m = VECTOR_SIZE.matcher(s.strip());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
        Matcher m = MAP_SIZE.matcher(s);
        while (m.find()) {
            if (m.group(2).equals(m.group(3))) {
                return Optional.of(m.group(1) + "@" + m.group(2) + "x" + m.group(3));
            }
        }
        m = SIDE.matcher(s);
        while (m.find()) {
            if (m.group(1).equals(m.group(2)) && Integer.parseInt(m.group(1)) >= MIN_INPUT_SIDE) {
                return Optional.of(m.group(1) + "x" + m.group(2));
            }
        }
        return Optional.empty();
    }

    /** The side of a map size ("16@28x28", "64x64": 28, 64); 0 for a vector's length. */
    static int side(String size) {
        Matcher m = Pattern.compile("(\\d+)$").matcher(size);
        return size.contains("x") && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * The label lines without their size tokens (to be replaced by a better reading of the size), found once the
     * deck confusions are undone ("S12@28x28" is a garbled size, not a word).
     */
    static List<String> withoutSizes(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String rest = SIZE_TOKEN.matcher(normalised(l)).replaceAll(" ").strip();
            if (rest.chars().anyMatch(Character::isLetter)) { // what is left of a size token alone ("$") is no word
                out.add(rest);
            }
        }
        return out;
    }

    /** A reading of the label and the size it states (empty when it states none readably). */
    record Reading(String text, Optional<String> size) {
    }

    /** The label column read by OCR at each scale. */
    List<Reading> read(Mat grey, Rect column, boolean vector) {
        Rect r = Cv.clip(column, grey);
        if (r.width < 4 || r.height < 4) {
            return List.of();
        }
        double glyph = TextSheet.medianGlyphHeight(grey, r);
        if (glyph <= 0) {
            return List.of();
        }
        List<Reading> out = new ArrayList<>();
        for (double target : GLYPH_TARGETS) {
            double scale = Math.max(1, Math.min(MAX_SCALE, target / glyph));
            String text = Ocr.current().text(enlarged(grey, r, scale), Ocr.PSM_BLOCK).replace('\n', ' ');
            out.add(new Reading(text, size(text, vector)));
            if (System.getenv("P2C_DETECT_DEBUG") != null) {
                System.err.printf("column %s x%.1f '%s'%n", r, scale, text);
            }
        }
        return out;
    }

    /**
     * The size most readings agree on (the earliest reading's on a tie), or empty when none reads a size. A reading
     * whose count is another's with one more digit after it, on the same side ("324@12x12" beside "32@12x12"), is
     * that size with its '@' read as a digit too: its vote goes to the shorter count.
     */
    static Optional<String> agreed(List<Reading> readings) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        readings.forEach(r -> r.size().ifPresent(sz -> votes.merge(sz, 1, Integer::sum)));
        Map<String, Integer> merged = new LinkedHashMap<>(votes);
        votes.forEach((longer, n) -> votes.keySet().stream().filter(shorter -> atSignReadAsDigit(longer, shorter)).findFirst()
                .ifPresent(shorter -> {
                    merged.merge(shorter, n, Integer::sum);
                    merged.remove(longer);
                }));
        return merged.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).map(Map.Entry::getKey);
    }

    /** Whether longer ("324@12x12") is shorter ("32@12x12") with one digit more after its count (of two or more digits). */
    private static boolean atSignReadAsDigit(String longer, String shorter) {
        int a = longer.indexOf('@');
        int b = shorter.indexOf('@');
        return a > 0 && b >= 2 && a == b + 1 && longer.startsWith(shorter.substring(0, b)) && longer.substring(a).equals(shorter.substring(b));
    }

    /** The reading's words only: OCR of a column turns the lines crossing it into dashes and bars. */
    static String words(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}@:._ ]", " ").replaceAll("(?<!\\S)[:._]+(?!\\S)", " ").replaceAll("\\s+", " ").strip();
    }

    /** Whether the text states this size as it is (not as part of a longer token: "S12@7x7" does not state "12@7x7"). */
    static boolean statesLiterally(String text, String size) {
        return Pattern.compile("(?<![\\w@])" + Pattern.quote(size) + "(?![\\w@])").matcher(Lexicon.standard().normalise(text)).find();
    }

    /** The region enlarged (grey, not binarised: thin strokes of tiny glyphs survive) on a white margin. */
    private static Mat enlarged(Mat grey, Rect r, double scale) {
        Mat crop = new Mat(grey, r).clone();
        Imgproc.resize(crop, crop, new Size(), scale, scale, Imgproc.INTER_CUBIC);
        Mat padded = new Mat();
        Core.copyMakeBorder(crop, padded, PAD, PAD, PAD, PAD, Core.BORDER_CONSTANT, new Scalar(255));
        return padded;
    }
}
