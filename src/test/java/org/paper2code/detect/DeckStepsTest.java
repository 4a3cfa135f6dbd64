package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Rect;

/** The pieces the deck parser uses to read real stacked figures: wrapped rows, operation chains, column gaps. */
class DeckStepsTest {
    static {
        Cv.load();
    }

    @Test
    void twoStackedRowsReadRowByRow() {
        Rect a = new Rect(30, 40, 110, 100);
        Rect b = new Rect(280, 35, 130, 110);
        Rect c = new Rect(40, 200, 120, 130);
        Rect d = new Rect(340, 195, 150, 130);
        DeckRows rows = DeckRows.of(List.of(a, c, b, d));
        assertTrue(rows.wrapped());
        assertEquals(List.of(a, b, c, d), rows.ordered());
        assertFalse(rows.sameRow(b, c));
    }

    @Test
    void oneRowOrAStepDownIsNotWrapped() {
        // a conv map with its pooled map under it (ZFNet) is one row: the rows must each hold two decks
        Rect big = new Rect(20, 40, 200, 200);
        Rect top = new Rect(280, 48, 120, 110);
        Rect under = new Rect(295, 190, 94, 86);
        assertFalse(DeckRows.of(List.of(big, top, under)).wrapped());
        // two bands that do not sit over one another (a chain stepping down to the right)
        Rect a = new Rect(0, 0, 50, 50);
        Rect b = new Rect(60, 0, 50, 50);
        Rect c = new Rect(300, 100, 50, 50);
        Rect d = new Rect(360, 100, 50, 50);
        assertFalse(DeckRows.of(List.of(a, b, c, d)).wrapped());
    }

    @Test
    void arrowLabelsSplitIntoChainedSteps() {
        OperationSteps steps = new OperationSteps(new LabelGrammar());
        List<ParsedLabel> s = steps.read(List.of("3x3 Conv", "pad 1 /2", "BN + ReLU"));
        assertEquals(List.of("Conv2D", "BatchNorm", "Activation"), s.stream().map(ParsedLabel::type).toList());
        assertEquals(3, s.get(0).params().get("kernel_row"));
        assertEquals(2, s.get(0).params().get("stride_row"));
        assertEquals(1, s.get(0).params().get("pad_row"));
        assertEquals("relu", s.get(2).params().get("function"));
        List<ParsedLabel> t = steps.read(List.of("8x8 Conv", "BN+ L2Norm"));
        assertEquals(List.of("Conv2D", "BatchNorm", "Lambda"), t.stream().map(ParsedLabel::type).toList());
        assertEquals(8, t.get(0).params().get("kernel_row"));
        // one operation over its kernel line stays one step (LeNet-style "Subsampling" / "2x2 kernel")
        assertEquals(1, steps.read(List.of("Subsampling", "2x2 kernel")).size());
        // a stray letter the arrow leaves in OCR is not a Concat
        List<ParsedLabel> z = steps.read(List.of("3x3 max pool", "stride 2", "c", "norm."));
        assertEquals(List.of("Pooling2D", "LRN"), z.stream().map(ParsedLabel::type).toList());
    }

    @Test
    void columnGapLinesReadLeftBlockFirst() {
        Rect top = new Rect(480, 47, 90, 86);
        Rect under = new Rect(497, 211, 64, 65);
        List<TextLines.Line> lines = List.of(new TextLines.Line("3x3 max", new Rect(462, 143, 57, 12)),
                new TextLines.Line("contrast", new Rect(537, 164, 57, 11)), new TextLines.Line("pool", new Rect(486, 160, 30, 16)),
                new TextLines.Line("norm.", new Rect(538, 183, 41, 9)), new TextLines.Line("stride 2", new Rect(467, 181, 51, 13)),
                new TextLines.Line("Layer 2", new Rect(495, 300, 64, 21)));
        var gaps = ColumnGapOperations.find(List.of(top, under), lines, t -> new LabelGrammar().read(t).isPresent());
        assertEquals(List.of("3x3 max", "pool", "stride 2", "contrast", "norm."), gaps.get(1).stream().map(TextLines.Line::text).toList());
    }
}
