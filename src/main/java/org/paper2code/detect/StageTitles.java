package org.paper2code.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a pipeline figure writes its stages: a box's first line is its title, a later line of numbers alone
 * ("21×192×192", "2048") is the stage's output size. A title naming a whole sub-system ("LSTM decoder",
 * "Embedding network", "Pyramid pooling module"; words in {@code models/detect/stages.json}) is one opaque
 * stage (Lambda) even when it also names a layer kind; an output size never names a layer ("21x192x192"
 * is no "3x3, 64" convolution).
 */
public final class StageTitles {
    public static final String RESOURCE = "/models/detect/stages.json";
    /** A line of one to four sizes and nothing else: "2048", "100 x 80", "(21, 192, 192)". */
    private static final Pattern SIZE = Pattern.compile("^[\\s(\\[]*\\d+(?:\\s*[x×X,]\\s*\\d+){0,3}[\\s)\\]]*$");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static StageTitles standard;

    private final List<Pattern> subsystems;

    StageTitles(List<Pattern> subsystems) {
        this.subsystems = List.copyOf(subsystems);
    }

    public static synchronized StageTitles standard() {
        if (standard == null) {
            List<Pattern> ps = new ArrayList<>();
            ModelFiles.json(RESOURCE, "stage titles").path("subsystems")
                    .forEach(p -> ps.add(Pattern.compile(p.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            standard = new StageTitles(ps);
        }
        return standard;
    }

    /** Whether the title names a sub-system rather than one layer. */
    public boolean namesSubsystem(String title) {
        return subsystems.stream().anyMatch(p -> p.matcher(title).find());
    }

    /** Whether a line is an output size alone. */
    public static boolean isSize(String line) {
        return SIZE.matcher(line.strip()).matches();
    }

    /**
     * The box text without its output sizes of two or more dimensions (a single number may be a layer's width,
     * "FC" over "4096", and stays).
     */
    public static String withoutSizes(String text) {
        return String.join("\n", text.lines().filter(l -> !(isSize(l) && numbers(l).size() >= 2)).toList());
    }

    /**
     * The opaque stage a box's text describes, when its title names a sub-system: a Lambda whose note is the title
     * and whose output shape is the size line under it, if any; empty for any other title.
     */
    public Optional<ParsedLabel> stage(String text) {
        List<String> lines = lines(text);
        // OCR reads a thick rounded corner as specks above the title ("v NX"): then the title is the line under them
        List<String> titled = !lines.isEmpty() && specks(lines.get(0)) ? lines.subList(1, lines.size()) : lines;
        if (titled.isEmpty() || !namesSubsystem(titled.get(0))) {
            return Optional.empty();
        }
        return opaque(String.join("\n", titled));
    }

    /** Whether a line is specks rather than a title: no word of three letters and no number ("v NX", "r x"). */
    private static boolean specks(String line) {
        return !TITLE_LIKE.matcher(line).find();
    }

    private static final Pattern TITLE_LIKE = Pattern.compile("\\p{L}{3}|\\d");

    /** An opaque stage (Lambda) titled by the text's first line, with the output size written under it, if any. */
    public static Optional<ParsedLabel> opaque(String text) {
        List<String> lines = lines(text);
        if (lines.isEmpty() || isSize(lines.get(0))) {
            return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("note", lines.get(0));
        lines.stream().skip(1).filter(StageTitles::isSize).findFirst().ifPresent(s -> params.put("output_shape", numbers(s)));
        return Optional.of(new ParsedLabel("Lambda", params, List.of(), 0.7, List.of(), null));
    }

    /**
     * The box's lines that hold a word or number of two characters or more: OCR reads a thick rounded corner
     * reaching into the box as specks ("r 'N") above the title.
     */
    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> WORD.matcher(l).find()).toList();
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]{2,}");

    private static List<Integer> numbers(String line) {
        List<Integer> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(line);
        while (m.find() && m.group().length() < 9) {
            out.add(Integer.parseInt(m.group()));
        }
        return out;
    }
}
