package org.paper2code.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.paper2code.cli.OutputFolder;
import org.paper2code.emit.dot.DotEmitter;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;

/**
 * Writes the static HTML report of an {@code extract} output folder: OUT/index.html,
 * OUT/&lt;paper-id&gt;/report.html, OUT/&lt;paper-id&gt;/graph-K.svg (Graphviz) and OUT/assets/.
 * It only reads what the run wrote (summary.json, paper.json, the files they name), so it can
 * be re-run at any time ({@code paper2code report OUT}). Every file is written atomically; one
 * unreadable paper is reported and the rest of the report is still written.
 */
public final class ReportWriter {
    /** Paper ids as the run makes them (see the extract contract); anything else is not a paper folder. */
    private static final Pattern PAPER_ID = Pattern.compile("[a-z0-9_-][a-z0-9._-]{0,79}");
    static final List<String> ASSETS = List.of("report.css", "report.js", "highlight.min.js", "highlight-protobuf.min.js",
            "highlight-github.min.css", "highlight-LICENSE.txt", "README.txt");
    private static final String ASSET_RESOURCE = "/org/paper2code/report/assets/";

    private final Graphviz graphviz;

    /** A writer using Graphviz's dot from the PATH (graphs are not drawn when it is missing: the pages say so). */
    public ReportWriter() {
        this.graphviz = Graphviz.find();
    }

    /** A writer with the given Graphviz, or none (then graphs are not drawn). */
    ReportWriter(Graphviz graphviz) {
        this.graphviz = graphviz;
    }

    /** Whether graphs can be drawn (Graphviz's dot is on the PATH). */
    public boolean canDraw() {
        return graphviz != null;
    }

    /**
     * What was written.
     * @param papers   paper pages written
     * @param graphs   graph drawings written or found up to date
     * @param problems one line per paper or graph that could not be shown fully ("id: reason")
     */
    public record Result(Path index, int papers, int graphs, List<String> problems) {
    }

    /**
     * @throws IOException when OUT is not a folder or the index cannot be written
     */
    public Result write(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            throw new IOException(out + ": not a folder (give the output folder of paper2code extract)");
        }
        OutputFolder folder = new OutputFolder(out);
        for (String a : ASSETS) {
            folder.write("assets/" + a, asset(a));
        }
        Path root = folder.root();
        List<String> problems = new ArrayList<>();
        JsonNode run = MissingNode.getInstance();
        try {
            run = readJson(root.resolve("summary.json")).orElse(run);
        } catch (IOException e) {
            problems.add("summary.json: unreadable, papers listed from their folders: " + e.getMessage());
        }
        Map<String, JsonNode> summaryRows = new LinkedHashMap<>();
        for (JsonNode p : run.path("papers")) {
            String id = PaperPage.text(p, "paper_id");
            if (PAPER_ID.matcher(id).matches()) {
                summaryRows.put(id, p);
            } else {
                problems.add("summary.json: ignored a paper with an invalid id: " + id);
            }
        }
        Set<String> ids = new LinkedHashSet<>(summaryRows.keySet());
        ids.addAll(paperFolders(root));
        List<IndexPage.Row> rows = new ArrayList<>();
        int pages = 0;
        int drawn = 0;
        for (String id : ids) {
            JsonNode summary = summaryRows.getOrDefault(id, MissingNode.getInstance());
            Path paperJson = root.resolve(id).resolve("paper.json");
            if (!Files.isRegularFile(paperJson)) {
                rows.add(new IndexPage.Row(id, summary, MissingNode.getInstance(), false, null));
                continue;
            }
            JsonNode paper;
            try {
                paper = GraphJson.MAPPER.readTree(Files.readString(paperJson, StandardCharsets.UTF_8));
                if (paper == null || !paper.isObject()) {
                    throw new IOException("not a JSON object");
                }
            } catch (IOException e) {
                String why = id + "/paper.json: unreadable: " + e.getMessage();
                problems.add(why);
                rows.add(new IndexPage.Row(id, summary, MissingNode.getInstance(), false, why));
                continue;
            }
            PaperFiles files = new PaperFiles(root.resolve(id));
            Map<Integer, PaperPage.Drawing> drawings = new LinkedHashMap<>();
            for (JsonNode g : paper.path("graphs")) {
                int k = g.path("number").asInt(-1);
                if (k < 1) {
                    continue;
                }
                PaperPage.Drawing d = draw(folder, id, files, k, PaperPage.textOrNull(g.path("files"), "graph"));
                drawings.put(k, d);
                if (d.svgFile() != null) {
                    drawn++;
                } else if (graphviz != null) {
                    problems.add(id + ": graph " + k + ": " + d.note());
                }
            }
            folder.write(id + "/report.html", new PaperPage(paper, files, drawings).render());
            pages++;
            rows.add(new IndexPage.Row(id, summary, paper, true, null));
        }
        Path index = folder.write("index.html",
                new IndexPage(run, rows, Files.isRegularFile(root.resolve("mex-dataset.nq"))).render());
        return new Result(index, pages, drawn, List.copyOf(problems));
    }

    /** Draws graph K to graph-K.svg unless a drawing newer than the graph document is already there. */
    private PaperPage.Drawing draw(OutputFolder folder, String id, PaperFiles files, int k, String graphFile) {
        Optional<Path> json = files.file(graphFile);
        if (json.isEmpty()) {
            return new PaperPage.Drawing(null, "graph document missing: " + graphFile);
        }
        if (graphviz == null) {
            return new PaperPage.Drawing(null, "Graphviz is not installed (apt-get install graphviz), so the graph is not drawn; "
                    + "its graph document is beside this note.");
        }
        String svgName = "graph-" + k + ".svg";
        try {
            Path svg = files.dir().resolve(svgName);
            if (Files.isRegularFile(svg) && Files.getLastModifiedTime(svg).compareTo(Files.getLastModifiedTime(json.get())) >= 0) {
                return new PaperPage.Drawing(svgName, null);
            }
            Graph graph = GraphJson.read(Files.readString(json.get(), StandardCharsets.UTF_8));
            if (graph.layers().size() > Graphviz.MAX_LAYERS) {
                return new PaperPage.Drawing(null, "not drawn: " + graph.layers().size() + " layers (more than " + Graphviz.MAX_LAYERS + ")");
            }
            folder.write(id + "/" + svgName, graphviz.svg(DotEmitter.dot(graph)));
            return new PaperPage.Drawing(svgName, null);
        } catch (IOException | RuntimeException e) {
            return new PaperPage.Drawing(null, "not drawn: " + e.getMessage());
        }
    }

    /** Folders of OUT that hold a paper.json (papers of a run whose summary.json is missing or older). */
    private static List<String> paperFolders(Path root) throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (PAPER_ID.matcher(name).matches() && Files.isRegularFile(p.resolve("paper.json"))) {
                    ids.add(name);
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    private static Optional<JsonNode> readJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.ofNullable(GraphJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8)));
    }

    private static byte[] asset(String name) throws IOException {
        try (InputStream in = ReportWriter.class.getResourceAsStream(ASSET_RESOURCE + name)) {
            if (in == null) {
                throw new IOException("missing resource " + ASSET_RESOURCE + name);
            }
            return in.readAllBytes();
        }
    }
}
