package org.paper2code.pdf;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;

/** One run of the stage over an open document (see {@link PaperReader} for the contract). */
final class Extraction {
    private final PDDocument doc;
    private final Path file;
    private final String sha;
    private final PdfOptions options;
    private final long softDeadline;
    private final long renderDeadline;
    private final List<String> warnings = new ArrayList<>();
    private boolean partial;

    private record PageContent(int number, double width, double height, List<Glyph> glyphs, List<GlyphCollector.TurnedGlyph> turned,
                               List<Line> lines, List<Graphic> graphics, int chars, boolean failed) {
    }

    Extraction(PDDocument doc, Path file, String sha, PdfOptions options, long softDeadline, long renderDeadline, boolean truncated) {
        this.doc = doc;
        this.file = file;
        this.sha = sha;
        this.options = options;
        this.softDeadline = softDeadline;
        this.renderDeadline = renderDeadline;
        if (truncated) {
            warn("the file does not end with %%EOF: it looks truncated, pages or objects may be missing");
            partial = true;
        }
    }

    private void warn(String w) {
        if (warnings.size() < 200) {
            warnings.add(w);
        }
    }

    Paper run() {
        int n = doc.getNumberOfPages();
        if (doc.isEncrypted()) {
            warn("the PDF is encrypted; opened with " + (options.password() == null ? "the empty user password" : "the given password"));
        }
        List<PageContent> contents = new ArrayList<>();
        GlyphCollector glyphs = new GlyphCollector();
        for (int i = 0; i < n; i++) {
            if (System.nanoTime() > softDeadline || Thread.currentThread().isInterrupted()) {
                warn("time limit reached: read " + i + " of " + n + " pages");
                partial = true;
                break;
            }
            contents.add(readPage(glyphs, i));
        }
        double bodySize = bodySize(contents);
        List<Double> gutters = new ArrayList<>();
        for (PageContent c : contents) {
            double g = PageLayout.findGutter(c.width, c.lines, bodySize);
            if (!Double.isNaN(g)) {
                gutters.add(g);
            }
        }
        gutters.sort(null);
        double docGutter = gutters.size() * 2 >= contents.size() && !gutters.isEmpty() ? gutters.get(gutters.size() / 2) : Double.NaN;
        List<PageLayout> layouts = new ArrayList<>();
        for (PageContent c : contents) {
            List<Graphic> drawn = c.graphics.stream().filter(g -> !isBackground(g, c.width * c.height)).toList();
            layouts.add(PageLayout.of(c.number, c.width, c.height, c.lines, drawn, bodySize, docGutter));
        }
        Set<String> compounds = TextJoin.compounds(layouts.stream().flatMap(l -> l.ordered().stream()).toList());
        Map<Integer, List<Caption>> captions = CaptionFinder.find(layouts, bodySize, compounds);
        Set<Line> runningHeads = RunningHeaders.find(layouts);
        ClipRenderer pdfRenderer = new ClipRenderer(doc);
        pdfRenderer.setSubsamplingAllowed(true);
        Renderer renderer = new Renderer(pdfRenderer, options.maxRenderPixels());
        TextAssembler text = new TextAssembler(bodySize, compounds);
        List<Paper.Page> pages = new ArrayList<>();
        List<Paper.Figure> figures = new ArrayList<>();
        List<Paper.Table> tables = new ArrayList<>();
        List<Paper.PageImage> overlays = new ArrayList<>();
        Ocr ocr = null;
        boolean ocrTried = false;
        boolean scanned = false;
        for (PageLayout p : layouts) {
            PageContent c = contents.get(p.page() - 1);
            List<Caption> caps = captions.getOrDefault(p.page(), List.of());
            boolean scannedPage = isScanned(c);
            List<Region> regions = scannedPage ? List.of() : new FigureLocator(p, bodySize, caps).locate();
            Set<Line> captionLines = new HashSet<>();
            Set<Line> captionStarts = new HashSet<>();
            caps.forEach(cap -> {
                captionLines.addAll(cap.lines());
                captionStarts.add(cap.lines().get(0));
            });
            Set<Line> skip = new HashSet<>(FigureLocator.linesOf(regions));
            skip.addAll(runningHeads);
            Paper.TextSource source = c.failed ? Paper.TextSource.NONE : Paper.TextSource.TEXT_LAYER;
            if (scannedPage) {
                scanned = true;
                source = Paper.TextSource.NONE;
                if (options.ocr()) {
                    if (!ocrTried) {
                        ocrTried = true;
                        try {
                            ocr = Ocr.open(options.tessdata(), options.ocrLanguage());
                        } catch (RuntimeException | LinkageError e) {
                            warn("OCR unavailable: " + e.getMessage());
                        }
                    }
                    if (ocr != null && System.nanoTime() < renderDeadline) {
                        try {
                            BufferedImage img = renderer.page(p.page() - 1, p.width(), p.height(), 300, ImageType.GRAY);
                            text.addPlainText(ocr.read(img), p.page());
                            source = Paper.TextSource.OCR;
                        } catch (Exception | LinkageError e) {
                            warn("page " + p.page() + ": OCR failed: " + e.getMessage());
                        }
                    } else if (ocr != null) {
                        warn("page " + p.page() + ": no time left for OCR");
                        partial = true;
                    }
                }
                if (source == Paper.TextSource.NONE) {
                    warn("page " + p.page() + ": scanned (no text layer) and not OCR'd: no text");
                }
            } else {
                text.addPage(p, skip, captionLines, captionStarts);
            }
            List<Renderer.Box> boxes = new ArrayList<>();
            List<Rect> cropBoxes = regions.stream().filter(this::cropped).map(r -> cropBox(r, p)).toList();
            for (Region r : regions) {
                Rect box = cropBox(r, p);
                Renderer.Crop rendered = cropped(r) ? crop(renderer, p, box, cropBoxes) : null;
                BufferedImage image = rendered == null ? null : rendered.image();
                List<Paper.Figure.Word> words = List.of();
                if (image != null && !r.table()) {
                    InkTrim.Trimmed t = InkTrim.trim(image, box);
                    image = t.image();
                    box = t.box();
                    words = FigureWords.inside(c.glyphs, c.turned, box, rendered.frame().cut(t.left(), t.top()));
                }
                byte[] png = png(image, p.page());
                String label = r.caption() == null ? null : r.caption().label();
                String caption = r.caption() == null ? null : r.caption().text();
                if (r.table()) {
                    tables.add(new Paper.Table(p.page(), box, label, caption, TableGrid.cells(r.lines(), verticalRules(p, r.box())), png));
                    boxes.add(new Renderer.Box(box, new Color(0, 90, 255)));
                } else {
                    figures.add(new Paper.Figure(p.page(), box, label, caption, r.kind(), png, png == null ? List.of() : words));
                    boxes.add(new Renderer.Box(box, r.caption() == null ? new Color(255, 140, 0) : new Color(230, 0, 0)));
                }
                if (r.caption() != null) {
                    boxes.add(new Renderer.Box(r.caption().box(), new Color(0, 170, 0)));
                }
            }
            pages.add(new Paper.Page(p.page(), p.width(), p.height(), p.columns(), text.pageText(p.page()), source));
            if (options.overlayDpi() > 0 && System.nanoTime() < renderDeadline) {
                try {
                    overlays.add(new Paper.PageImage(p.page(), renderer.overlay(p.page() - 1, p.width(), p.height(),
                            options.overlayDpi(), boxes)));
                } catch (Exception e) {
                    warn("page " + p.page() + ": overlay not rendered: " + e.getMessage());
                }
            }
        }
        for (Caption cap : captions.values().stream().flatMap(List::stream).toList()) {
            boolean placed = figures.stream().anyMatch(f -> cap.label().equals(f.label()) && f.page() == pageOf(captions, cap))
                    || tables.stream().anyMatch(t -> cap.label().equals(t.label()));
            if (!placed) {
                warn("page " + pageOf(captions, cap) + ": caption '" + cap.label() + "' found but not its " + (cap.table() ? "table" : "figure"));
            }
        }
        Paper.Meta meta = new Paper.Meta(file.getFileName().toString(), sha, doc.getNumberOfPages(), title(layouts, bodySize),
                authors(), doc.isEncrypted());
        return new Paper(meta, pages, text.sections(), text.sentences(), figures, tables, scanned, partial, warnings, overlays);
    }

    /** x of the thin vertical lines drawn inside a table box (column separators). */
    private static List<Double> verticalRules(PageLayout p, Rect box) {
        return p.graphics().stream().filter(g -> !g.isImage() && g.box().w() < 2 && g.box().h() > 8
                && box.grow(1).overlapArea(g.box().grow(0.5)) > 0).map(g -> g.box().cx()).distinct().toList();
    }

    private static int pageOf(Map<Integer, List<Caption>> captions, Caption c) {
        for (Map.Entry<Integer, List<Caption>> e : captions.entrySet()) {
            if (e.getValue().contains(c)) {
                return e.getKey();
            }
        }
        return 0;
    }

    private byte[] png(BufferedImage image, int page) {
        if (image == null) {
            return null;
        }
        try {
            return Png.encode(image);
        } catch (IOException e) {
            warn("page " + page + ": crop not encoded: " + e.getMessage());
            return null;
        }
    }

    private boolean cropped(Region r) {
        return !r.table() || options.tableCrops();
    }

    /** The region's box with a small margin, inside the page. */
    private static Rect cropBox(Region r, PageLayout p) {
        return r.box().grow(2).intersect(new Rect(0, 0, p.width(), p.height()));
    }

    private Renderer.Crop crop(Renderer renderer, PageLayout p, Rect box, List<Rect> pageBoxes) {
        int page = p.page();
        if (System.nanoTime() > renderDeadline) {
            if (!partial || warnings.stream().noneMatch(w -> w.startsWith("time limit: crops"))) {
                warn("time limit: crops after page " + page + " not rendered");
            }
            partial = true;
            return null;
        }
        try {
            return renderer.crop(page - 1, box, pageBoxes, options.cropDpi(), p.width(), p.height());
        } catch (Exception e) {
            warn("page " + page + ": crop not rendered: " + e.getMessage());
            return null;
        }
    }

    private PageContent readPage(GlyphCollector collector, int index) {
        PDPage page = doc.getPage(index);
        PDRectangle crop = page.getCropBox();
        double w = crop.getWidth();
        double h = crop.getHeight();
        if (page.getRotation() % 180 != 0) {
            double t = w;
            w = h;
            h = t;
        }
        try {
            List<Glyph> gs = collector.collect(doc, index + 1);
            List<Graphic> graphics = new GraphicsCollector(page).collect();
            int chars = gs.stream().mapToInt(g -> g.text().length()).sum();
            return new PageContent(index + 1, w, h, gs, collector.turned(), LineBuilder.build(gs), graphics, chars, false);
        } catch (Exception | StackOverflowError e) {
            warn("page " + (index + 1) + ": could not be read (" + e + ")");
            partial = true;
            return new PageContent(index + 1, w, h, List.of(), List.of(), List.of(), List.of(), 0, true);
        }
    }

    /** A coarse image stretched over much of the page: a background or a flattened highlight layer, not a figure. */
    private static boolean isBackground(Graphic g, double pageArea) {
        if (!g.isImage() || g.box().area() < 0.25 * pageArea) {
            return false;
        }
        double dpi = 72.0 * Math.min(g.pixelWidth() / g.box().w(), g.pixelHeight() / g.box().h());
        return dpi < 40;
    }

    /** Almost no text, but an image over most of the page. */
    private static boolean isScanned(PageContent c) {
        if (c.chars >= 40 || c.failed) {
            return false;
        }
        double pageArea = c.width * c.height;
        return c.graphics.stream().anyMatch(g -> g.isImage() && g.box().area() > 0.4 * pageArea);
    }

    /** The most common font size of the document's characters (the body text size). */
    private static double bodySize(List<PageContent> pages) {
        Map<Double, Integer> count = new LinkedHashMap<>();
        for (PageContent p : pages) {
            for (Line l : p.lines) {
                count.merge(l.fontSize(), l.text().length(), Integer::sum);
            }
        }
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10.0);
    }

    private String title(List<PageLayout> layouts, double bodySize) {
        PDDocumentInformation info = doc.getDocumentInformation();
        String t = info == null ? null : info.getTitle();
        if (t != null && !t.isBlank() && !t.matches("(?i).*(\\.dvi|\\.pdf|\\.doc|\\.tex|untitled|microsoft word).*") && t.length() > 8) {
            return t.strip();
        }
        if (layouts.isEmpty()) {
            return null;
        }
        PageLayout first = layouts.get(0);
        double max = first.ordered().stream().filter(l -> l.box().y() < 0.5 * first.height() && l.text().length() > 3)
                .mapToDouble(Line::fontSize).max().orElse(0);
        if (max < bodySize + 2) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        first.ordered().stream().filter(l -> l.box().y() < 0.5 * first.height() && Math.abs(l.fontSize() - max) < 0.5)
                .forEach(l -> TextJoin.append(sb, l.text()));
        return sb.length() == 0 ? null : sb.toString();
    }

    private List<String> authors() {
        PDDocumentInformation info = doc.getDocumentInformation();
        String a = info == null ? null : info.getAuthor();
        if (a == null || a.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : a.split("\\s*(;|,|\\band\\b)\\s*")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
