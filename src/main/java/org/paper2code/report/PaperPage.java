package org.paper2code.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.paper2code.graph.GraphJson;

/** One paper's report.html, from its paper.json (format paper2code-paper-result/1) and the files beside it. */
final class PaperPage {
    /** Code files larger than this are linked, not shown (a browser highlights megabytes slowly). */
    static final long MAX_INLINE_CODE = 400_000;

    private static final java.util.Set<String> EVIDENCE_KEYS = java.util.Set.of("sentence", "page");

    /** How graph K was drawn: an SVG file in the paper folder, or why not. */
    record Drawing(String svgFile, String note) {
    }

    private final JsonNode paper;
    private final PaperFiles files;
    private final Map<Integer, Drawing> drawings;
    private final StringBuilder sb = new StringBuilder(64_000);

    PaperPage(JsonNode paper, PaperFiles files, Map<Integer, Drawing> drawings) {
        this.paper = paper;
        this.files = files;
        this.drawings = drawings;
    }

    String render() {
        String id = text(paper, "paper_id");
        String title = text(paper, "title");
        Page.open(sb, (title.isBlank() ? id : title) + " - paper2code report", "../assets");
        header(id, title);
        sb.append("<nav class=\"sections\"><a href=\"../index.html\">&larr; all papers</a>")
                .append("<a href=\"#figures\">Figures</a><a href=\"#graphs\">Graphs</a><a href=\"#tables\">Tables</a>")
                .append("<a href=\"#hyperparameters\">Hyperparameters</a><a href=\"#errors\">Errors</a></nav>\n<main>\n");
        errorsOnTop();
        figures();
        graphs();
        tables();
        hyperparameters();
        errors();
        sb.append("</main>\n");
        Page.close(sb);
        return sb.toString();
    }

    // ------------------------------------------------------------------ header

    private void header(String id, String title) {
        String status = text(paper, "status");
        sb.append("<header class=\"top\"><h1>").append(Html.esc(title.isBlank() ? id : title)).append("</h1>\n<div class=\"meta\">")
                .append("paper id <b>").append(Html.esc(id)).append("</b> &middot; status <b class=\"status-")
                .append(Html.esc(status.toLowerCase(Locale.ROOT))).append("\">").append(Html.esc(status)).append("</b>");
        if (paper.path("pages").isNumber()) {
            sb.append(" &middot; ").append(paper.path("pages").asInt()).append(" pages");
        }
        if (paper.path("scanned").asBoolean(false)) {
            sb.append(" &middot; scanned (text by OCR)");
        }
        sb.append(" &middot; source ").append(Html.esc(text(paper, "source")));
        String sha = text(paper, "sha256");
        if (!sha.isBlank()) {
            sb.append(" &middot; sha256 ").append(Html.esc(sha.length() > 12 ? sha.substring(0, 12) + "\u2026" : sha));
        }
        JsonNode t = paper.path("timings_ms");
        if (t.isObject() && t.size() > 0) {
            sb.append("<br>time:");
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(' ').append(Html.esc(e.getKey())).append(' ').append(seconds(e.getValue().asLong())).append(';');
            }
        }
        sb.append("<br>files:");
        link(" text", "text.txt");
        link(" paper.json", "paper.json");
        link(" MEX", textOrNull(paper, "mex"));
        link(" Caffe solver", textOrNull(paper, "solver"));
        sb.append("</div></header>\n");
    }

    /** A link to a file of the paper when it exists (names are checked by PaperFiles). */
    private void link(String label, String name) {
        if (name != null && files.file(name).isPresent()) {
            sb.append(" <a href=\"").append(Html.href(name)).append("\">").append(Html.esc(label.strip())).append("</a>");
        }
    }

    private void errorsOnTop() {
        String error = textOrNull(paper, "error");
        if (error != null) {
            sb.append("<div class=\"error\"><b>This paper failed:</b> ").append(Html.esc(error)).append("</div>\n");
        }
    }

    // ------------------------------------------------------------------ figures

    private void figures() {
        JsonNode figs = paper.path("figures");
        long arch = 0;
        for (JsonNode f : figs) {
            if (isArchitecture(f)) {
                arch++;
            }
        }
        sb.append("<h2 id=\"figures\">Figures (").append(figs.size()).append(", ").append(arch)
                .append(" classified as architecture diagrams)</h2>\n");
        if (figs.isEmpty()) {
            sb.append("<p class=\"muted\">No figures were found in this paper.</p>\n");
        }
        // architecture diagrams first: they are what the reader checks; the rest stays one click away
        for (JsonNode f : figs) {
            if (isArchitecture(f)) {
                figure(f);
            }
        }
        if (figs.size() > arch) {
            sb.append("<details class=\"others\"><summary>Other figures (").append(figs.size() - arch)
                    .append("): plots, photos, tables and diagrams the classifier did not take for an architecture</summary>\n");
            for (JsonNode f : figs) {
                if (!isArchitecture(f)) {
                    figure(f);
                }
            }
            sb.append("</details>\n");
        }
    }

    private static boolean isArchitecture(JsonNode f) {
        String style = text(f, "style");
        return !style.isBlank() && !style.equals("other");
    }

    private void figure(JsonNode f) {
        int index = f.path("index").asInt();
        String label = text(f, "label");
        sb.append("<div class=\"card").append(isArchitecture(f) ? " arch" : "").append("\" id=\"figure-").append(index).append("\">\n<h3>")
                .append(Html.esc(label.isBlank() ? "Figure (uncaptioned) #" + index : label)).append("</h3>\n<div>");
        String style = text(f, "style");
        if (!style.isBlank()) {
            sb.append("style <span class=\"style").append(style.equals("other") ? " other" : "").append("\">")
                    .append(Html.esc(style)).append("</span>");
            if (f.path("confidence").isNumber()) {
                sb.append(" confidence ").append(percent(f.path("confidence").asDouble()));
            }
            sb.append(" &middot; ");
        }
        if (f.path("page").isNumber()) {
            sb.append("page ").append(f.path("page").asInt());
        }
        if (!text(f, "kind").isBlank()) {
            sb.append(" &middot; ").append(Html.esc(text(f, "kind")));
        }
        if (f.path("graph").isNumber()) {
            int g = f.path("graph").asInt();
            sb.append(" &middot; <a href=\"#graph-").append(g).append("\">graph ").append(g).append("</a>");
        }
        sb.append("</div>\n");
        if (!text(f, "caption").isBlank()) {
            sb.append("<blockquote>").append(Html.esc(text(f, "caption"))).append("</blockquote>\n");
        }
        JsonNode probs = f.path("probabilities");
        if (probs.isObject() && probs.size() > 0) {
            sb.append("<details><summary>style probabilities</summary><table class=\"probs\">");
            for (Iterator<Map.Entry<String, JsonNode>> it = probs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                double p = e.getValue().asDouble();
                sb.append("<tr><td>").append(Html.esc(e.getKey())).append("</td><td><meter min=\"0\" max=\"1\" value=\"")
                        .append(String.format(Locale.ROOT, "%.3f", p)).append("\"></meter></td><td>").append(percent(p)).append("</td></tr>");
            }
            sb.append("</table></details>\n");
        }
        String error = textOrNull(f, "error");
        if (error != null) {
            sb.append("<div class=\"note\">No graph: ").append(Html.esc(error)).append("</div>\n");
        }
        sb.append("<div class=\"pair\">");
        image("figure crop", textOrNull(f, "image"), label);
        String overlay = textOrNull(f, "overlay");
        if (overlay != null) {
            image("what the parser detected", overlay, label + " overlay");
        } else {
            sb.append("<figure><figcaption>detection overlay</figcaption><p class=\"muted\">")
                    .append(isArchitecture(f) ? "not parsed" : "not an architecture diagram, not parsed").append("</p></figure>");
        }
        sb.append("</div>\n</div>\n");
    }

    private void image(String caption, String name, String alt) {
        sb.append("<figure><figcaption>").append(Html.esc(caption)).append("</figcaption>");
        if (name != null && files.file(name).isPresent()) {
            sb.append("<a href=\"").append(Html.href(name)).append("\"><img src=\"").append(Html.href(name))
                    .append("\" alt=\"").append(Html.esc(alt)).append("\" loading=\"eager\"></a>");
        } else {
            sb.append("<p class=\"muted\">").append(name == null ? "no image" : "image missing: " + Html.esc(name)).append("</p>");
        }
        sb.append("</figure>");
    }

    // ------------------------------------------------------------------ graphs

    private void graphs() {
        JsonNode graphs = paper.path("graphs");
        sb.append("<h2 id=\"graphs\">Architecture graphs (").append(graphs.size()).append(")</h2>\n");
        if (graphs.isEmpty()) {
            sb.append("<p class=\"muted\">No architecture graph was recovered from this paper.</p>\n");
        }
        for (JsonNode g : graphs) {
            graph(g);
        }
    }

    private void graph(JsonNode g) {
        int number = g.path("number").asInt();
        String from = text(g, "from");
        int index = g.path("index").asInt();
        sb.append("<div class=\"card arch\" id=\"graph-").append(number).append("\">\n<h3>Graph ").append(number).append("</h3>\n<div>from ");
        if (from.equals("figure") || from.equals("table")) {
            sb.append("<a href=\"#").append(from).append('-').append(index).append("\">").append(from).append(' ').append(index).append("</a>");
        } else {
            sb.append(Html.esc(from));
        }
        String conf = textOrNull(g, "configuration");
        if (conf != null) {
            sb.append(", configuration <b>").append(Html.esc(conf)).append("</b>");
        }
        if (g.path("layers").isNumber()) {
            sb.append(" &middot; ").append(g.path("layers").asInt()).append(" layers");
        }
        sb.append("</div>\n");
        JsonNode errs = g.path("errors");
        for (Iterator<Map.Entry<String, JsonNode>> it = errs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sb.append("<div class=\"note\">").append(Html.esc(e.getKey())).append(": ").append(Html.esc(e.getValue().asText())).append("</div>\n");
        }
        sb.append("<div class=\"graph-layout\"><div class=\"graph-drawing\">");
        Drawing d = drawings.get(number);
        if (d != null && d.svgFile() != null) {
            sb.append("<a href=\"").append(Html.href(d.svgFile())).append("\"><img src=\"").append(Html.href(d.svgFile()))
                    .append("\" alt=\"graph ").append(number).append(" drawn by Graphviz\"></a>");
        } else {
            sb.append("<div class=\"note\">").append(Html.esc(d == null ? "not drawn" : d.note())).append("</div>");
        }
        sb.append("</div>\n<div>");
        JsonNode fileNames = g.path("files");
        boolean first = true;
        for (String key : new String[] {"pytorch", "keras", "caffe", "graph"}) {
            String name = textOrNull(fileNames, key);
            if (name != null) {
                code(key, name, first);
                first = false;
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = fileNames.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!java.util.Set.of("pytorch", "keras", "caffe", "graph").contains(e.getKey()) && e.getValue().isTextual()) {
                code(e.getKey(), e.getValue().asText(), false);
            }
        }
        sb.append("</div></div>\n</div>\n");
    }

    private void code(String kind, String name, boolean open) {
        String language = switch (kind) {
            case "pytorch", "keras" -> "python";
            case "caffe" -> "protobuf";
            case "graph" -> "json";
            default -> "plaintext";
        };
        Optional<Path> file = files.file(name);
        sb.append("<details").append(open ? " open" : "").append("><summary>").append(Html.esc(label(kind))).append(": ")
                .append(Html.esc(name)).append("</summary>");
        if (file.isEmpty()) {
            sb.append("<div class=\"note\">file missing: ").append(Html.esc(name)).append("</div>");
        } else {
            try {
                long size = Files.size(file.get());
                sb.append("<a href=\"").append(Html.href(name)).append("\">open file</a> <span class=\"muted\">(")
                        .append(size).append(" bytes)</span>");
                if (size <= MAX_INLINE_CODE) {
                    String content = new String(Files.readAllBytes(file.get()), StandardCharsets.UTF_8);
                    sb.append("<pre><code class=\"language-").append(language).append("\">").append(Html.esc(content)).append("</code></pre>");
                } else {
                    sb.append("<div class=\"note\">too large to show here</div>");
                }
            } catch (IOException e) {
                sb.append("<div class=\"error\">cannot read ").append(Html.esc(name)).append(": ").append(Html.esc(e.getMessage())).append("</div>");
            }
        }
        sb.append("</details>\n");
    }

    private static String label(String kind) {
        return switch (kind) {
            case "pytorch" -> "PyTorch";
            case "keras" -> "Keras";
            case "caffe" -> "Caffe";
            case "graph" -> "graph document";
            default -> kind;
        };
    }

    // ------------------------------------------------------------------ tables

    private void tables() {
        JsonNode tables = paper.path("tables");
        sb.append("<h2 id=\"tables\">Tables (").append(tables.size()).append(")</h2>\n");
        if (tables.isEmpty()) {
            sb.append("<p class=\"muted\">No tables were found in this paper.</p>\n");
        }
        for (JsonNode t : tables) {
            int index = t.path("index").asInt();
            String label = text(t, "label");
            sb.append("<div class=\"card\" id=\"table-").append(index).append("\">\n<h3>")
                    .append(Html.esc(label.isBlank() ? "Table #" + index : label)).append("</h3><div>");
            if (t.path("page").isNumber()) {
                sb.append("page ").append(t.path("page").asInt());
            }
            for (JsonNode g : t.path("graphs")) {
                int n = g.path("graph").asInt();
                sb.append(" &middot; <a href=\"#graph-").append(n).append("\">graph ").append(n);
                if (textOrNull(g, "configuration") != null) {
                    sb.append(" (configuration ").append(Html.esc(text(g, "configuration"))).append(')');
                }
                sb.append("</a>");
            }
            sb.append("</div>\n");
            if (!text(t, "caption").isBlank()) {
                sb.append("<blockquote>").append(Html.esc(text(t, "caption"))).append("</blockquote>\n");
            }
            if (textOrNull(t, "error") != null) {
                sb.append("<div class=\"note\">").append(Html.esc(text(t, "error"))).append("</div>\n");
            }
            JsonNode cells = t.path("cells");
            if (cells.isArray() && !cells.isEmpty()) {
                sb.append("<details><summary>cells (").append(cells.size()).append(" rows)</summary><table class=\"data grid\">");
                for (JsonNode row : cells) {
                    sb.append("<tr>");
                    for (JsonNode cell : row) {
                        sb.append("<td>").append(Html.esc(cell.asText())).append("</td>");
                    }
                    sb.append("</tr>");
                }
                sb.append("</table></details>\n");
            }
            sb.append("</div>\n");
        }
    }

    // ------------------------------------------------------------------ hyperparameters

    private void hyperparameters() {
        JsonNode hp = paper.path("hyperparameters");
        sb.append("<h2 id=\"hyperparameters\">Training hyperparameters (").append(hp.size()).append(")</h2>\n");
        if (hp.isEmpty()) {
            sb.append("<p class=\"muted\">No training hyperparameters were found in the text.</p>\n");
        } else {
            sb.append("<table class=\"data\"><tr><th>key</th><th>value</th><th>evidence</th><th class=\"num\">page</th></tr>\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = hp.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                sb.append("<tr><td>").append(Html.esc(e.getKey())).append("</td><td><code class=\"value\">")
                        .append(Html.esc(json(v.path("value")))).append("</code>");
                if (v.path("ambiguous").asBoolean(false)) {
                    sb.append("<br><span class=\"muted\">ambiguous; also stated: ");
                    for (JsonNode a : v.path("alternatives")) {
                        sb.append("<code class=\"value\">").append(Html.esc(json(a.has("value") ? a.path("value") : a))).append("</code> ");
                    }
                    sb.append("</span>");
                }
                sb.append("</td><td>").append(Html.esc(text(v, "sentence"))).append("</td><td class=\"num\">")
                        .append(v.path("page").isNumber() ? String.valueOf(v.path("page").asInt()) : "").append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        list("Datasets", paper.path("datasets"), "name");
        list("Reported metrics", paper.path("metrics"), "metric");
    }

    private void list(String heading, JsonNode items, String nameKey) {
        if (!items.isArray() || items.isEmpty()) {
            return;
        }
        sb.append("<details><summary>").append(Html.esc(heading)).append(" (").append(items.size()).append(")</summary><table class=\"data\">")
                .append("<tr><th>").append(Html.esc(nameKey)).append("</th><th>details</th><th>evidence</th><th class=\"num\">page</th></tr>\n");
        for (JsonNode item : items) {
            StringBuilder details = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!EVIDENCE_KEYS.contains(e.getKey()) && !e.getKey().equals(nameKey)) {
                    details.append(e.getKey()).append('=').append(json(e.getValue())).append(' ');
                }
            }
            sb.append("<tr><td>").append(Html.esc(text(item, nameKey))).append("</td><td>").append(Html.esc(details.toString().strip()))
                    .append("</td><td>").append(Html.esc(text(item, "sentence"))).append("</td><td class=\"num\">")
                    .append(item.path("page").isNumber() ? String.valueOf(item.path("page").asInt()) : "").append("</td></tr>\n");
        }
        sb.append("</table></details>\n");
    }

    // ------------------------------------------------------------------ errors

    private void errors() {
        JsonNode errs = paper.path("errors");
        sb.append("<h2 id=\"errors\">Errors and warnings (").append(errs.size()).append(")</h2>\n");
        if (errs.isEmpty()) {
            sb.append("<p class=\"muted\">None recorded.</p>\n");
            return;
        }
        sb.append("<table class=\"data\"><tr><th>stage</th><th>item</th><th>message</th></tr>\n");
        for (JsonNode e : errs) {
            sb.append("<tr><td>").append(Html.esc(text(e, "stage"))).append("</td><td>").append(Html.esc(text(e, "item")))
                    .append("</td><td>").append(Html.esc(text(e, "message"))).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    // ------------------------------------------------------------------ values

    static String text(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    static String textOrNull(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }

    static String json(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        try {
            return GraphJson.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(v);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return v.toString();
        }
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f%%", p * 100);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
