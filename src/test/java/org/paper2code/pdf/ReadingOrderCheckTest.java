package org.paper2code.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading-order check on hand-made line sequences, and on a real two-column paper. */
class ReadingOrderCheckTest {
    private static Paper.SourceLine line(int page, double x, double y, int column) {
        return new Paper.SourceLine(page, new Rect(x, y, 230, 9), column);
    }

    @Test
    void aColumnBreakIsFineInterleavingIsNot() {
        // bottom of the left column, then the top of the right one: a column break
        assertNull(ReadingOrderCheck.why(List.of(line(1, 50, 700, 0), line(1, 310, 80, 1))));
        // right column of a band, then the left column of the band below a full-width figure
        assertNull(ReadingOrderCheck.why(List.of(line(1, 310, 300, 1), line(1, 50, 500, 0))));
        // across a page break anything goes
        assertNull(ReadingOrderCheck.why(List.of(line(1, 310, 700, 1), line(2, 50, 80, 0))));
        // left then right on the same row: the columns interleave
        assertTrue(ReadingOrderCheck.why(List.of(line(1, 50, 100, 0), line(1, 310, 100.5, 1), line(1, 50, 112, 0)))
                .startsWith("left (y 100) to right (y 101)"));
        // right back to the left above it
        assertTrue(ReadingOrderCheck.why(List.of(line(1, 310, 300, 1), line(1, 50, 200, 0))).startsWith("right (y 300) back to left"));
        // a running head across the gutter glued to column text
        assertTrue(ReadingOrderCheck.why(List.of(line(1, 50, 40, -1), line(1, 50, 80, 0))).startsWith("a line across the gutter"));
    }

    @Test
    void realTwoColumnPaperHasNoMixedSentence() throws Exception {
        java.nio.file.Path pdf = java.nio.file.Path.of("../shared/corpus-real/pdfs/convs2s_gehring2017_icml.pdf");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(pdf), "../shared/corpus-real is not here");
        Paper p = new PaperReader().read(pdf, PdfOptions.defaults().withCropDpi(10).withTimeLimit(java.time.Duration.ofMinutes(5)));
        ReadingOrderCheck.Result r = ReadingOrderCheck.check(p);
        assertTrue(r.checked() > 300, "sentences on two-column pages: " + r.checked());
        // its running head "Convolutional Sequence to Sequence Learning" used to run on into the first sentence of each page
        assertEquals(List.of(), r.mixed());
        assertTrue(p.sentences().stream().noneMatch(s -> s.text().startsWith("Convolutional Sequence to Sequence Learning ")));
    }
}
