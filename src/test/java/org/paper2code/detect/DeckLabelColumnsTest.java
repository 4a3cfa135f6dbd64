package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reading the size a stacked deck's label states from OCR readings (the strings below are readings OCR gave of
 * tiny deck labels of the synthetic tune set).
 */
class DeckLabelColumnsTest {
    private final DeckLabelColumns columns = new DeckLabelColumns();

    /** N@SxS run together (the @ lost or read as 9/0, the x read as 0) is split on the repeated side, in deck labels only. */
    @Test
    void garbledMapSizesSplitOnTheRepeatedSide() {
        assertEquals(Optional.of("256@56x56"), columns.size("C5: feature maps 25656056", false));
        assertEquals(Optional.of("512@12x12"), columns.size("Feature maps 51212012", false));
        assertEquals(Optional.of("512@28x28"), columns.size("1 corms 51292828", false));
        assertEquals(Optional.of("8@30x30"), columns.size("Pooled maps 8@30x30", false));
        assertEquals(Optional.of("512@8x8"), columns.size("conws 512g8x8", false));
        // the shared lexicon does not split such runs: a table's plain number stays a number there
        assertEquals(List.of(25656056), new LabelGrammar().numbers("25656056"));
    }

    /** An input states its side alone; a kernel size over a deck is no input size. */
    @Test
    void inputSideButNoKernel() {
        assertEquals(Optional.of("64x64"), columns.size("INPUT 64x64", false));
        assertEquals(Optional.empty(), columns.size("3x3 conv", false));
    }

    /** A vector bar's size is the number its label ends in; a layer index is none. */
    @Test
    void vectorSizes() {
        assertEquals(Optional.of("84"), columns.size("Fully connected 84", true));
        assertEquals(Optional.of("84"), columns.size("F6: layer 84", true));
        assertEquals(Optional.of("500"), columns.size("F5: 500 units", true));
        assertEquals(Optional.empty(), columns.size("fc2", true));
    }

    /** One well-formed but wrong reading (the figure-wide one) does not outvote the column readings that agree. */
    @Test
    void theSizeMostReadingsAgreeOnWins() {
        List<DeckLabelColumns.Reading> readings = List.of(
                reading("conw1 65@224x224"), reading("conv1 64@224x224"), reading("conw1 G6 QOKOS"), reading("conv1 64 @224x224"));
        assertEquals(Optional.of("64@224x224"), DeckLabelColumns.agreed(readings));
    }

    /** "S12@7x7" (512 with the 5 read as S) does not state 12@7x7 as it is; the size token is dropped, the words stay. */
    @Test
    void sizeTokensAndLiteralSizes() {
        assertFalse(DeckLabelColumns.statesLiterally("pools S12@7x7", "12@7x7"));
        assertEquals(28, DeckLabelColumns.side("16@28x28"));
        assertEquals(0, DeckLabelColumns.side("84"));
        assertTrue(DeckLabelColumns.statesLiterally("S4: f. maps 16@5x5", "16@5x5"));
        assertEquals(List.of("C1: kature maps"), DeckLabelColumns.withoutSizes(List.of("C1: kature maps 692428")));
        assertEquals(List.of("conv1"), DeckLabelColumns.withoutSizes(List.of("conv1", "6$9112x112")));
        assertEquals("pools 512@14x14", DeckLabelColumns.words("pools 512@14x14 —_—_—,"));
    }

    private DeckLabelColumns.Reading reading(String text) {
        return new DeckLabelColumns.Reading(text, columns.size(text, false));
    }

    /** The @ read as 9 with a space before the size: the count is what precedes the 9. */
    @Test
    void atSignReadAsNineBeforeASpace() {
        assertEquals(Optional.of("512@14x14"), columns.size("conv5_3 5129 14x14", false));
        assertEquals(Optional.of("16@6x6"), columns.size("Pooled maps 169 6x6", false));
    }
}
