package org.paper2code.synth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.paper2code.eval.Box;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.PaperTruth;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphSource;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;
import org.paper2code.graph.Training;

/**
 * Makes a synthetic two-column paper with PDFBox: title, authors, abstract, numbered sections
 * of filler text, figures (raster images, or vector drawings of the figure's scene), an
 * architecture table in some papers, and training sentences stating hyperparameters. The
 * truth records each figure's page and box (points from the page's top left) and each
 * hyperparameter's value, sentence and page.
 */
public final class PaperFactory {
    static final float PAGE_W = PDRectangle.LETTER.getWidth();
    static final float PAGE_H = PDRectangle.LETTER.getHeight();
    static final float MARGIN = 54;
    static final float GAP = 18;
    static final float COL = (PAGE_W - 2 * MARGIN - GAP) / 2;
    static final float BODY = 9.5f;
    static final float LEAD = 11.5f;
    private static final PDFont ROMAN = PdfText.font("Serif", 0);
    private static final PDFont BOLD = PdfText.font("Serif", java.awt.Font.BOLD);
    private static final PDFont ITALIC = PdfText.font("Serif", java.awt.Font.ITALIC);

    private final FigureFactory figures;

    public PaperFactory(FigureFactory figures) {
        this.figures = figures;
    }

    /** A written paper; {@code vector} tells, per truth figure, whether it was drawn as vector graphics. */
    public record Paper(String id, byte[] pdf, PaperTruth truth, List<Boolean> vector) {
    }

    private record PlannedFigure(FigureFactory.Drawing drawing, boolean vector, String caption) {
    }

    public Paper make(String id, int index, long seed, String origin) {
        Random r = new Random(seed);
        PaperText text = new PaperText(r);
        List<PlannedFigure> plan = new ArrayList<>();
        DiagramStyle[] arch = {DiagramStyle.NEURONS, DiagramStyle.BOX_2D, DiagramStyle.STACKED_2D_BOX, DiagramStyle.BOX_3D, DiagramStyle.PIPELINE};
        FigureFactory.Drawing main = figures.draw(Pick.one(r, arch), r);
        // the first figure of every other paper is vector so each small corpus has both kinds
        boolean mainVector = index % 2 == 0 || Pick.chance(r, 0.5);
        plan.add(new PlannedFigure(main, mainVector, caption(main, r)));
        if (Pick.chance(r, 0.5)) {
            FigureFactory.Drawing d = figures.draw(Pick.chance(r, 0.5) ? Pick.one(r, arch) : DiagramStyle.OTHER, r);
            plan.add(new PlannedFigure(d, PdfFigure.isVectorOnly(d.rendered().scene()) && r.nextBoolean(), caption(d, r)));
        }
        if (Pick.chance(r, 0.4)) {
            FigureFactory.Drawing d = figures.draw(DiagramStyle.OTHER, r);
            plan.add(new PlannedFigure(d, PdfFigure.isVectorOnly(d.rendered().scene()) && r.nextBoolean(), caption(d, r)));
        }
        Map<String, Shape> shapes = new GraphValidator().check(main.graph());
        List<PaperText.Stated> training = text.training(main.graph(), shapes);
        Map<String, Object> trainingValues = new LinkedHashMap<>();
        training.forEach(s -> trainingValues.putAll(s.values()));
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc);
            w.titleBlock(text.title(), text.authors(), text.affiliation());
            w.heading("Abstract");
            w.paragraph(text.paragraph(4, 6), ITALIC);
            w.heading("1 Introduction");
            w.paragraph(text.paragraph(5, 9), ROMAN);
            w.paragraph(text.paragraph(4, 8), ROMAN);
            w.heading("2 Related Work");
            w.paragraph(text.paragraph(5, 9), ROMAN);
            w.heading("3 Method");
            List<String> method = text.paragraph(3, 6);
            method.add(1, "Figure 1 gives an overview of the architecture.");
            w.paragraph(method, ROMAN);
            List<PaperTruth.Figure> truthFigures = new ArrayList<>();
            List<PaperTruth.Table> truthTables = new ArrayList<>();
            List<Boolean> vector = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                PlannedFigure f = plan.get(i);
                String label = "Figure " + (i + 1);
                String caption = label + ": " + f.caption;
                Box box = w.figure(f, caption);
                Graph g = f.drawing().truthGraph();
                if (g != null) {
                    g = g.withSource(new GraphSource(id + ".pdf", w.pageNo, label, null, null, f.drawing().style().id(), null));
                    if (i == 0) {
                        g = g.withTraining(new Training(trainingValues));
                    }
                }
                truthFigures.add(new PaperTruth.Figure(w.pageNo, box, label, caption, f.drawing().style(), g));
                vector.add(f.vector);
                if (i == 0) {
                    w.paragraph(text.paragraph(3, 6), ROMAN);
                    if (Pick.chance(r, 0.5)) {
                        List<String[]> rows = tableRows(main.graph(), shapes);
                        // column per layer when the layers fit across a column, else (and in half the papers) row per layer
                        boolean across = rows.size() <= 7 && Pick.chance(r, 0.5);
                        if (rows.size() <= 30) {
                            w.table("Table 1: Layer configuration of the network.", across ? transpose(rows) : rows);
                            truthTables.add(new PaperTruth.Table(w.pageNo, "Table 1", null, tableTruth(main.graph())
                                    .withSource(new GraphSource(id + ".pdf", w.pageNo, null, "Table 1", null, "table", null))));
                        }
                    }
                }
            }
            w.heading("4 Experiments");
            List<String> exp = text.paragraph(2, 4);
            int at = exp.size();
            List<Integer> statedAt = new ArrayList<>();
            for (PaperText.Stated s : training) {
                statedAt.add(at);
                exp.add(s.sentence());
                at++;
                if (Pick.chance(r, 0.3)) {
                    exp.add(text.sentence());
                    at++;
                }
            }
            exp.addAll(text.paragraph(1, 3));
            int[] pages = w.paragraph(exp, ROMAN);
            Map<String, PaperTruth.HyperParameter> hps = new LinkedHashMap<>();
            for (int i = 0; i < training.size(); i++) {
                PaperText.Stated s = training.get(i);
                int page = pages[statedAt.get(i)];
                s.values().forEach((k, v) -> hps.put(k, new PaperTruth.HyperParameter(v, s.sentence(), page)));
            }
            w.paragraph(text.paragraph(3, 6), ROMAN);
            w.heading("5 Conclusion");
            w.paragraph(text.paragraph(3, 5), ROMAN);
            w.close();
            fixMetadata(doc, id, seed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            PaperTruth truth = new PaperTruth(id + ".pdf", truthFigures, hps, origin, FigureFactory.LICENCE, truthTables);
            return new Paper(id, out.toByteArray(), truth, vector);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String caption(FigureFactory.Drawing d, Random r) {
        String family = d.family().replace('-', ' ');
        return switch (d.style()) {
            case OTHER -> Pick.one(r, "Results on the validation set.", "Comparison with the baselines.", "Training curves.",
                    "Qualitative examples.", "Overview of the data processing procedure.");
            case PIPELINE -> Pick.one(r, "Overview of the proposed system.", "The complete pipeline of our approach.",
                    "Our " + family + " at a glance.");
            default -> Pick.one(r, "Architecture of the proposed " + family + " network.",
                    "The " + family + " model used in our experiments.", "Network architecture. Each block denotes one layer.",
                    "Overview of our model (" + family + ").");
        };
    }

    private static List<String[]> tableRows(Graph g, Map<String, Shape> shapes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Layer", "Configuration", "Output size"});
        for (Layer l : g.layers()) {
            if (LabelPhrasing.HIDDEN_IN_DECKS.contains(l.type())) {
                continue;
            }
            rows.add(new String[] {l.name(), LabelPhrasing.label(l, shapes.get(l.name()), LabelPhrasing.Phrasing.VGG),
                LabelPhrasing.shape(shapes.get(l.name()), " × ")});
        }
        return rows;
    }

    private static List<String[]> transpose(List<String[]> rows) {
        List<String[]> t = new ArrayList<>();
        for (int c = 0; c < rows.get(0).length; c++) {
            String[] row = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                row[r] = rows.get(r)[c];
            }
            t.add(row);
        }
        return t;
    }

    /** What the table states of the graph: the layers a table leaves out are those a deck leaves out. */
    static Graph tableTruth(Graph g) {
        return LabelPhrasing.withoutHiddenLayers(g);
    }

    private static void fixMetadata(PDDocument doc, String id, long seed) {
        PDDocumentInformation info = doc.getDocumentInformation();
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        date.clear();
        date.set(2020, Calendar.JANUARY, 1, 0, 0, 0);
        info.setCreationDate(date);
        info.setModificationDate(date);
        info.setProducer("paper2code corpus synth");
        info.setCreator("paper2code corpus synth");
        info.setTitle(id);
        String hex = String.format(Locale.ROOT, "%016x%016x", seed, Pick.mix(seed, 0, 99));
        COSArray ids = new COSArray();
        ids.add(new COSString(hex.getBytes(StandardCharsets.US_ASCII)));
        ids.add(new COSString(hex.getBytes(StandardCharsets.US_ASCII)));
        doc.getDocument().setDocumentID(ids);
    }

    /** Two-column flow layout: tracks page, column and the y of the next line (from the page top). */
    private final class Writer {
        final PDDocument doc;
        PDPageContentStream cs;
        int pageNo;
        int col;
        float y;
        float colTop;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            pageNo++;
            col = 0;
            y = MARGIN;
            colTop = MARGIN;
            PdfText.line(cs, String.valueOf(pageNo), PAGE_W / 2 - 3, MARGIN / 2, ROMAN, 9);
        }

        void close() throws IOException {
            cs.close();
        }

        float x() {
            return MARGIN + col * (COL + GAP);
        }

        void need(float h) throws IOException {
            if (y + h <= PAGE_H - MARGIN) {
                return;
            }
            if (col == 0) {
                col = 1;
                y = colTop;
            } else {
                newPage();
            }
        }

        void centred(String s, PDFont f, float size) throws IOException {
            float w = PdfText.width(s, f, size);
            PdfText.line(cs, s, (PAGE_W - w) / 2, PAGE_H - y - size, f, size);
            y += size * 1.4f;
        }

        void titleBlock(String title, String authors, String affiliation) throws IOException {
            y += 10;
            centred(title, BOLD, 16);
            y += 4;
            centred(authors, ROMAN, 11);
            centred(affiliation, ITALIC, 10);
            y += 14;
            colTop = y;
        }

        void heading(String s) throws IOException {
            need(LEAD * 3);
            y += 6;
            PdfText.line(cs, s, x(), PAGE_H - y - 11, BOLD, 11);
            y += 16;
        }

        /** Lays out sentences as one paragraph; returns the page on which each sentence starts. */
        int[] paragraph(List<String> sentences, PDFont font) throws IOException {
            int[] pages = new int[sentences.size()];
            List<String> words = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i < sentences.size(); i++) {
                String[] ws = sentences.get(i).split(" ");
                for (int j = 0; j < ws.length; j++) {
                    starts.add(j == 0 ? i : -1);
                    words.add(ws[j]);
                }
            }
            int i = 0;
            boolean first = true;
            while (i < words.size()) {
                StringBuilder line = new StringBuilder(first ? "    " : "");
                List<Integer> startsHere = new ArrayList<>();
                int j = i;
                while (j < words.size()) {
                    String candidate = line.length() == 0 || line.toString().isBlank() ? line + words.get(j) : line + " " + words.get(j);
                    if (PdfText.width(candidate, font, BODY) > COL && j > i) {
                        break;
                    }
                    line.setLength(0);
                    line.append(candidate);
                    if (starts.get(j) >= 0) {
                        startsHere.add(starts.get(j));
                    }
                    j++;
                }
                need(LEAD);
                PdfText.line(cs, line.toString().stripLeading().isEmpty() ? "" : line.toString(), x(), PAGE_H - y - BODY, font, BODY);
                for (int s : startsHere) {
                    pages[s] = pageNo;
                }
                y += LEAD;
                i = j;
                first = false;
            }
            y += 4;
            return pages;
        }

        Box figure(PlannedFigure f, String caption) throws IOException {
            Scene scene = f.drawing().rendered().scene();
            float maxH = 300;
            boolean wide = scene.width() / scene.height() > 2.6;
            float avail = wide ? PAGE_W - 2 * MARGIN : COL;
            float scale = (float) Math.min(avail / scene.width(), maxH / scene.height());
            float w = (float) (scene.width() * scale);
            float h = (float) (scene.height() * scale);
            List<String> capLines = wrap(caption, wide ? PAGE_W - 2 * MARGIN : COL, ROMAN, 8.5f);
            float capH = capLines.size() * 10.5f + 6;
            float fx;
            if (wide) {
                // full-width figures open a new page and push both columns down
                newPage();
                fx = MARGIN + (avail - w) / 2;
            } else {
                need(h + capH + 10);
                fx = x() + (COL - w) / 2;
            }
            y += 4;
            float top = y;
            if (f.vector) {
                PdfFigure.draw(doc, cs, scene, fx, PAGE_H - top, scale);
            } else {
                FigureFactory.Drawing d = f.drawing();
                double px = Math.max(1.0, 2.0 * scale);
                BufferedImage img = Rasterizer.paint(scene, px);
                Random pr = new Random(Pick.mix(scene.items().size(), (long) (scene.width() * 1000), 5));
                img = PostProcess.noise(PostProcess.blur(img, d.look().blur()), d.look().noise(), pr);
                PDImageXObject x = d.look().jpegQuality() > 0 ? JPEGFactory.createFromImage(doc, img, d.look().jpegQuality() / 100f)
                        : LosslessFactory.createFromImage(doc, img);
                cs.drawImage(x, fx, PAGE_H - top - h, w, h);
            }
            y += h + 6;
            float cx = wide ? MARGIN : x();
            for (String s : capLines) {
                PdfText.line(cs, s, cx, PAGE_H - y - 8.5f, ROMAN, 8.5f);
                y += 10.5f;
            }
            y += 8;
            if (wide) {
                colTop = y;
            }
            return new Box(fx, top, w, h);
        }

        void table(String caption, List<String[]> rows) throws IOException {
            float size = 7.5f;
            float rowH = 10;
            int n = rows.get(0).length;
            float[] colW = new float[n];
            for (String[] row : rows) {
                for (int c = 0; c < n; c++) {
                    colW[c] = Math.max(colW[c], PdfText.width(row[c], ROMAN, size) + 8);
                }
            }
            float total = 0;
            for (float cw : colW) {
                total += cw;
            }
            float shrink = Math.min(1, COL / total);
            need(rows.size() * rowH + 30);
            y += 4;
            PdfText.line(cs, caption, x(), PAGE_H - y - 8.5f, ROMAN, 8.5f);
            y += 14;
            float x0 = x() + (COL - total * shrink) / 2;
            float top = y;
            cs.setLineWidth(0.5f);
            for (int i = 0; i <= rows.size(); i++) {
                cs.moveTo(x0, PAGE_H - (top + i * rowH));
                cs.lineTo(x0 + total * shrink, PAGE_H - (top + i * rowH));
            }
            float cx = x0;
            for (int c = 0; c <= n; c++) {
                cs.moveTo(cx, PAGE_H - top);
                cs.lineTo(cx, PAGE_H - (top + rows.size() * rowH));
                if (c < n) {
                    cx += colW[c] * shrink;
                }
            }
            cs.stroke();
            for (int i = 0; i < rows.size(); i++) {
                float tx = x0;
                for (int c = 0; c < n; c++) {
                    PdfText.line(cs, rows.get(i)[c], tx + 4 * shrink, PAGE_H - (top + i * rowH) - 7.5f, i == 0 || n > 3 && c == 0 ? BOLD : ROMAN, size * shrink);
                    tx += colW[c] * shrink;
                }
            }
            y = top + rows.size() * rowH + 10;
        }
    }

    static List<String> wrap(String text, float width, PDFont font, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String c = line.length() == 0 ? word : line + " " + word;
            if (PdfText.width(c, font, size) > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(c);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
