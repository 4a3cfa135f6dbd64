package org.paper2code.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.paper2code.report.PaperPage.text;
import static org.paper2code.report.PaperPage.textOrNull;

/** OUT/index.html: the run (summary.json) and one row per paper. */
final class IndexPage {
    /**
     * One paper of the run.
     * @param summary its entry in summary.json (missing node when the run has no summary)
     * @param paper   its paper.json (missing node when unreadable)
     * @param page    true when its report.html was written
     * @param problem why its paper.json could not be read, or null
     */
    record Row(String id, JsonNode summary, JsonNode paper, boolean page, String problem) {
    }

    private final JsonNode run;
    private final List<Row> rows;
    private final boolean dataset;
    private final StringBuilder sb = new StringBuilder(32_000);

    /**
     * @param run     summary.json, or a missing node
     * @param dataset true when OUT/mex-dataset.nq exists
     */
    IndexPage(JsonNode run, List<Row> rows, boolean dataset) {
        this.run = run == null ? MissingNode.getInstance() : run;
        this.rows = rows;
        this.dataset = dataset;
    }

    String render() {
        Page.open(sb, "paper2code run report", "assets");
        sb.append("<header class=\"top\"><h1>paper2code run report</h1><div class=\"meta\">");
        if (run.isMissingNode()) {
            sb.append("no summary.json: papers listed from their folders");
        } else {
            sb.append("started ").append(Html.esc(text(run, "started"))).append(" &middot; finished ").append(Html.esc(text(run, "finished")));
            if (run.path("threads").isNumber()) {
                sb.append(" &middot; ").append(run.path("threads").asInt()).append(" threads");
            }
        }
        if (dataset) {
            sb.append(" &middot; <a href=\"mex-dataset.nq\">MEX dataset (N-Quads)</a>");
        }
        sb.append("</div></header>\n<main>\n");
        totals();
        papers();
        sb.append("</main>\n");
        Page.close(sb);
        return sb.toString();
    }

    private void totals() {
        JsonNode totals = run.path("totals");
        sb.append("<h2>Totals</h2>\n<div class=\"totals\">");
        if (totals.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = totals.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append("<span><b>").append(Html.esc(e.getValue().asText())).append("</b> ").append(Html.esc(e.getKey().replace('_', ' '))).append("</span>");
            }
        } else {
            sb.append("<span><b>").append(rows.size()).append("</b> papers</span>");
        }
        sb.append("</div>\n");
        JsonNode timings = run.path("timings_ms");
        if (timings.isObject() && timings.size() > 0) {
            long sum = 0;
            for (JsonNode v : timings) {
                sum += v.asLong();
            }
            sb.append("<table class=\"data\"><tr><th>stage</th><th class=\"num\">time (all threads)</th><th class=\"num\">share</th></tr>\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = timings.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                long ms = e.getValue().asLong();
                sb.append("<tr><td>").append(Html.esc(e.getKey())).append("</td><td class=\"num\">").append(PaperPage.seconds(ms))
                        .append("</td><td class=\"num\">").append(sum == 0 ? "" : PaperPage.percent((double) ms / sum)).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
    }

    private void papers() {
        sb.append("<h2>Papers (").append(rows.size()).append(")</h2>\n");
        sb.append("<table class=\"data\"><tr><th>paper</th><th>title</th><th>status</th><th class=\"num\">figures</th>")
                .append("<th class=\"num\">architecture figures</th><th class=\"num\">tables</th><th class=\"num\">graphs</th>")
                .append("<th class=\"num\">time</th><th>error</th></tr>\n");
        for (Row r : rows) {
            JsonNode s = r.summary().isMissingNode() ? r.paper() : r.summary();
            String status = firstText(r.summary(), r.paper(), "status");
            sb.append("<tr><td>");
            if (r.page()) {
                sb.append("<a href=\"").append(Html.href(r.id() + "/report.html")).append("\">").append(Html.esc(r.id())).append("</a>");
            } else {
                sb.append(Html.esc(r.id()));
            }
            sb.append("</td><td>").append(Html.esc(text(r.paper(), "title"))).append("</td><td class=\"status-").append(Html.esc(status))
                    .append("\">").append(Html.esc(status)).append("</td>");
            cell(count(s, r.paper(), "figures"));
            cell(count(s, r.paper(), "architecture_figures"));
            cell(count(s, r.paper(), "tables"));
            cell(count(s, r.paper(), "graphs"));
            String time = r.summary().path("seconds").isNumber()
                    ? String.format(java.util.Locale.ROOT, "%.1f s", r.summary().path("seconds").asDouble())
                    : r.paper().path("timings_ms").path("total").isNumber() ? PaperPage.seconds(r.paper().path("timings_ms").path("total").asLong()) : "";
            sb.append("<td class=\"num\">").append(time).append("</td><td>");
            String error = r.problem() != null ? r.problem() : firstTextOrNull(r.summary(), r.paper(), "error");
            if (error != null) {
                sb.append(Html.esc(error));
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private void cell(String v) {
        sb.append("<td class=\"num\">").append(Html.esc(v)).append("</td>");
    }

    /** A count from summary.json, else from paper.json (a number there, or the length of the list). */
    private static String count(JsonNode summary, JsonNode paper, String key) {
        if (summary.path(key).isNumber()) {
            return summary.path(key).asText();
        }
        if (key.equals("architecture_figures") && paper.path("figures").isArray()) {
            int n = 0;
            for (JsonNode f : paper.path("figures")) {
                String style = text(f, "style");
                n += !style.isBlank() && !style.equals("other") ? 1 : 0;
            }
            return String.valueOf(n);
        }
        JsonNode v = paper.path(key);
        return v.isArray() ? String.valueOf(v.size()) : v.isNumber() ? v.asText() : "";
    }

    private static String firstText(JsonNode a, JsonNode b, String key) {
        String v = text(a, key);
        return v.isBlank() ? text(b, key) : v;
    }

    private static String firstTextOrNull(JsonNode a, JsonNode b, String key) {
        String v = textOrNull(a, key);
        return v != null ? v : textOrNull(b, key);
    }
}
