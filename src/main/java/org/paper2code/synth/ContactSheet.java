package org.paper2code.synth;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.paper2code.eval.DiagramStyle;

/** One picture of the corpus's variety: a labelled row of thumbnails per style. */
public final class ContactSheet {
    public static final int THUMB_W = 220;
    public static final int THUMB_H = 150;
    public static final int PER_ROW = 6;
    private static final int LABEL_W = 150;
    private static final int GAP = 8;

    private ContactSheet() {
    }

    /** A thumbnail fitted into THUMB_W x THUMB_H on white. */
    public static BufferedImage thumbnail(BufferedImage img) {
        BufferedImage t = new BufferedImage(THUMB_W, THUMB_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = t.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, THUMB_W, THUMB_H);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double s = Math.min((THUMB_W - 4.0) / img.getWidth(), (THUMB_H - 4.0) / img.getHeight());
        int w = (int) Math.round(img.getWidth() * s);
        int h = (int) Math.round(img.getHeight() * s);
        // downscale in halving steps so thin lines survive
        BufferedImage src = img;
        while (src.getWidth() / 2 > w && src.getHeight() / 2 > h) {
            BufferedImage half = new BufferedImage(src.getWidth() / 2, src.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
            Graphics2D hg = half.createGraphics();
            hg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            hg.drawImage(src, 0, 0, half.getWidth(), half.getHeight(), null);
            hg.dispose();
            src = half;
        }
        g.drawImage(src, (THUMB_W - w) / 2, (THUMB_H - h) / 2, w, h, null);
        g.setColor(new Color(0xCCCCCC));
        g.drawRect(0, 0, THUMB_W - 1, THUMB_H - 1);
        g.dispose();
        return t;
    }

    public static BufferedImage compose(Map<DiagramStyle, List<BufferedImage>> thumbs) {
        DiagramStyle[] styles = DiagramStyle.values();
        int w = LABEL_W + PER_ROW * (THUMB_W + GAP) + GAP;
        int h = styles.length * (THUMB_H + GAP) + GAP;
        BufferedImage sheet = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xF4F4F4));
        g.fillRect(0, 0, w, h);
        g.setFont(new Font("SansSerif", Font.BOLD, 15));
        for (int i = 0; i < styles.length; i++) {
            int y = GAP + i * (THUMB_H + GAP);
            g.setColor(Color.DARK_GRAY);
            g.drawString(styles[i].id(), 10, y + THUMB_H / 2 + 6);
            List<BufferedImage> row = thumbs.getOrDefault(styles[i], List.of());
            for (int j = 0; j < Math.min(PER_ROW, row.size()); j++) {
                g.drawImage(row.get(j), LABEL_W + j * (THUMB_W + GAP), y, null);
            }
        }
        g.dispose();
        return sheet;
    }
}
