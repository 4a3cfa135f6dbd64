package org.paper2code.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.paper2code.pdf.PdfOptions;

/** What the run asks of the PDF stage. */
class ExtractOptionsTest {
    @Test
    void runRendersFigureCropsButNotTableCrops() {
        PdfOptions pdf = ExtractOptions.defaults(Path.of("out")).pdfOptions();
        assertFalse(pdf.tableCrops(), "the run reads table cells only: a table crop would be a wasted page render");
        assertTrue(PdfOptions.defaults().tableCrops(), "paper2code pdf still writes table crops");
        assertEquals(PdfOptions.DEFAULT_DPI, pdf.cropDpi());
        assertEquals(Duration.ofSeconds(120), pdf.timeLimit());
    }
}
