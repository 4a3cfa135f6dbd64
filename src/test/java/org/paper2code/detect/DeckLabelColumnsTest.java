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

    /**
     * Readings of the tune sets' small labels (seed 7 fig00083, seed 41 fig00009/fig00156, seed 77 fig00141): the x
     * lost or read as a symbol or 0, the @ read as G before a space, a count's 5 read as S or $. Before: no size ("512@2828"), or 12 maps.
     */
    @Test
    void moreGarbledMapSizes() {
        assertEquals(Optional.of("512@28x28"), columns.size("canv4_2 512@2828", false));
        assertEquals(Optional.of("512@28x28"), columns.size("convd_2 512@28&28", false));
        assertEquals(Optional.of("16@28x28"), columns.size("Feature maps 16@28&%28", false));
        assertEquals(Optional.of("22@112x112"), columns.size("Feature maps 22@ 1120112", false));
        assertEquals(Optional.of("64@96x96"), columns.size("Feature maps 64G 96X96", false));
        assertEquals(Optional.of("512@28x28"), columns.size("c13: S12@28x28", false));
        assertEquals(Optional.of("512@14x14"), columns.size("S14: Sl2@14x14", false));
        assertEquals(Optional.of("512"), columns.size("Fully connected $12", true));
        assertEquals(List.of("c13:"), DeckLabelColumns.withoutSizes(List.of("c13: S12@28x28")));
        assertEquals(Optional.of("964@55x55"), columns.size("Feature maps 964@55x55", false), "a side is not split into kernel-like halves");
        // a LeNet tag S4 before its count stays a tag
        assertEquals(Optional.of("16@5x5"), columns.size("S4: f. maps 16@5x5", false));
    }

    /**
     * Readings of "C3: feature maps 32@12x12" (seed 41 fig00032): two read the '@' as a digit too (324@12x12). Their
     * votes go to the count they extend. Before: 324 maps won two to one.
     */
    @Test
    void aCountWithTheAtSignReadAsADigitVotesForTheShorterCount() {
        List<DeckLabelColumns.Reading> readings = java.util.stream.Stream.of("C3: feature maps 32 12x12", "C43: feature mans 3249 12x12",
                "Cd: feature mans 3249 12x12", "Cd: feature mans 22q 12x12")
                .map(t -> new DeckLabelColumns.Reading(t, columns.size(t, false))).toList();
        assertEquals(Optional.of("32@12x12"), DeckLabelColumns.agreed(readings));
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
