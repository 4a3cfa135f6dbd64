package org.paper2code.eval;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.GraphValidator;

/**
 * Every truth file ({@code *.truth.json}) below a folder, parsed and checked, in path order, and every
 * layout truth ({@code *.layout.tsv}: all figures and tables of one PDF, {@link LayoutTruth}).
 *
 * <p>Media convention: a truth file's {@code image} (figure) or {@code pdf} (paper) is a path
 * relative to the folder of the truth file ({@code x.png} when the image sits beside it;
 * {@code ../../../../shared/corpus-real/figures/x.png} for an annotation that points into the
 * shared corpus beside the repository). When it is not there and a media folder was given,
 * the file of the same name in that folder is used. A missing file does not make the truth
 * corrupt: the item is listed as skipped with the path that was tried.
 *
 * <p>A truth file that does not parse, is of an unknown kind, or holds a graph that fails
 * {@link GraphValidator} is listed in {@link #problems()} with the reason.
 */
public final class TruthCorpus {
    public static final String SUFFIX = ".truth.json";
    /** Every figure and table of one PDF ({@link LayoutTruth}). */
    public static final String LAYOUT_SUFFIX = ".layout.tsv";

    /** A figure truth, its image (null when not found) and why it is missing. */
    public record FigureItem(String id, Path truthFile, FigureTruth truth, Path image, String missing) {
    }

    /** A paper truth, its PDF (null when not found) and why it is missing. */
    public record PaperItem(String id, Path truthFile, PaperTruth truth, Path pdf, String missing) {
    }

    /** The figures and tables of one PDF, the PDF (null when not found) and why it is missing. */
    public record LayoutItem(String id, Path truthFile, LayoutTruth truth, Path pdf, String missing) {
    }

    /** A truth file that could not be used, and why. */
    public record Problem(String file, String reason) {
    }

    private final Path root;
    private final List<FigureItem> figures = new ArrayList<>();
    private final List<PaperItem> papers = new ArrayList<>();
    private final List<LayoutItem> layouts = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private TruthCorpus(Path root) {
        this.root = root;
    }

    /**
     * @param mediaDirs folders searched by file name when a truth file's relative media path
     *                  does not exist (may be empty)
     */
    public static TruthCorpus load(Path root, List<Path> mediaDirs) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a folder");
        }
        TruthCorpus c = new TruthCorpus(root);
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path f : files) {
            c.add(f, mediaDirs);
        }
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(LAYOUT_SUFFIX) && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path f : files) {
            c.addLayout(f, mediaDirs);
        }
        return c;
    }

    private void add(Path file, List<Path> mediaDirs) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        String id = rel.substring(0, rel.length() - SUFFIX.length());
        try {
            String text = read(file);
            String kind = TruthJson.kind(text);
            switch (kind) {
                case "figure" -> {
                    FigureTruth t = TruthJson.readFigure(text);
                    check(t.graph(), "graph");
                    if (t.style().isArchitecture() && t.graph() == null) {
                        throw new GraphException("style " + t.style().id() + " needs a graph (only 'other' may have none)");
                    }
                    Media m = media(file, t.image(), mediaDirs, "image");
                    figures.add(new FigureItem(id, file, t, m.path, m.missing));
                }
                case "paper" -> {
                    PaperTruth t = TruthJson.readPaper(text);
                    for (int i = 0; i < t.figures().size(); i++) {
                        PaperTruth.Figure f = t.figures().get(i);
                        check(f.graph(), "figures[" + i + "].graph");
                        if (f.page() < 1 || f.bbox() == null) {
                            throw new GraphException("figures[" + i + "] needs a page >= 1 and a bbox");
                        }
                    }
                    Media m = media(file, t.pdf(), mediaDirs, "pdf");
                    papers.add(new PaperItem(id, file, t, m.path, m.missing));
                }
                default -> throw new GraphException("unknown truth kind '" + kind + "' (figure or paper)");
            }
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problems.add(new Problem(rel, m.replace('\n', ' ').replaceAll("\\s+", " ")));
        }
    }

    private void addLayout(Path file, List<Path> mediaDirs) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        String id = rel.substring(0, rel.length() - LAYOUT_SUFFIX.length());
        String name = file.getFileName().toString();
        try {
            LayoutTruth t = LayoutTruth.parse(read(file), name.substring(0, name.length() - LAYOUT_SUFFIX.length()) + ".pdf");
            Media m = media(file, t.pdf(), mediaDirs, "pdf");
            layouts.add(new LayoutItem(id, file, t, m.path, m.missing));
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problems.add(new Problem(rel, m.replace('\n', ' ').replaceAll("\\s+", " ")));
        }
    }

    private static void check(Graph g, String where) {
        if (g == null) {
            return;
        }
        try {
            new GraphValidator().check(g);
        } catch (GraphException e) {
            throw new GraphException(where + ": " + e.getMessage());
        }
    }

    private record Media(Path path, String missing) {
    }

    private static Media media(Path truthFile, String name, List<Path> mediaDirs, String what) {
        if (name == null || name.isBlank()) {
            return new Media(null, "no " + what + " named in the truth file");
        }
        Path p = truthFile.getParent().resolve(name).normalize();
        if (Files.isRegularFile(p)) {
            return new Media(p, null);
        }
        String fileName = Path.of(name).getFileName().toString();
        for (Path d : mediaDirs) {
            Path q = d.resolve(fileName);
            if (Files.isRegularFile(q)) {
                return new Media(q, null);
            }
        }
        return new Media(null, what + " not found: " + p + (mediaDirs.isEmpty() ? "" : " (nor " + fileName + " in " + mediaDirs + ")"));
    }

    private static String read(Path f) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }

    public Path root() {
        return root;
    }

    public List<FigureItem> figures() {
        return List.copyOf(figures);
    }

    public List<PaperItem> papers() {
        return List.copyOf(papers);
    }

    public List<LayoutItem> layouts() {
        return List.copyOf(layouts);
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
