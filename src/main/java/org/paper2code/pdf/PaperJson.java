package org.paper2code.pdf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.paper2code.graph.GraphJson;

/**
 * The {@code paper.json} form of a {@link Paper} ({@code paper2code-paper/1}). Figure and table
 * entries carry {@code page} (1-based), {@code bbox} [x, y, width, height] in points from the
 * page's top left, {@code label}, {@code caption}, {@code kind} and {@code image} (the crop's path
 * relative to the output folder, or null); tables add {@code cells} (rows of strings).
 */
public final class PaperJson {
    public static final String FORMAT = "paper2code-paper/1";

    private PaperJson() {
    }

    /** File names for the crops, in the order of {@link Paper#figures()} then {@link Paper#tables()}. */
    public static String figureImage(Paper.Figure f, int index) {
        String what = f.label() == null ? "image-" + (index + 1) : slug(f.label());
        return "figures/p" + f.page() + "-" + what + ".png";
    }

    public static String tableImage(Paper.Table t, int index) {
        return "figures/p" + t.page() + "-" + (t.label() == null ? "table-" + (index + 1) : slug(t.label())) + ".png";
    }

    private static String slug(String label) {
        return label.toLowerCase(Locale.ROOT).replace("fig.", "figure").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** @param withImages whether crops were written (image paths) or not (image null) */
    public static ObjectNode toTree(Paper p, boolean withImages) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        root.put("file", p.meta().file());
        root.put("sha256", p.meta().sha256());
        root.put("title", p.meta().title());
        ArrayNode authors = root.putArray("authors");
        p.meta().authors().forEach(authors::add);
        root.put("page_count", p.meta().pageCount());
        root.put("encrypted", p.meta().encrypted());
        root.put("scanned", p.scanned());
        root.put("partial", p.partial());
        ArrayNode warnings = root.putArray("warnings");
        p.warnings().forEach(warnings::add);
        ArrayNode pages = root.putArray("pages");
        for (Paper.Page pg : p.pages()) {
            pages.addObject().put("page", pg.number()).put("width", round(pg.width())).put("height", round(pg.height()))
                    .put("columns", pg.columns()).put("text_source", pg.source().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        ArrayNode sections = root.putArray("sections");
        for (Paper.Section s : p.sections()) {
            sections.addObject().put("number", s.number()).put("title", s.title()).put("page", s.page());
        }
        ArrayNode figs = root.putArray("figures");
        for (int i = 0; i < p.figures().size(); i++) {
            Paper.Figure fig = p.figures().get(i);
            ObjectNode o = region(figs.addObject(), fig.page(), fig.bbox(), fig.label(), fig.caption());
            o.put("kind", fig.kind().name().toLowerCase(Locale.ROOT));
            o.put("image", withImages && fig.png() != null ? figureImage(fig, i) : null);
        }
        ArrayNode tabs = root.putArray("tables");
        for (int i = 0; i < p.tables().size(); i++) {
            Paper.Table t = p.tables().get(i);
            ObjectNode o = region(tabs.addObject(), t.page(), t.bbox(), t.label(), t.caption());
            o.put("image", withImages && t.png() != null ? tableImage(t, i) : null);
            ArrayNode rows = o.putArray("cells");
            for (List<String> row : t.cells()) {
                ArrayNode r = rows.addArray();
                row.forEach(r::add);
            }
        }
        ArrayNode sentences = root.putArray("sentences");
        for (Paper.Sentence s : p.sentences()) {
            sentences.addObject().put("page", s.page()).put("text", s.text());
        }
        return root;
    }

    public static String write(Paper p, boolean withImages) {
        try {
            return GraphJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(p, withImages)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode region(ObjectNode o, int page, Rect box, String label, String caption) {
        o.put("page", page);
        ArrayNode b = o.putArray("bbox");
        box.toList().forEach(b::add);
        o.put("label", label);
        o.put("caption", caption);
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
