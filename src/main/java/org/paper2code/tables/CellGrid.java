package org.paper2code.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table's cells as a rectangular grid (short rows padded), split into header rows and body rows,
 * with each column's header text (the header rows joined top to bottom).
 */
record CellGrid(List<List<String>> rows, int width) {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*[×xX]\\s*(\\d+)(?:\\s*[×xX]\\s*(\\d+))?");

    static CellGrid of(List<List<String>> cells) {
        int width = cells.stream().mapToInt(List::size).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : cells) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                String s = c < r.size() && r.get(c) != null ? r.get(c).strip() : "";
                row.add(CellReader.meaningful(s) ? s : "");
            }
            rows.add(List.copyOf(row));
        }
        return new CellGrid(List.copyOf(rows), width);
    }

    String cell(int r, int c) {
        return rows.get(r).get(c);
    }

    int height() {
        return rows.size();
    }

    CellGrid transposed() {
        List<List<String>> t = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<String> row = new ArrayList<>();
            for (List<String> r : rows) {
                row.add(r.get(c));
            }
            t.add(row);
        }
        return new CellGrid(List.copyOf(t), rows.size());
    }

    /** The header rows [0, bodyStart) of column c joined with spaces, lower case, multiplication signs as x. */
    String header(int c, int bodyStart) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < bodyStart; r++) {
            if (!cell(r, c).isEmpty()) {
                sb.append(sb.length() > 0 ? " " : "").append(cell(r, c));
            }
        }
        return sb.toString().toLowerCase(java.util.Locale.ROOT).replace('×', 'x');
    }

    /** An output size cell ("56×56", "28×28×256", "1×1"): height and, when stated, channels last. */
    static NetBuilder.Hint size(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.find()) {
            return NetBuilder.Hint.NONE;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        if (m.group(3) == null) {
            return new NetBuilder.Hint(a, null);
        }
        int c = Integer.parseInt(m.group(3));
        // papers write H x W x C (GoogLeNet: 28x28x256); channels-first C x H x W shows as a x b x b with a != b
        return a != b && b == c ? new NetBuilder.Hint(b, a) : new NetBuilder.Hint(a, c);
    }
}
