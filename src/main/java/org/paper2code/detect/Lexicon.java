package org.paper2code.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.paper2code.graph.GraphJson;

/**
 * The label lexicon ({@code models/detect/lexicon.json}, shipped in the jar under /models):
 * normalising rewrites (OCR confusions, multiplication signs), activation keywords and layer
 * type keywords. Data, not code, so phrasings are added without touching the grammar.
 */
public record Lexicon(List<Rewrite> normalise, List<Keyword> activations, List<TypeEntry> types, Pattern tag) {

    public static final String RESOURCE = "/models/detect/lexicon.json";
    private static Lexicon standard;

    /** A regex rewrite applied to every label before matching. */
    public record Rewrite(Pattern pattern, String replace) {
    }

    /** An activation function and the words that name it. */
    public record Keyword(String value, Pattern pattern) {
    }

    /** A layer type, the words that name it, the parameter family to read and the values the words imply. */
    public record TypeEntry(String type, String family, List<Pattern> patterns, Map<String, Object> params, boolean bidirectional) {
    }

    public static synchronized Lexicon standard() {
        if (standard == null) {
            standard = read(ModelFiles.json(RESOURCE, "lexicon"));
        }
        return standard;
    }

    static Lexicon read(JsonNode root) {
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        List<Rewrite> rewrites = new ArrayList<>();
        for (JsonNode n : root.path("normalise")) {
            rewrites.add(new Rewrite(Pattern.compile(n.path("pattern").asText()), n.path("replace").asText()));
        }
        List<Keyword> acts = new ArrayList<>();
        for (JsonNode n : root.path("activations")) {
            acts.add(new Keyword(n.path("function").asText(), Pattern.compile(n.path("pattern").asText(), flags)));
        }
        List<TypeEntry> types = new ArrayList<>();
        for (JsonNode n : root.path("types")) {
            List<Pattern> ps = new ArrayList<>();
            n.path("patterns").forEach(p -> ps.add(Pattern.compile(p.asText(), flags)));
            Map<String, Object> params = new LinkedHashMap<>();
            n.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), GraphJson.toJava(e.getValue())));
            types.add(new TypeEntry(n.path("type").asText(), n.path("family").asText("none"), List.copyOf(ps), params,
                    n.path("bidirectional").asBoolean(false)));
        }
        return new Lexicon(List.copyOf(rewrites), List.copyOf(acts), List.copyOf(types),
                Pattern.compile(root.path("tag").asText("^$"), flags));
    }

    /** The label with every rewrite applied, trimmed. */
    public String normalise(String text) {
        String s = text;
        for (Rewrite r : normalise) {
            s = r.pattern.matcher(s).replaceAll(r.replace);
        }
        return s.trim();
    }
}
