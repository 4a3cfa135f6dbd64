package org.paper2code.tables;

import org.paper2code.detect.ParsedLabel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input a table's network takes when the table has no input row: the first layer's stated output
 * size times its stride (GoogLeNet: 112x112 after a stride-2 convolution is a 224x224 input), else a
 * square size the caption or cells state ("224 x 224"), else 224 (ImageNet). Three channels.
 */
final class InputSize {
    private static final Pattern SQUARE = Pattern.compile("\\b(\\d{2,4})\\s*[×xX]\\s*(\\d{2,4})\\b");
    static final int DEFAULT = 224;

    private InputSize() {
    }

    static void ensure(NetBuilder b, ParsedLabel first, NetBuilder.Hint firstHint, CellGrid grid, String caption) {
        if (b.hasInput() || first != null && first.type().equals("Input")) {
            return;
        }
        if (first != null && firstHint.height() != null && first.params().get("stride_row") instanceof Number s) {
            int side = firstHint.height() * s.intValue();
            b.input(3, side, side);
            return;
        }
        Matcher m = SQUARE.matcher(caption == null ? "" : caption);
        while (m.find()) {
            if (m.group(1).equals(m.group(2)) && Integer.parseInt(m.group(1)) >= 16) {
                int side = Integer.parseInt(m.group(1));
                b.input(3, side, side);
                return;
            }
        }
        b.input(3, DEFAULT, DEFAULT);
    }
}
