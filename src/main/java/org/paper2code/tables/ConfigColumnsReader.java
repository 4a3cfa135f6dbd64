package org.paper2code.tables;

import org.paper2code.detect.ParsedLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One layer per row, one configuration per column (VGG's A to E, ResNet's 18 to 152 layers; a single
 * column for a single network). A row with one cell in the middle configuration column and the others
 * empty is a spanning cell and applies to every configuration (VGG's "maxpool", ResNet's
 * "7x7, 64, stride 2"). Cells with a multiplier ("x3") are the middle of a bracketed block: the block
 * takes as many layer cells below the multiplier as it has above it.
 */
final class ConfigColumnsReader {
    /** Columns that describe rows rather than configurations. */
    private static final Pattern DESCRIPTOR = Pattern.compile(
            "^(layer|layers|name|layer name|stage|block)$|\\b(output|size|params|parameters|flops|ops|depth|#|patch|stride)\\b|#");

    /** A layer cell of one configuration: its row and what it reads as. */
    private record Item(int row, List<ParsedLabel> layers, int multiplier, boolean spanning) {
    }

    /** A step of the network: plain layers (one row) or a repeated block. */
    private record Step(List<ParsedLabel> layers, int row, int repeat, int fromRow, int toRow) {
        boolean block() {
            return repeat > 0;
        }
    }

    /** What the reader found: configurations (name, builder-ready steps), or why it found none. */
    record Read(List<String> names, List<NetBuilder> builders, String failure) {
    }

    private final CellGrid grid;
    private final String caption;

    ConfigColumnsReader(CellGrid grid, String caption) {
        this.grid = grid;
        this.caption = caption == null ? "" : caption;
    }

    /** The configurations, each as a finished builder; or the reason the grid is not such a table. */
    Read read() {
        CellReader.Cell[][] cells = new CellReader.Cell[grid.height()][grid.width()];
        int bodyStart = -1;
        for (int r = 0; r < grid.height(); r++) {
            for (int c = 0; c < grid.width(); c++) {
                cells[r][c] = CellReader.read(grid.cell(r, c));
                if (bodyStart < 0 && CellReader.startsBody(grid.cell(r, c), cells[r][c])) {
                    bodyStart = r;
                }
            }
        }
        if (bodyStart < 0) {
            return new Read(List.of(), List.of(), "no cell reads as a layer");
        }
        List<Integer> configs = new ArrayList<>();
        int outputCol = -1;
        for (int c = 0; c < grid.width(); c++) {
            String h = grid.header(c, bodyStart);
            if (DESCRIPTOR.matcher(h).find()) {
                if (outputCol < 0 && (h.contains("output") || h.contains("size"))) {
                    outputCol = c;
                }
                continue;
            }
            int full = 0;
            int filled = 0;
            for (int r = bodyStart; r < grid.height(); r++) {
                if (!grid.cell(r, c).isEmpty()) {
                    filled++;
                    if (CellReader.solid(grid.cell(r, c), cells[r][c]) || cells[r][c].multiplier() > 0) {
                        full++;
                    }
                }
            }
            if (full >= 3 && full * 2 >= filled) {
                configs.add(c);
            }
        }
        if (configs.isEmpty()) {
            return new Read(List.of(), List.of(), "no column reads as a sequence of layers");
        }
        int layerCells = 0;
        for (int r = bodyStart; r < grid.height(); r++) {
            for (int c : configs) {
                layerCells += cells[r][c].layers().size();
            }
        }
        if (layerCells < 3) {
            return new Read(List.of(), List.of(), "fewer than three layers");
        }
        List<String> names = names(configs, bodyStart);
        boolean residual = residual();
        List<NetBuilder> builders = new ArrayList<>();
        for (int c : configs) {
            List<Item> items = items(cells, configs, c, bodyStart);
            NetBuilder b = new NetBuilder(residual);
            build(b, steps(items), outputCol, residual);
            builders.add(b);
        }
        return new Read(names, builders, null);
    }

    /** ResNet's caption: "Building blocks are shown in brackets"; plain repeated stacks say nothing of blocks. */
    private boolean residual() {
        String text = caption.toLowerCase(Locale.ROOT);
        return text.contains("block") || text.contains("residual") || text.contains("shortcut") || text.contains("bottleneck");
    }

    /** Configuration names: the header row that names the most configuration columns. */
    private List<String> names(List<Integer> configs, int bodyStart) {
        int best = -1;
        int bestCount = 0;
        for (int r = 0; r < bodyStart; r++) {
            final int row = r;
            int n = (int) configs.stream().filter(c -> !grid.cell(row, c).isEmpty()).count();
            if (n > bestCount) {
                best = r;
                bestCount = n;
            }
        }
        List<String> names = new ArrayList<>();
        for (int c : configs) {
            String n = best < 0 ? "" : grid.cell(best, c);
            // a single network has no configuration name (its one column's header is "Configuration", "Type"...)
            names.add(configs.size() == 1 ? "" : n.isEmpty() ? "column " + (c + 1) : n);
        }
        return names;
    }

    private List<Item> items(CellReader.Cell[][] cells, List<Integer> configs, int c, int bodyStart) {
        List<Item> items = new ArrayList<>();
        int middleLo = (configs.size() - 1) / 2;
        int middleHi = configs.size() / 2;
        for (int r = bodyStart; r < grid.height(); r++) {
            CellReader.Cell own = cells[r][c];
            if (configs.size() >= 3) {
                List<Integer> filled = new ArrayList<>();
                for (int k = 0; k < configs.size(); k++) {
                    if (!cells[r][configs.get(k)].empty()) {
                        filled.add(k);
                    }
                }
                if (filled.size() == 1 && filled.get(0) >= middleLo && filled.get(0) <= middleHi) {
                    CellReader.Cell span = cells[r][configs.get(filled.get(0))];
                    if (!span.layers().isEmpty() && span.multiplier() == 0) {
                        items.add(new Item(r, span.layers(), 0, true));
                        continue;
                    }
                }
            }
            if (!own.empty()) {
                items.add(new Item(r, own.layers(), own.multiplier(), false));
            }
        }
        return items;
    }

    /** Groups items into plain layers and multiplied blocks (the multiplier sits in the block's middle row). */
    private static List<Step> steps(List<Item> items) {
        int[] blockOf = new int[items.size()];
        java.util.Arrays.fill(blockOf, -1);
        List<int[]> blocks = new ArrayList<>();
        for (int j = 0; j < items.size(); j++) {
            Item m = items.get(j);
            if (m.multiplier() == 0 || blockOf[j] >= 0) {
                continue;
            }
            List<Integer> above = new ArrayList<>();
            for (int i = j - 1; i >= 0 && blockOf[i] < 0 && !items.get(i).spanning() && items.get(i).multiplier() == 0
                    && !items.get(i).layers().isEmpty(); i--) {
                above.add(0, i);
            }
            List<Integer> below = new ArrayList<>();
            for (int i = j + 1; i < items.size() && below.size() < above.size() && !items.get(i).spanning()
                    && items.get(i).multiplier() == 0 && !items.get(i).layers().isEmpty(); i++) {
                below.add(i);
            }
            List<Integer> members = new ArrayList<>(above);
            if (!m.layers().isEmpty()) {
                members.add(j);
            }
            members.addAll(below);
            if (members.isEmpty()) {
                continue;
            }
            int id = blocks.size();
            blocks.add(new int[] {members.get(0), members.get(members.size() - 1), m.multiplier()});
            members.forEach(i -> blockOf[i] = id);
            blockOf[j] = id;
        }
        List<Step> steps = new ArrayList<>();
        for (int j = 0; j < items.size(); j++) {
            Item it = items.get(j);
            if (blockOf[j] < 0) {
                if (!it.layers().isEmpty()) {
                    steps.add(new Step(it.layers(), it.row(), 0, it.row(), it.row()));
                }
                continue;
            }
            int[] blk = blocks.get(blockOf[j]);
            if (j != blk[0]) {
                continue;
            }
            List<ParsedLabel> convs = new ArrayList<>();
            int from = Integer.MAX_VALUE;
            int to = -1;
            for (int i = 0; i < items.size(); i++) {
                if (blockOf[i] == blockOf[j]) {
                    convs.addAll(items.get(i).layers());
                    from = Math.min(from, items.get(i).row());
                    to = Math.max(to, items.get(i).row());
                }
            }
            steps.add(new Step(convs, from, blk[2], from, to));
        }
        return steps;
    }

    private void build(NetBuilder b, List<Step> steps, int outputCol, boolean residual) {
        List<ParsedLabel> flat = new ArrayList<>();
        steps.forEach(s -> flat.addAll(s.layers()));
        InputSize.ensure(b, steps.isEmpty() ? null : steps.get(0).layers().get(0),
                outputCol < 0 || steps.isEmpty() ? NetBuilder.Hint.NONE : hint(outputCol, steps.get(0).row()), grid, caption);
        int index = 0;
        for (Step s : steps) {
            if (s.block()) {
                NetBuilder.Hint h = NetBuilder.Hint.NONE;
                for (int r = s.fromRow(); r <= s.toRow() && outputCol >= 0; r++) {
                    if (hint(outputCol, r).height() != null) {
                        h = hint(outputCol, r);
                    }
                }
                Integer at = b.height();
                int stride = at != null && h.height() != null && h.height() < at && at % h.height() == 0 ? at / h.height() : 1;
                for (int k = 0; k < s.repeat(); k++) {
                    if (residual) {
                        b.residualBlock(s.layers(), k == 0 ? stride : 1);
                    } else {
                        for (int i = 0; i < s.layers().size(); i++) {
                            ParsedLabel p = s.layers().get(i);
                            b.layer(p, NetBuilder.Hint.NONE, true);
                        }
                    }
                }
                index += s.layers().size();
                continue;
            }
            int target = hintTarget(s.layers());
            for (int i = 0; i < s.layers().size(); i++) {
                ParsedLabel p = s.layers().get(i);
                ParsedLabel next = index + 1 < flat.size() ? flat.get(index + 1) : null;
                boolean hidden = next != null && !next.type().equals("Softmax");
                NetBuilder.Hint h = i == target && outputCol >= 0 ? hint(outputCol, s.row()) : NetBuilder.Hint.NONE;
                b.layer(p, h, hidden);
                index++;
            }
        }
    }

    /**
     * The layer of a row its stated output size belongs to: the last one that changes the map size
     * ("average pool, 1000-d fc, softmax" with output 1x1: the pool), else the row's last layer.
     */
    static int hintTarget(List<ParsedLabel> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            String t = layers.get(i).type();
            if (t.equals("Conv2D") || t.equals("Pooling2D") || t.equals("GlobalPooling2D")) {
                return i;
            }
        }
        return layers.size() - 1;
    }

    private NetBuilder.Hint hint(int outputCol, int row) {
        return CellGrid.size(grid.cell(row, outputCol));
    }
}
