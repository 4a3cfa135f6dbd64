package org.paper2code.tables;

import org.paper2code.detect.ParsedLabel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One layer or module per row with branch-width columns (GoogLeNet's Table 1: type, output size,
 * #1x1, #3x3 reduce, #3x3, #5x5 reduce, #5x5, pool proj). A row with branch widths is an Inception
 * module (four branches concatenated); a convolution row with a reduce width is the 1x1 reduction
 * followed by the convolution; other rows are layers read from the type cell, their width taken from
 * the output size ("112x112x64") when the cell states none.
 */
final class ModuleRowsReader {
    private static final Pattern TAG = Pattern.compile("\\(([0-9a-z]{1,4})\\)");

    private final CellGrid grid;
    private final String caption;

    ModuleRowsReader(CellGrid grid, String caption) {
        this.grid = grid;
        this.caption = caption;
    }

    /** True when some header names branch widths: "#3x3 reduce", "pool proj", "#1x1". */
    static boolean applies(CellGrid grid) {
        for (int r = 0; r < Math.min(4, grid.height()); r++) {
            for (int c = 0; c < grid.width(); c++) {
                String h = grid.cell(r, c).toLowerCase(Locale.ROOT).replace('×', 'x');
                if (h.contains("reduce") || h.contains("proj") || h.matches(".*#\\s*1x1.*")) {
                    return true;
                }
            }
        }
        return false;
    }

    Optional<NetBuilder> read() {
        int bodyStart = -1;
        for (int r = 0; r < grid.height() && bodyStart < 0; r++) {
            for (int c = 0; c < grid.width(); c++) {
                CellReader.Cell cell = CellReader.read(grid.cell(r, c));
                if (CellReader.startsBody(grid.cell(r, c), cell) || grid.cell(r, c).toLowerCase(Locale.ROOT).contains("inception")) {
                    bodyStart = r;
                    break;
                }
            }
        }
        if (bodyStart < 0) {
            return Optional.empty();
        }
        int type = -1;
        int output = -1;
        int b1 = -1;
        int r3 = -1;
        int b3 = -1;
        int r5 = -1;
        int b5 = -1;
        int pp = -1;
        for (int c = 0; c < grid.width(); c++) {
            String h = grid.header(c, bodyStart).replace(" ", "");
            if (h.contains("type")) {
                type = c;
            } else if (h.contains("output")) {
                output = c;
            } else if (h.contains("proj")) {
                pp = c;
            } else if (h.contains("#3x3reduce")) {
                r3 = c;
            } else if (h.contains("#5x5reduce")) {
                r5 = c;
            } else if (h.contains("#1x1")) {
                b1 = c;
            } else if (h.contains("#3x3")) {
                b3 = c;
            } else if (h.contains("#5x5")) {
                b5 = c;
            }
        }
        if (type < 0) {
            type = 0;
        }
        NetBuilder b = new NetBuilder(false);
        int modules = 0;
        for (int r = bodyStart; r < grid.height(); r++) {
            String typeText = grid.cell(r, type);
            NetBuilder.Hint hint = output < 0 ? NetBuilder.Hint.NONE : CellGrid.size(grid.cell(r, output));
            int w1 = num(r, b1);
            int w3r = num(r, r3);
            int w3 = num(r, b3);
            int w5r = num(r, r5);
            int w5 = num(r, b5);
            int wp = num(r, pp);
            int branches = (w1 > 0 ? 1 : 0) + (w3 > 0 ? 1 : 0) + (w5 > 0 ? 1 : 0) + (wp > 0 ? 1 : 0);
            List<ParsedLabel> layers = CellReader.layers(typeText);
            if (!b.hasInput()) {
                InputSize.ensure(b, layers.isEmpty() ? null : layers.get(0), hint, grid, caption);
            }
            if (branches >= 3 || typeText.toLowerCase(Locale.ROOT).contains("inception") && branches >= 2) {
                Matcher m = TAG.matcher(typeText.toLowerCase(Locale.ROOT));
                modules++;
                b.inception(m.find() ? m.group(1) : String.valueOf(modules), w1, w3r, w3, w5r, w5, wp);
                continue;
            }
            for (int i = 0; i < layers.size(); i++) {
                ParsedLabel p = layers.get(i);
                boolean last = i == layers.size() - 1;
                if (p.type().equals("Conv2D") && w3r > 0 && w3 > 0) {
                    // GoogLeNet's second convolution: "#3x3 reduce 64, #3x3 192" is a 1x1 reduction then the 3x3
                    b.conv("conv", w3r, 1, 1, null, true);
                    int stride = p.params().get("stride_row") instanceof Number s ? s.intValue() : 1;
                    b.conv("conv", w3, p.params().get("kernel_row") instanceof Number k ? k.intValue() : 3, stride, hint.height(), true);
                    continue;
                }
                boolean hidden = !last || r + 1 < grid.height() && !grid.cell(r + 1, type).toLowerCase(Locale.ROOT).contains("softmax")
                        && !CellReader.layers(grid.cell(r + 1, type)).isEmpty();
                b.layer(p, last ? hint : NetBuilder.Hint.NONE, hidden && !typeText.toLowerCase(Locale.ROOT).contains("linear"));
            }
        }
        return modules == 0 && b.layers().size() < 3 ? Optional.empty() : Optional.of(b);
    }

    private int num(int r, int c) {
        if (c < 0) {
            return 0;
        }
        String s = grid.cell(r, c).replaceAll("[^0-9]", "");
        return s.isEmpty() || s.length() > 6 ? 0 : Integer.parseInt(s);
    }
}
