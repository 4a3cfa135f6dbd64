package org.paper2code.classify;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.FigureTruth;
import org.paper2code.eval.TruthJson;

/**
 * The hand-labelled real figures, from three lists in {@code eval/annotations}: the full truth
 * files ({@code figures/*.truth.json}), style-only labels ({@code figure-styles.tsv}) and
 * negatives cropped from the real PDFs ({@code figures-negatives.tsv}). Images live in
 * {@code ../shared/corpus-real} (not committed); the negative crops are rendered by
 * {@link #materialise()} into {@code eval/real-negatives/figures} (git-ignored), with truth
 * files. The style-only labels get no truth files: the truth format requires a graph for every
 * architecture figure, so they are scored by the training script and RealFiguresTest instead.
 */
public final class RealFigures {
    public static final int CROP_DPI = 100;

    /**
     * One labelled real figure; {@code group} says which list it came from, {@code paper} the PDF
     * it was cropped from (or a standalone figure's own id: cross-validation keeps a paper's
     * figures in one fold), {@code caption} the pdf stage's caption ("" for standalone figures).
     */
    public record Sample(String id, Path image, DiagramStyle style, String group, String note, String paper, String caption) {
    }

    private final Path root;
    private final Path shared;

    public RealFigures(Path projectRoot) {
        this.root = projectRoot.toAbsolutePath().normalize();
        this.shared = root.resolveSibling("shared").resolve("corpus-real");
    }

    public boolean available() {
        return Files.isDirectory(shared.resolve("figures"));
    }

    public Path shared() {
        return shared;
    }

    public Path negativesDir() {
        return root.resolve("eval/real-negatives/figures");
    }

    /** Every labelled real figure whose image exists, crops rendered first when missing. */
    public List<Sample> load() throws IOException {
        materialise();
        List<Sample> out = new ArrayList<>();
        Path ann = root.resolve("eval/annotations/figures");
        try (Stream<Path> s = Files.list(ann)) {
            for (Path t : s.filter(p -> p.getFileName().toString().endsWith(".truth.json")).sorted().toList()) {
                FigureTruth ft = TruthJson.readFigure(Files.readString(t));
                Path img = t.getParent().resolve(ft.image()).normalize();
                if (Files.isRegularFile(img)) {
                    out.add(new Sample(id(t), img, ft.style(), "annotated", "", paperOf(id(t)), ""));
                }
            }
        }
        for (String[] row : tsv(root.resolve("eval/annotations/figure-styles.tsv"))) {
            Path img = shared.resolve("figures").resolve(row[0]);
            if (Files.isRegularFile(img)) {
                out.add(new Sample(stem(row[0]), img, DiagramStyle.fromId(row[1]), "style-only", row.length > 2 ? row[2] : "",
                        paperOf(stem(row[0])), ""));
            }
        }
        for (Negative n : negatives()) {
            Path img = negativesDir().resolve(n.id() + ".png");
            if (Files.isRegularFile(img)) {
                out.add(new Sample(n.id(), img, n.style(), n.group(), n.kind(), n.pdf(), n.caption()));
            }
        }
        return out;
    }

    /**
     * The PDF a standalone figure was taken from when its id starts like one of the real PDFs
     * (alexnet_krizhevsky2012_fig2 -> alexnet_krizhevsky2012_nips.pdf), else the id itself.
     */
    private String paperOf(String id) throws IOException {
        for (String pdf : pdfNames()) {
            String[] t = pdf.split("_");
            if (t.length >= 2 && id.startsWith(t[0] + "_" + t[1] + "_")) {
                return pdf;
            }
        }
        return id;
    }

    private List<String> pdfNames;

    private List<String> pdfNames() throws IOException {
        if (pdfNames == null) {
            Path dir = shared.resolve("pdfs");
            if (!Files.isDirectory(dir)) {
                pdfNames = List.of();
            } else {
                try (Stream<Path> s = Files.list(dir)) {
                    pdfNames = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pdf")).sorted().toList();
                }
            }
        }
        return pdfNames;
    }

    /**
     * A crop box in percent of the page from its top-left, with its style: the hand-boxed
     * negatives of figures-negatives.tsv ("negative-crop") and every figure the pdf stage finds
     * in the real PDFs, labelled, from figures-pdf.tsv ("pdf-crop", with the caption's start).
     */
    public record Negative(String id, String pdf, int page, double x0, double y0, double x1, double y1, String kind,
            DiagramStyle style, String group, String caption) {
    }

    public List<Negative> negatives() throws IOException {
        List<Negative> out = new ArrayList<>();
        for (String[] r : tsv(root.resolve("eval/annotations/figures-negatives.tsv"))) {
            out.add(new Negative(r[0], r[1], Integer.parseInt(r[2]), Double.parseDouble(r[3]), Double.parseDouble(r[4]),
                    Double.parseDouble(r[5]), Double.parseDouble(r[6]), r[7], DiagramStyle.OTHER, "negative-crop", ""));
        }
        // id pdf page label x0 y0 x1 y1 style note caption
        for (String[] r : tsv(root.resolve("eval/annotations/figures-pdf.tsv"))) {
            out.add(new Negative(r[0], r[1], Integer.parseInt(r[2]), Double.parseDouble(r[4]), Double.parseDouble(r[5]),
                    Double.parseDouble(r[6]), Double.parseDouble(r[7]), r[9], DiagramStyle.fromId(r[8]), "pdf-crop",
                    r.length > 10 ? r[10] : ""));
        }
        return out;
    }

    /**
     * Renders the negative crops and writes their truth files (only what is missing; PDFBox
     * rendering at a fixed dpi gives the same pixels every time).
     * Returns how many files were written. Does nothing when {@code ../shared} is absent.
     */
    public int materialise() throws IOException {
        if (!available()) {
            return 0;
        }
        int written = 0;
        Files.createDirectories(negativesDir());
        try (PageCache pages = new PageCache()) {
            written = materialise(pages);
        }
        return written;
    }

    private int materialise(PageCache pages) throws IOException {
        int written = 0;
        for (Negative n : negatives()) {
            Path png = negativesDir().resolve(n.id() + ".png");
            Path pdf = shared.resolve("pdfs").resolve(n.pdf());
            if (Files.isRegularFile(png) || !Files.isRegularFile(pdf)) {
                continue;
            }
            ImageIO.write(crop(pages.page(pdf, n.page()), n), "png", png.toFile());
            if (n.style() != DiagramStyle.OTHER) {
                written++; // architecture crops get no truth file: the truth format needs their graph
                continue;
            }
            FigureTruth t = new FigureTruth(png.getFileName().toString(), DiagramStyle.OTHER, null, null, null, null,
                    "shared/corpus-real/pdfs/" + n.pdf() + " page " + n.page() + " box% " + n.x0() + "," + n.y0() + ","
                            + n.x1() + "," + n.y1() + " (" + n.kind() + "), rendered at " + CROP_DPI + " dpi",
                    "see shared/corpus-real/SOURCES.tsv (not committed)");
            Files.writeString(negativesDir().resolve(n.id() + ".truth.json"), TruthJson.write(t));
            written++;
        }
        return written;
    }

    /** The last PDF stays open and its last rendered page is kept: the lists run paper by paper, page by page. */
    private static final class PageCache implements AutoCloseable {
        private Path pdf;
        private PDDocument doc;
        private int pageNo = -1;
        private BufferedImage image;

        BufferedImage page(Path file, int page) throws IOException {
            if (!file.equals(pdf)) {
                close();
                doc = Loader.loadPDF(file.toFile());
                pdf = file;
                pageNo = -1;
            }
            if (page != pageNo) {
                image = new PDFRenderer(doc).renderImageWithDPI(page - 1, CROP_DPI, ImageType.RGB);
                pageNo = page;
            }
            return image;
        }

        @Override
        public void close() throws IOException {
            if (doc != null) {
                doc.close();
                doc = null;
                pdf = null;
            }
        }
    }

    static BufferedImage crop(BufferedImage page, Negative n) {
        int x0 = (int) Math.round(page.getWidth() * n.x0() / 100);
        int y0 = (int) Math.round(page.getHeight() * n.y0() / 100);
        int x1 = (int) Math.round(page.getWidth() * n.x1() / 100);
        int y1 = (int) Math.round(page.getHeight() * n.y1() / 100);
        BufferedImage sub = page.getSubimage(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
        BufferedImage out = new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(sub, 0, 0, null);
        return out;
    }

    private static List<String[]> tsv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    private static String id(Path truth) {
        String n = truth.getFileName().toString();
        return n.substring(0, n.length() - ".truth.json".length());
    }

    private static String stem(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    /** Renders the crops: {@code java -cp paper2code.jar org.paper2code.classify.RealFigures [ROOT]}. */
    public static void main(String[] args) throws IOException {
        RealFigures r = new RealFigures(Path.of(args.length > 0 ? args[0] : System.getProperty("user.dir")));
        if (!r.available()) {
            System.err.println("real-negatives: " + r.shared() + " not found; nothing to do");
            return;
        }
        int n = r.materialise();
        System.out.println("wrote " + n + " crops to " + r.negativesDir());
    }
}
