package org.paper2code.pdf;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Test PDFs made with PDFBox (the real papers' licences are unknown, so none is copied): a
 * two-column paper with a vector figure, a table and an uncaptioned image, and the broken
 * variants made from it by truncating, bit-flipping and encrypting.
 */
final class TestPdfs {
    static final PDFont BODY = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
    static final PDFont SANS = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final double LEFT = 54, RIGHT = 318, COL_W = 240;
    /** Where page 2 draws its figure (points from the top left). */
    static final Rect FIGURE = new Rect(70, 90, 200, 120);
    static final Rect IMAGE = new Rect(380, 420, 120, 100);
    static final String LEFT_SENTENCE = "The left column explains that a convolutional network learns hierarchical "
            + "features from raw pixels without any hand engineered descriptors.";
    static final String RIGHT_SENTENCE = "The right column reports that the deeper model reaches a lower error rate "
            + "on the validation set after ninety epochs of training.";

    private TestPdfs() {
    }

    static byte[] paper() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage p1 = new PDPage(PDRectangle.LETTER);
            doc.addPage(p1);
            try (PDPageContentStream cs = new PDPageContentStream(doc, p1)) {
                text(cs, BOLD, 16, 150, 60, "A Small Test Paper About Networks");
                text(cs, BOLD, 11, LEFT, 100, "1 Introduction");
                column(cs, LEFT, 120, filler("Left", 6) + " " + LEFT_SENTENCE + " " + filler("More left", 10));
                text(cs, BOLD, 11, RIGHT, 100, "2 Experiments");
                column(cs, RIGHT, 120, filler("Right", 6) + " " + RIGHT_SENTENCE + " " + filler("More right", 10));
            }
            PDPage p2 = new PDPage(PDRectangle.LETTER);
            doc.addPage(p2);
            try (PDPageContentStream cs = new PDPageContentStream(doc, p2)) {
                double h = 792;
                // a vector figure: three boxes joined by lines, with small labels
                cs.setStrokingColor(Color.BLACK);
                for (int i = 0; i < 3; i++) {
                    double x = FIGURE.x() + i * 75;
                    cs.addRect((float) x, (float) (h - FIGURE.y1()), 50, (float) FIGURE.h());
                    cs.stroke();
                    if (i > 0) {
                        cs.moveTo((float) (x - 25), (float) (h - FIGURE.cy()));
                        cs.lineTo((float) x, (float) (h - FIGURE.cy()));
                        cs.stroke();
                    }
                    text(cs, SANS, 7, x + 8, FIGURE.cy(), "conv" + (i + 1));
                }
                text(cs, BODY, 9, LEFT, FIGURE.y1() + 18, "Figure 1: A small network with three convolution layers.");
                column(cs, LEFT, FIGURE.y1() + 50, filler("Figure page", 8));
                // a table with rules, caption above
                text(cs, BODY, 9, RIGHT, 90, "Table 1: Error rates of the models.");
                hrule(cs, RIGHT, 100, 200);
                row(cs, 112, "Model", "Top-1", "Top-5");
                hrule(cs, RIGHT, 116, 200);
                row(cs, 128, "Shallow", "40.1", "18.2");
                row(cs, 140, "Deep", "37.5", "17.0");
                hrule(cs, RIGHT, 144, 200);
                column(cs, RIGHT, 170, filler("Table page", 6));
                // an uncaptioned raster image
                BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 64; y++) {
                    for (int x = 0; x < 64; x++) {
                        img.setRGB(x, y, ((x * 4) << 16) | ((y * 4) << 8) | 128);
                    }
                }
                PDImageXObject xo = LosslessFactory.createFromImage(doc, img);
                cs.drawImage(xo, (float) IMAGE.x(), (float) (h - IMAGE.y1()), (float) IMAGE.w(), (float) IMAGE.h());
            }
            return save(doc);
        }
    }

    private static void row(PDPageContentStream cs, double y, String a, String b, String c) throws IOException {
        text(cs, BODY, 9, RIGHT + 4, y, a);
        text(cs, BODY, 9, RIGHT + 90, y, b);
        text(cs, BODY, 9, RIGHT + 150, y, c);
    }

    private static void hrule(PDPageContentStream cs, double x, double y, double w) throws IOException {
        cs.setLineWidth(0.5f);
        cs.moveTo((float) x, (float) (792 - y));
        cs.lineTo((float) (x + w), (float) (792 - y));
        cs.stroke();
    }

    static String filler(String tag, int sentences) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= sentences; i++) {
            sb.append(tag).append(" text sentence ").append(i).append(" describes one more detail of the method in plain words. ");
        }
        return sb.toString().strip();
    }

    /** Writes text into a column, wrapping at its width; y is the first baseline from the top. */
    static double column(PDPageContentStream cs, double x, double y, String text) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String w : text.split(" ")) {
            String tryLine = line.length() == 0 ? w : line + " " + w;
            if (BODY.getStringWidth(tryLine) / 1000 * 10 > COL_W) {
                text(cs, BODY, 10, x, y, line.toString());
                y += 12;
                line.setLength(0);
                line.append(w);
            } else {
                line.setLength(0);
                line.append(tryLine);
            }
        }
        if (line.length() > 0) {
            text(cs, BODY, 10, x, y, line.toString());
            y += 12;
        }
        return y;
    }

    static void text(PDPageContentStream cs, PDFont font, float size, double x, double yTop, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset((float) x, (float) (792 - yTop));
        cs.showText(s);
        cs.endText();
    }

    static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /** Page 1 of the paper rendered to pixels and wrapped as an image-only PDF (a "scan"). */
    static byte[] scanned() throws IOException {
        try (PDDocument src = Loader.loadPDF(paper()); PDDocument doc = new PDDocument()) {
            BufferedImage img = new PDFRenderer(src).renderImageWithDPI(0, 200, ImageType.GRAY);
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(LosslessFactory.createFromImage(doc, img), 0, 0, 612, 792);
            }
            return save(doc);
        }
    }

    static byte[] encrypted(String userPassword) throws IOException {
        try (PDDocument doc = Loader.loadPDF(paper())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        }
    }

    static byte[] zeroPages() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            return save(doc);
        }
    }

    /** The largest page PDF allows (200 x 200 inches) with a figure on it. */
    static byte[] hugePage() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(14400, 14400));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.addRect(1000, 4000, 12000, 9000);
                cs.fill();
                cs.beginText();
                cs.setFont(BODY, 200);
                cs.newLineAtOffset(1000, 3800);
                cs.showText("Figure 1: A very large drawing.");
                cs.endText();
            }
            return save(doc);
        }
    }

    static byte[] truncated(byte[] pdf, double fraction) {
        return java.util.Arrays.copyOf(pdf, (int) (pdf.length * fraction));
    }

    static byte[] bitFlipped(byte[] pdf, long seed, int flips) {
        byte[] out = pdf.clone();
        Random r = new Random(seed);
        for (int i = 0; i < flips; i++) {
            int at = 16 + r.nextInt(out.length - 16); // keep the %PDF- header
            out[at] ^= (byte) (1 << r.nextInt(8));
        }
        return out;
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static List<String> words(String s) {
        return new ArrayList<>(List.of(s.split("\\s+")));
    }
}
